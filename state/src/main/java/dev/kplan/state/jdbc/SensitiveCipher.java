package dev.kplan.state.jdbc;

import dev.kplan.state.DeposedObject;
import dev.kplan.state.OutputValue;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.crypto.StateKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Seals the sensitive values of what is written and opens them in what is read. An object's
 * values at its sensitive paths are replaced in {@code attributes_json} by sealed text (the
 * structure and everything else stay readable); a sensitive output's whole {@code value_json}
 * becomes one sealed JSON string. The associated data of a value is where it lives: the address and
 * the JSON pointer of the value (an output: {@code output NAME}). Checksums cover the stored, sealed
 * text, so {@code state verify} needs no key. Without a key ({@link #NONE}) nothing is sealed, and a
 * state holding sealed values is refused ({@link #open}) or shown as {@value #MASK} ({@link #mask}).
 */
final class SensitiveCipher {
  static final SensitiveCipher NONE = new SensitiveCipher(null, null);

  static final String MASK = "(encrypted)";

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final StateKey key;
  private final String where;

  private SensitiveCipher(StateKey key, String where) {
    this.key = key;
    this.where = where;
  }

  static SensitiveCipher of(StateKey key, String where) {
    return new SensitiveCipher(key, where);
  }

  boolean hasKey() {
    return key != null;
  }

  // ---- writing ----

  ResourceInstance seal(ResourceInstance r) {
    if (key == null) {
      return r;
    }
    JsonNode paths = parse(r.sensitivePathsJson());
    if (!paths.isArray() || paths.isEmpty()) {
      return r;
    }
    JsonNode root = parse(r.attributesJson());
    List<JsonNode> byLength = new ArrayList<>();
    paths.forEach(byLength::add);
    // ancestors first: a path under a value already sealed finds sealed text and stops there
    byLength.sort(Comparator.comparingInt(JsonNode::size));
    for (JsonNode path : byLength) {
      sealAt(root, path, r.address());
    }
    return new ResourceInstance(r.address(), r.providerAddress(), r.schemaVersion(), MAPPER.writeValueAsString(root),
        r.sensitivePathsJson(), r.dependencies(), r.tainted(), r.privateData());
  }

  OutputValue seal(OutputValue o) {
    if (key == null || !o.sensitive() || StateKey.isSealed(textOf(o.valueJson()))) {
      return o;
    }
    return new OutputValue(o.name(), MAPPER.writeValueAsString(key.seal(o.valueJson(), outputContext(o.name()))), true);
  }

  private void sealAt(JsonNode root, JsonNode path, String address) {
    JsonNode parent = null;
    String field = null;
    int index = -1;
    String pointer = "";
    JsonNode node = root;
    for (JsonNode step : path) {
      if (node.isString()) {
        return; // sealed already (an ancestor)
      }
      JsonNode value = step.get("value");
      String name = null;
      int at = -1;
      if (value != null && value.isObject() && value.has("value")) { // index step: {"type":…,"value":…}
        JsonNode k = value.get("value");
        if (k.isNumber()) {
          at = k.asInt();
        } else {
          name = k.asString();
        }
      } else if (value != null) {
        name = value.asString();
      }
      if (node.isObject() && name != null && !node.has(name) && isTyped(node)) {
        pointer += "/value"; // a value of type any: {"value":…,"type":…}
        parent = node;
        field = "value";
        index = -1;
        node = node.get("value");
      }
      JsonNode next = name != null ? (node.isObject() ? node.get(name) : null)
          : (node.isArray() && at >= 0 && at < node.size() ? node.get(at) : null);
      if (next == null) {
        break; // seal what the path reaches
      }
      parent = node;
      field = name;
      index = at;
      pointer += "/" + (name != null ? escape(name) : Integer.toString(at));
      node = next;
    }
    if (parent == null || node.isNull() || node.isString() && StateKey.isSealed(node.stringValue())) {
      return;
    }
    JsonNode sealed = JsonNodeFactory.instance.stringNode(
        key.seal(MAPPER.writeValueAsString(node), attributeContext(address, pointer)));
    if (field != null) {
      ((ObjectNode) parent).set(field, sealed);
    } else {
      ((ArrayNode) parent).set(index, sealed);
    }
  }

  private static boolean isTyped(JsonNode n) {
    return n.size() == 2 && n.has("value") && n.has("type");
  }

  // ---- reading ----

  /** The snapshot with every sealed value opened; refused without the key or with another one. */
  StateSnapshot open(StateSnapshot s) throws StateException {
    return transform(s, false);
  }

  /** The snapshot with every sealed value opened when there is a key, else replaced by {@value #MASK}. */
  StateSnapshot mask(StateSnapshot s) throws StateException {
    return transform(s, key == null);
  }

  private StateSnapshot transform(StateSnapshot s, boolean masking) throws StateException {
    Map<String, ResourceInstance> resources = new LinkedHashMap<>();
    for (Map.Entry<String, ResourceInstance> e : s.resources().entrySet()) {
      resources.put(e.getKey(), open(e.getValue(), masking));
    }
    Map<String, OutputValue> outputs = new LinkedHashMap<>();
    for (Map.Entry<String, OutputValue> e : s.outputs().entrySet()) {
      outputs.put(e.getKey(), open(e.getValue(), masking));
    }
    Map<String, DeposedObject> deposed = new LinkedHashMap<>();
    for (Map.Entry<String, DeposedObject> e : s.deposed().entrySet()) {
      deposed.put(e.getKey(), new DeposedObject(e.getValue().deposedKey(), open(e.getValue().instance(), masking)));
    }
    return new StateSnapshot(s.serial(), s.lineage(), resources, outputs, deposed);
  }

  /** Opened with the key; without one, sealed values read as {@value #MASK}. */
  ResourceInstance maskInstance(ResourceInstance r) throws StateException {
    return open(r, key == null);
  }

  ResourceInstance openInstance(ResourceInstance r) throws StateException {
    return open(r, false);
  }

  OutputValue openOutput(OutputValue o) throws StateException {
    return open(o, false);
  }

  private OutputValue open(OutputValue o, boolean masking) throws StateException {
    String text = textOf(o.valueJson());
    if (!StateKey.isSealed(text)) {
      return o;
    }
    String plain = masking ? MAPPER.writeValueAsString(Map.of("value", MASK, "type", "string"))
        : openValue(text, outputContext(o.name()), "output " + o.name());
    return new OutputValue(o.name(), plain, o.sensitive());
  }

  private ResourceInstance open(ResourceInstance r, boolean masking) throws StateException {
    if (!r.attributesJson().contains(StateKey.PREFIX)) {
      return r;
    }
    JsonNode root = parse(r.attributesJson());
    JsonNode opened = openTree(root, "", r.address(), masking);
    return new ResourceInstance(r.address(), r.providerAddress(), r.schemaVersion(), MAPPER.writeValueAsString(opened),
        r.sensitivePathsJson(), r.dependencies(), r.tainted(), r.privateData());
  }

  private JsonNode openTree(JsonNode node, String pointer, String address, boolean masking) throws StateException {
    if (node.isString() && StateKey.isSealed(node.stringValue())) {
      if (masking) {
        return JsonNodeFactory.instance.stringNode(MASK);
      }
      return parse(openValue(node.stringValue(), attributeContext(address, pointer), address));
    }
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      for (String name : new ArrayList<>(o.propertyNames())) {
        o.set(name, openTree(o.get(name), pointer + "/" + escape(name), address, masking));
      }
    } else if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      for (int i = 0; i < a.size(); i++) {
        a.set(i, openTree(a.get(i), pointer + "/" + i, address, masking));
      }
    }
    return node;
  }

  private String openValue(String sealed, String context, String what) throws StateException {
    if (key == null) {
      throw new StateException(noKey(where));
    }
    try {
      return key.open(sealed, context);
    } catch (StateKey.WrongKeyException e) {
      throw new StateException("A sensitive value of " + what + " in the state at " + where + " cannot be decrypted"
          + " with the passphrase given, though the passphrase itself matches: the stored value was changed or moved"
          + " outside kplan. kplan read nothing from the state.");
    }
  }

  static String noKey(String where) {
    return "The state at " + where + " holds sensitive values encrypted with a passphrase, and none was given: set"
        + " KPLAN_STATE_PASSPHRASE, or configure kplan { encryption { passphrase = var.NAME } } and give that"
        + " variable. kplan read nothing from the state.";
  }

  private static String attributeContext(String address, String pointer) {
    return "resource " + address + " " + pointer;
  }

  private static String outputContext(String name) {
    return "output " + name;
  }

  private static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  /** The string a JSON text holds, or null when it is not a JSON string. */
  private static String textOf(String json) {
    if (!json.startsWith("\"")) {
      return null;
    }
    JsonNode n = parse(json);
    return n.isString() ? n.stringValue() : null;
  }

  private static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("a stored JSON value cannot be read: " + e.getOriginalMessage(), e);
    }
  }
}
