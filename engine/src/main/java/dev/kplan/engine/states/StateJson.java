package dev.kplan.engine.states;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.InstanceKey;
import dev.kplan.engine.addrs.ModuleAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.ResourceMode;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.state.DeposedObject;
import dev.kplan.state.OutputValue;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A state in the field layout of Terraform's state format version 4, for {@code state pull} and
 * {@code state push}: {@code version}, {@code serial}, {@code lineage}, {@code outputs} (each with
 * {@code value}, {@code type}, {@code sensitive}) and {@code resources}, one entry per resource
 * ({@code module}, {@code mode}, {@code type}, {@code name}, {@code provider}) with its
 * {@code instances} ({@code index_key}, {@code schema_version}, {@code attributes},
 * {@code sensitive_attributes}, {@code dependencies}, and {@code status}, {@code private},
 * {@code deposed} where they apply). Providers are written as kplan stores them
 * ({@code provider.local}); Terraform's {@code provider["registry.terraform.io/hashicorp/local"]}
 * is read as {@code provider.local}.
 */
public final class StateJson {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern TERRAFORM_PROVIDER =
      Pattern.compile("^(module\\..*\\.)?provider\\[\"(?:[^\"]*/)?([^\"/]+)\"\\](?:\\.([A-Za-z_][A-Za-z0-9_-]*))?$");

  private StateJson() {}

