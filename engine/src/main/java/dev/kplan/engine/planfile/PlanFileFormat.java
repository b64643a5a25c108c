package dev.kplan.engine.planfile;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.ChangeReason;
import dev.kplan.engine.plan.Drift;
import dev.kplan.engine.plan.DriftCause;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.engine.plan.PlanOptions;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.PathStep;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Attribution;
import dev.kplan.provider.ChangeOrigin;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The plan file: one JSON document, self-describing and versioned.
 *
 * <pre>
 * {"kplan_plan_format": 1, "kplan_version": "0.1.0", "configuration_checksum": "sha256:…",
 *  "options": {"mode": "normal", "refresh": true, "targets": […], "replace": […], "parallelism": 10},
 *  "variables": {NAME: VALUE}, "prior_outputs": {NAME: VALUE},
 *  "plan": {"mode": "normal", "prior_serial": 3, "lineage": "…",
 *           "changes": [{"address", "action", "reason", "provider", "before", "after", "config",
 *                        "replace_paths", "planned_private", "dependencies", "previous_address",
 *                        "importing", "deposed_key"}],
 *           "drift": [{"address", "cause", "before", "live", "attribution", "deposed_key"}], "outputs": {NAME: VALUE}}}
 * </pre>
 *
 * Values are written by {@link ValueJson} (exact: unknowns, marks and types survive). Only the
 * kplan version that wrote a plan applies it, as Terraform does: another version may plan
 * differently. A plan's warnings are not kept (they were shown when it was made).
 */
public final class PlanFileFormat {
  /** The format this kplan writes and reads. */
  public static final int FORMAT_VERSION = 1;

  static final String MAGIC = "kplan_plan_format";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private PlanFileFormat() {}

  /** A plan file read: the file, or why it cannot be used. */
  public record ReadResult(PlanFile file, Diagnostics diagnostics) {}

  /** The document for {@code file}, written by kplan {@code kplanVersion}. */
  public static byte[] write(PlanFile file, String kplanVersion) {
    ObjectNode root = JSON.createObjectNode();
    root.put(MAGIC, FORMAT_VERSION);
    root.put("kplan_version", kplanVersion);
    root.put("configuration_checksum", file.configChecksum());
    root.set("options", options(file.options()));
    root.set("variables", values(file.variables()));
    root.set("prior_outputs", values(file.priorOutputs()));
    root.set("plan", plan(file.plan()));
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
  }

  /** Reads {@code bytes} (from {@code name}, for messages) as kplan {@code kplanVersion} does. */
  public static ReadResult read(byte[] bytes, String name, String kplanVersion) {
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (JacksonException e) {
      root = null;
    }
    if (root == null || !root.isObject() || !root.has(MAGIC)) {
      return failed("Failed to load the plan file", "The file \"" + name + "\" is not a kplan plan file. Create one"
          + " with \"kplan plan -out=" + name + "\".");
    }
    JsonNode format = root.get(MAGIC);
    if (!format.isIntegralNumber() || format.asInt() != FORMAT_VERSION) {
      return failed("Saved plan is incompatible", "The plan file \"" + name + "\" uses plan file format " + format
          + ", but this version of kplan (" + kplanVersion + ") reads format " + FORMAT_VERSION
          + ". Create a new plan with this version.");
    }
    JsonNode written = root.get("kplan_version");
    String by = written != null && written.isString() ? written.stringValue() : "an unknown version";
    if (!by.equals(kplanVersion)) {
      return failed("Saved plan is incompatible", "The plan file \"" + name + "\" was created by kplan " + by
          + ", but this is kplan " + kplanVersion + ". A saved plan can only be applied by the version of kplan that"
          + " created it; create a new plan with this version.");
    }
    try {
      PlanFile file = new PlanFile(plan(root.get("plan")), options(root.get("options")),
          values(root.get("variables"), "variables"), values(root.get("prior_outputs"), "prior_outputs"),
          ValueJson.text(root.get("configuration_checksum"), "configuration_checksum"));
      return new ReadResult(file, Diagnostics.NONE);
    } catch (PlanFileException | IllegalArgumentException | NullPointerException e) {
      // the constructors of the plan's records validate too
      return failed("Failed to load the plan file", "The plan file \"" + name + "\" is corrupt: " + e.getMessage()
          + ".");
    }
  }

  private static ReadResult failed(String summary, String detail) {
    return new ReadResult(null, Diagnostics.of(Diagnostic.error(summary, detail, null)));
  }

  // ---- writing ----

  private static ObjectNode options(PlanOptions o) {
    ObjectNode n = JSON.createObjectNode();
    n.put("mode", name(o.mode()));
    n.put("refresh", o.refresh());
    ArrayNode targets = n.putArray("targets");
    o.targets().forEach(t -> targets.add(t.toString()));
    ArrayNode replace = n.putArray("replace");
    o.replace().forEach(t -> replace.add(t.toString()));
    n.put("parallelism", o.parallelism());
    return n;
  }

  private static ObjectNode plan(Plan p) {
    ObjectNode n = JSON.createObjectNode();
    n.put("mode", name(p.mode()));
    n.put("prior_serial", p.priorSerial());
    n.put("lineage", p.lineage());
    ArrayNode changes = n.putArray("changes");
    for (ResourceChange c : p.changes()) {
      ObjectNode cn = changes.addObject();
      cn.put("address", c.address().toString());
      cn.put("action", name(c.action()));
      cn.put("reason", name(c.reason()));
      cn.put("provider", c.provider().toString());
      cn.set("before", ValueJson.write(c.before()));
      cn.set("after", ValueJson.write(c.after()));
      cn.set("config", ValueJson.write(c.config()));
      ArrayNode rp = cn.putArray("replace_paths");
      c.replacePaths().forEach(path -> rp.add(path(path)));
      cn.put("planned_private", c.plannedPrivate());
      ArrayNode deps = cn.putArray("dependencies");
      c.dependencies().forEach(d -> deps.add(d.toString()));
      cn.put("previous_address", c.previousAddress() == null ? null : c.previousAddress().toString());
      cn.put("importing", c.importing());
      cn.put("deposed_key", c.deposedKey());
    }
    ArrayNode drift = n.putArray("drift");
    for (Drift d : p.drift()) {
      ObjectNode dn = drift.addObject();
      dn.put("address", d.address().toString());
      dn.put("cause", name(d.cause()));
      dn.put("deposed_key", d.deposedKey());
      dn.set("before", ValueJson.write(d.before()));
      dn.set("live", ValueJson.write(d.live()));
      ArrayNode at = dn.putArray("attribution");
      for (Attribution a : d.attribution()) {
        ObjectNode an = at.addObject();
        an.set("path", path(a.path()));
        an.put("manager", a.manager());
        an.put("operation", a.operation());
        an.put("time", a.time() == null ? null : a.time().toString());
        an.put("origin", name(a.origin()));
        an.put("security_sensitive", a.securitySensitive());
      }
    }
    n.set("outputs", values(p.outputs()));
    return n;
  }

  private static ObjectNode values(Map<String, Value> values) {
    ObjectNode n = JSON.createObjectNode();
    values.forEach((k, v) -> n.set(k, ValueJson.write(v)));
    return n;
  }

  private static ArrayNode path(Path p) {
    ArrayNode a = JSON.createArrayNode();
    for (PathStep s : p.steps()) {
      if (s instanceof PathStep.GetAttr g) {
        a.addObject().put("attr", g.name());
      } else {
        a.addObject().set("index", ValueJson.write(((PathStep.Index) s).key()));
      }
    }
    return a;
  }

  private static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  // ---- reading ----

  private static PlanOptions options(JsonNode n) {
    object(n, "options");
    return new PlanOptions(enumOf(PlanMode.class, n.get("mode"), "options.mode"), bool(n.get("refresh"), "options.refresh"),
        list(n.get("targets"), "options.targets", (t) -> resource(t, "options.targets")),
        list(n.get("replace"), "options.replace", (t) -> resource(t, "options.replace")),
        (int) number(n.get("parallelism"), "options.parallelism"));
  }

  private static Plan plan(JsonNode n) {
    object(n, "plan");
    List<ResourceChange> changes = new ArrayList<>();
    int i = 0;
    for (JsonNode c : array(n.get("changes"), "plan.changes")) {
      String at = "plan.changes[" + i++ + "]";
      object(c, at);
      JsonNode previous = c.get("previous_address");
      JsonNode priv = c.get("planned_private");
      JsonNode importing = c.get("importing");
      JsonNode deposedKey = c.get("deposed_key");
      changes.add(new ResourceChange(
          resource(c.get("address"), at + ".address"),
          enumOf(Action.class, c.get("action"), at + ".action"),
          ValueJson.read(c.get("before"), at + ".before"),
          ValueJson.read(c.get("after"), at + ".after"),
          list(c.get("replace_paths"), at + ".replace_paths", p -> path(p, at + ".replace_paths")),
          enumOf(ChangeReason.class, c.get("reason"), at + ".reason"),
          provider(c.get("provider"), at + ".provider"),
          ValueJson.read(c.get("config"), at + ".config"),
          priv == null || priv.isNull() ? null : ValueJson.text(priv, at + ".planned_private"),
          list(c.get("dependencies"), at + ".dependencies", d -> resource(d, at + ".dependencies")),
          previous == null || previous.isNull() ? null : resource(previous, at + ".previous_address"),
          importing == null || importing.isNull() ? null : ValueJson.text(importing, at + ".importing"),
          deposedKey == null || deposedKey.isNull() ? null : ValueJson.text(deposedKey, at + ".deposed_key")));
    }
    List<Drift> drift = new ArrayList<>();
    i = 0;
    for (JsonNode d : array(n.get("drift"), "plan.drift")) {
      String at = "plan.drift[" + i++ + "]";
      object(d, at);
      JsonNode driftKey = d.get("deposed_key");
      drift.add(new Drift(resource(d.get("address"), at + ".address"),
          ValueJson.read(d.get("before"), at + ".before"), ValueJson.read(d.get("live"), at + ".live"),
          list(d.get("attribution"), at + ".attribution", a -> attribution(a, at + ".attribution")),
          enumOf(DriftCause.class, d.get("cause"), at + ".cause"),
          driftKey == null || driftKey.isNull() ? null : ValueJson.text(driftKey, at + ".deposed_key")));
    }
    return new Plan(enumOf(PlanMode.class, n.get("mode"), "plan.mode"), changes, drift,
        values(n.get("outputs"), "plan.outputs"), Diagnostics.NONE, number(n.get("prior_serial"), "plan.prior_serial"),
        ValueJson.text(n.get("lineage"), "plan.lineage"));
  }