  /** {@code state} as Terraform state JSON (values in clear, as Terraform's {@code state pull} writes them). */
  public static String write(StateSnapshot state) {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 4);
    root.put("serial", state.serial());
    root.put("lineage", state.lineage());
    ObjectNode outputs = root.putObject("outputs");
    for (OutputValue o : state.outputs().values()) {
      JsonNode typed = JSON.readTree(o.valueJson());
      ObjectNode entry = outputs.putObject(o.name());
      entry.set("value", typed.has("type") ? typed.get("value") : typed);
      if (typed.has("type")) {
        entry.set("type", typed.get("type"));
      }
      if (o.sensitive()) {
        entry.put("sensitive", true);
      }
    }
    // one entry per resource, instances (then its deposed objects) in key order
    Map<ResourceAddress, List<ObjectNode>> byResource = new java.util.TreeMap<>();
    Map<ResourceAddress, String> providers = new HashMap<>();
    List<ResourceAddress> addresses = StateAddresses.all(state);
    for (ResourceAddress a : addresses) {
      ResourceInstance r = state.resources().get(a.toString());
      byResource.computeIfAbsent(a.resource(), k -> new ArrayList<>()).add(instance(a, r, null));
      providers.putIfAbsent(a.resource(), r.providerAddress());
    }
    for (DeposedObject d : state.deposed().values()) {
      AddressParser.Result<ResourceAddress> a = ResourceAddress.parse(d.instance().address());
      if (a.ok() && a.value() != null) {
        byResource.computeIfAbsent(a.value().resource(), k -> new ArrayList<>())
            .add(instance(a.value(), d.instance(), d.deposedKey()));
        providers.putIfAbsent(a.value().resource(), d.instance().providerAddress());
      }
    }
    ArrayNode resources = root.putArray("resources");
    byResource.forEach((resource, instances) -> {
      ObjectNode r = resources.addObject();
      if (!resource.module().isEmpty()) {
        r.put("module", resource.modulePath());
      }
      r.put("mode", resource.mode() == ResourceMode.DATA ? "data" : "managed");
      r.put("type", resource.type());
      r.put("name", resource.name());
      r.put("provider", providers.get(resource));
      ArrayNode list = r.putArray("instances");
      instances.forEach(list::add);
    });
    root.putArray("check_results");
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
  }

  private static ObjectNode instance(ResourceAddress a, ResourceInstance r, String deposedKey) {
    ObjectNode i = JSON.createObjectNode();
    if (a.key() instanceof InstanceKey.IntKey k) {
      i.put("index_key", k.value());
    } else if (a.key() instanceof InstanceKey.StringKey k) {
      i.put("index_key", k.value());
    }
    if (r.tainted()) {
      i.put("status", "tainted");
    }
    if (deposedKey != null) {
      i.put("deposed", deposedKey);
    }
    i.put("schema_version", r.schemaVersion());
    i.set("attributes", JSON.readTree(r.attributesJson()));
    i.set("sensitive_attributes", JSON.readTree(r.sensitivePathsJson()));
    if (r.privateData() != null) {
      i.put("private", r.privateData());
    }
    ArrayNode deps = i.putArray("dependencies");
    r.dependencies().forEach(deps::add);
    return i;
  }

  /** A state read from Terraform state JSON, or the errors that make it unusable (each naming where). */
  public record ReadResult(StateSnapshot state, Diagnostics diagnostics) {}

  /** Reads {@code text} (the content of {@code name}). */
  public static ReadResult read(String text, String name) {
    List<Diagnostic> errors = new ArrayList<>();
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      return fail(name, "is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      return fail(name, "is not a state: a JSON object with version, serial, lineage and resources is expected.");
    }
    if (!root.path("version").isIntegralNumber() || root.path("version").asInt() != 4) {
      return fail(name, "has state format version " + root.path("version") + "; kplan reads version 4.");
    }
    if (!root.path("serial").isIntegralNumber() || root.path("serial").asLong() < 0) {
      return fail(name, "has no valid \"serial\" (a whole number of at least 0 is expected).");
    }
    if (!root.path("lineage").isString() || root.path("lineage").asString().isBlank()) {
      return fail(name, "has no \"lineage\" (a non-empty string is expected).");
    }
    Map<String, OutputValue> outputs = new LinkedHashMap<>();
    JsonNode outs = root.path("outputs");
    if (!outs.isMissingNode() && !outs.isNull()) {
      if (!outs.isObject()) {
        return fail(name, "has \"outputs\" that is not an object.");
      }
      for (String o : outs.propertyNames()) {
        JsonNode entry = outs.get(o);
        if (!entry.isObject() || !entry.has("value") || !entry.has("type")) {
          errors.add(error(name, "outputs." + o, "needs \"value\" and \"type\"."));
          continue;
        }
        ObjectNode typed = JSON.createObjectNode();
        typed.set("value", entry.get("value"));
        typed.set("type", entry.get("type"));
        outputs.put(o, new OutputValue(o, JSON.writeValueAsString(typed), entry.path("sensitive").asBoolean(false)));
      }
    }
    Map<String, ResourceInstance> resources = new LinkedHashMap<>();
    Map<String, DeposedObject> deposed = new LinkedHashMap<>();
    JsonNode rs = root.path("resources");
    if (!rs.isMissingNode() && !rs.isArray()) {
      return fail(name, "has \"resources\" that is not an array.");
    }
    for (int ri = 0; ri < rs.size(); ri++) {
      JsonNode r = rs.get(ri);
      String where = "resources[" + ri + "]";
      String mode = r.path("mode").asString("");
      String type = r.path("type").asString("");
      String rname = r.path("name").asString("");
      String module = r.path("module").asString("");
      if (!mode.equals("managed") && !mode.equals("data")) {
        errors.add(error(name, where + ".mode", "must be \"managed\" or \"data\"."));
        continue;
      }
      if (type.isEmpty() || rname.isEmpty() || !r.path("provider").isString()) {
        errors.add(error(name, where, "needs \"type\", \"name\" and \"provider\"."));
        continue;
      }
      String provider = provider(r.path("provider").asString());
      String base = (module.isEmpty() ? "" : module + ".") + (mode.equals("data") ? "data." : "") + type + "." + rname;
      AddressParser.Result<ResourceAddress> parsed = ResourceAddress.parse(base);
      if (!parsed.ok() || parsed.value() == null || (!module.isEmpty() && !ModuleAddress.parse(module).ok())) {
        errors.add(error(name, where, "does not make a valid address (" + base + ")."));
        continue;
      }
      JsonNode instances = r.path("instances");
      for (int ii = 0; ii < instances.size(); ii++) {
        JsonNode i = instances.get(ii);
        String at = where + ".instances[" + ii + "]";
        JsonNode key = i.path("index_key");
        InstanceKey k;
        if (key.isMissingNode() || key.isNull()) {
          k = InstanceKey.NONE;
        } else if (key.isIntegralNumber()) {
          k = new InstanceKey.IntKey(key.asInt());
        } else if (key.isString()) {
          k = new InstanceKey.StringKey(key.asString());
        } else {
          errors.add(error(name, at + ".index_key", "must be a number or a string."));
          continue;
        }
        if (!i.path("attributes").isObject()) {
          errors.add(error(name, at + ".attributes", "must be an object."));
          continue;
        }
        JsonNode sensitive = i.path("sensitive_attributes");
        JsonNode deps = i.path("dependencies");
        if ((!sensitive.isMissingNode() && !sensitive.isArray()) || (!deps.isMissingNode() && !deps.isArray())) {
          errors.add(error(name, at, "has \"sensitive_attributes\" or \"dependencies\" that is not an array."));
          continue;
        }
        List<String> dependencies = new ArrayList<>();
        deps.forEach(d -> dependencies.add(d.asString()));
        String address = parsed.value().instance(k).toString();
        ResourceInstance instance = new ResourceInstance(address, provider, i.path("schema_version").asInt(0),
            JSON.writeValueAsString(i.get("attributes")), sensitive.isMissingNode() ? "[]" : JSON.writeValueAsString(sensitive),
            dependencies, "tainted".equals(i.path("status").asString("")),
            i.path("private").isString() ? i.path("private").asString() : null);
        if (i.path("deposed").isString()) {
          DeposedObject d = new DeposedObject(i.path("deposed").asString(), instance);
          deposed.put(d.id(), d);
        } else if (resources.put(address, instance) != null) {
          errors.add(error(name, at, "repeats the instance " + address + "."));
        }
      }
    }
    if (!errors.isEmpty()) {
      return new ReadResult(null, Diagnostics.of(errors));
    }
    return new ReadResult(new StateSnapshot(root.path("serial").asLong(), root.path("lineage").asString(), resources,
        outputs, deposed), Diagnostics.NONE);
  }

  /** kplan's provider address; Terraform's {@code provider["…/NAME"].ALIAS} becomes {@code provider.NAME.ALIAS}. */
  static String provider(String text) {
    Matcher m = TERRAFORM_PROVIDER.matcher(text);
    if (!m.matches()) {
      return text;
    }
    return (m.group(1) == null ? "" : m.group(1)) + "provider." + m.group(2) + (m.group(3) == null ? "" : "." + m.group(3));
  }

  private static Diagnostic error(String name, String where, String what) {
    return Diagnostic.error("Invalid state file", name + ": " + where + " " + what, null);
  }

  private static ReadResult fail(String name, String what) {
    return new ReadResult(null, Diagnostics.of(Diagnostic.error("Invalid state file", name + " " + what, null)));
  }
}