  private static Attribution attribution(JsonNode a, String at) {
    object(a, at);
    JsonNode time = a.get("time");
    Instant when = null;
    if (time != null && !time.isNull()) {
      try {
        when = Instant.parse(ValueJson.text(time, at + ".time"));
      } catch (DateTimeParseException e) {
        throw new PlanFileException(at + ".time: not a time");
      }
    }
    return new Attribution(path(a.get("path"), at + ".path"), ValueJson.text(a.get("manager"), at + ".manager"),
        ValueJson.text(a.get("operation"), at + ".operation"), when,
        a.hasNonNull("origin") ? enumOf(ChangeOrigin.class, a.get("origin"), at + ".origin") : ChangeOrigin.UNKNOWN,
        a.hasNonNull("security_sensitive") && a.get("security_sensitive").asBoolean());
  }

  private static Path path(JsonNode n, String at) {
    Path p = Path.ROOT;
    for (JsonNode s : array(n, at)) {
      object(s, at);
      if (s.has("attr")) {
        p = p.attr(ValueJson.text(s.get("attr"), at));
      } else if (s.has("index")) {
        p = p.index(ValueJson.read(s.get("index"), at));
      } else {
        throw new PlanFileException(at + ": a path step must be \"attr\" or \"index\"");
      }
    }
    return p;
  }

  private static Map<String, Value> values(JsonNode n, String at) {
    object(n, at);
    Map<String, Value> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      out.put(e.getKey(), ValueJson.read(e.getValue(), at + "." + e.getKey()));
    }
    return out;
  }

  private static ResourceAddress resource(JsonNode n, String at) {
    AddressParser.Result<ResourceAddress> r = ResourceAddress.parse(ValueJson.text(n, at));
    if (!r.ok()) {
      throw new PlanFileException(at + ": \"" + n.stringValue() + "\" is not a resource address");
    }
    return r.value();
  }

  private static ProviderAddress provider(JsonNode n, String at) {
    AddressParser.Result<ProviderAddress> r = ProviderAddress.parse(ValueJson.text(n, at));
    if (!r.ok()) {
      throw new PlanFileException(at + ": \"" + n.stringValue() + "\" is not a provider address");
    }
    return r.value();
  }

  private static <E extends Enum<E>> E enumOf(Class<E> type, JsonNode n, String at) {
    String text = ValueJson.text(n, at);
    try {
      return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new PlanFileException(at + ": unknown value \"" + text + "\"");
    }
  }

  private static boolean bool(JsonNode n, String at) {
    if (n == null || !n.isBoolean()) {
      throw new PlanFileException(at + ": expected true or false");
    }
    return n.booleanValue();
  }

  private static long number(JsonNode n, String at) {
    if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
      throw new PlanFileException(at + ": expected a whole number");
    }
    return n.longValue();
  }

  private static <T> List<T> list(JsonNode n, String at, Function<JsonNode, T> element) {
    List<T> out = new ArrayList<>();
    for (JsonNode e : array(n, at)) {
      out.add(element.apply(e));
    }
    return out;
  }

  private static Iterable<JsonNode> array(JsonNode n, String at) {
    if (n == null || !n.isArray()) {
      throw new PlanFileException(at + ": expected an array");
    }
    return n.values();
  }

  private static void object(JsonNode n, String at) {
    if (n == null || !n.isObject()) {
      throw new PlanFileException(at + ": expected an object");
    }
  }
}
