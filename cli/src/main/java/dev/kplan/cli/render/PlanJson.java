package dev.kplan.cli.render;

import dev.kplan.engine.addrs.InstanceKey;
import dev.kplan.engine.addrs.ModuleStep;
import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.ResourceMode;
import dev.kplan.engine.ops.StateView;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.ChangeReason;
import dev.kplan.engine.plan.Drift;
import dev.kplan.engine.plan.DriftCause;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.PathStep;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.UnknownValue;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.lang.value.ValueOrder;
import dev.kplan.provider.Attribution;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plan in Terraform's JSON plan representation (format 1.2), so that tools written for
 * {@code terraform show -json} (OPA/conftest policies, cost estimators) read kplan plans: the
 * same field names and shapes for {@code planned_values}, {@code resource_changes},
 * {@code resource_drift} and {@code output_changes}.
 *
 * <p>Choices where kplan differs: the version is written as {@code kplan_version} and
 * {@code terraform_version} is absent, because tools gate Terraform-specific quirks on it and a
 * kplan plan has none of them; {@code provider_name} is the provider's local name
 * ({@code "local"}), kplan having no registry source addresses; {@code prior_state} and
 * {@code configuration} are absent, the plan carrying neither; drift entries carry an extra
 * {@code kplan_attribution} array (who changed what, when), which Terraform readers ignore. Unlike
 * Terraform, which writes sensitive values in clear, kplan writes {@code null} where a value is
 * sensitive (in {@code before}/{@code after}, {@code values}, drift and outputs) and flags it in
 * {@code before_sensitive}/{@code after_sensitive}/{@code sensitive_values}: plan output and the
 * reports built on it never carry a secret. Unknown values are left out of {@code before}/{@code after} (null inside arrays) and
 * flagged in {@code after_unknown}.
 */
public final class PlanJson {
  public static final String FORMAT_VERSION = "1.2";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper COMPACT = JsonMapper.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
  private static final JsonMapper PRETTY = JsonMapper.builder()
      .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).enable(SerializationFeature.INDENT_OUTPUT).build();

  private PlanJson() {}

  /** The JSON text, compact as {@code terraform show -json} writes it, or indented. */
  public static String render(Plan plan, Map<String, Value> priorOutputs, String kplanVersion, boolean pretty) {
    return (pretty ? PRETTY : COMPACT).writeValueAsString(tree(plan, priorOutputs, kplanVersion));
  }

  /** The JSON document as a tree. {@code priorOutputs} are the stored root outputs (for output_changes). */
  public static ObjectNode tree(Plan plan, Map<String, Value> priorOutputs, String kplanVersion) {
    ObjectNode root = NODES.objectNode();
    root.put("format_version", FORMAT_VERSION);
    root.put("kplan_version", kplanVersion);
    boolean outputsChange = false;
    ObjectNode outputChanges = NODES.objectNode();
    TreeSet<String> names = new TreeSet<>(plan.outputs().keySet());
    names.addAll(priorOutputs.keySet());
    for (String n : names) {
      Value b = priorOutputs.get(n);
      Value a = plan.outputs().get(n);
      Action action = b == null ? Action.CREATE : a == null ? Action.DELETE
          : PlanRenderer.sameOutput(b, a) ? Action.NO_OP : Action.UPDATE;
      outputsChange |= action != Action.NO_OP;
      outputChanges.set(n, outputChange(action, b, a));
    }
    root.set("planned_values", plannedValues(plan));
    // as Terraform, only current objects are reported as drift (a deposed one is about to go anyway)
    List<Drift> shownDrift = plan.drift().stream().filter(d -> d.deposedKey() == null).toList();
    if (!shownDrift.isEmpty()) {
      ArrayNode drift = root.putArray("resource_drift");
      for (Drift d : shownDrift) {
        drift.add(drift(d, plan));
      }
    }
    if (!plan.interrupted().isEmpty()) {
      // kplan's own: creates an interrupted apply started, followed up before this plan was made
      ArrayNode found = root.putArray("interrupted_creates");
      for (dev.kplan.engine.plan.InterruptedCreate i : plan.interrupted()) {
        ObjectNode n = found.addObject();
        n.put("address", i.address().toString());
        n.put("outcome", i.outcome().name().toLowerCase(java.util.Locale.ROOT));
        if (i.id() != null) {
          n.put("id", i.id());
        }
        n.put("note", i.note());
      }
    }
    ArrayNode changes = root.putArray("resource_changes");
    for (ResourceChange c : plan.changes()) {
      if (c.address().mode() == ResourceMode.DATA && c.action() == Action.DELETE) {
        continue; // a data source's delete only cleans state up; Terraform does not show it
      }
      ObjectNode n = addressFields(c.address(), c.provider());
      if (c.previousAddress() != null && !c.previousAddress().equals(c.address())) {
        // Terraform writes previous_address right after address
        ObjectNode ordered = NODES.objectNode();
        ordered.put("address", c.address().toString());
        ordered.put("previous_address", c.previousAddress().toString());
        n.properties().forEach(e -> ordered.set(e.getKey(), e.getValue()));
        n = ordered;
      }
      if (c.deposedKey() != null) {
        n.put("deposed", c.deposedKey());
      }
      Value before = c.action() == Action.CREATE || c.action() == Action.READ ? null : c.before();
      Value after = c.action() == Action.DELETE || c.action() == Action.FORGET ? null : c.after();
      ObjectNode change = change(c.action(), before, after, c.replacePaths());
      if (c.importing() != null) {
        change.putObject("importing").put("id", c.importing());
      }
      n.set("change", change);
      String reason = actionReason(c.reason());
      if (reason != null) {
        n.put("action_reason", reason);
      }
      changes.add(n);
    }
    if (!names.isEmpty()) {
      root.set("output_changes", outputChanges);
    }
    // Terraform writes these last; applyable as Terraform 1.6+: something to do and no errors
    boolean moves = plan.changes().stream()
        .anyMatch(c -> c.previousAddress() != null && !c.previousAddress().equals(c.address()));
    root.put("applyable", !plan.diagnostics().hasErrors() && (plan.hasChanges() || outputsChange || moves
        || !plan.drift().isEmpty()));
    root.put("complete", true);
    root.put("errored", plan.diagnostics().hasErrors());
    return root;
  }

  /** The format of {@link #renderState}'s document, as Terraform's state representation. */
  public static final String STATE_FORMAT_VERSION = "1.0";

  /**
   * {@code kplan show -json} of the state: Terraform's {@code values} representation
   * ({@code values.outputs}, {@code values.root_module.resources[]} with {@code address}, {@code mode},
   * {@code type}, {@code name}, {@code index}, {@code provider_name}, {@code schema_version},
   * {@code values}, {@code sensitive_values}); {@code exists} false writes only the format version,
   * as Terraform does for an empty state.
   */
  public static String renderState(boolean exists, List<StateView.Instance> instances, Map<String, Value> outputs,
      String kplanVersion) {
    ObjectNode root = NODES.objectNode();
    root.put("format_version", STATE_FORMAT_VERSION);
    if (!exists) {
      return COMPACT.writeValueAsString(root);
    }
    root.put("kplan_version", kplanVersion);
    ObjectNode values = root.putObject("values");
    if (!outputs.isEmpty()) {
      ObjectNode outs = values.putObject("outputs");
      for (Map.Entry<String, Value> e : new TreeMap<>(outputs).entrySet()) {
        ObjectNode o = outs.putObject(e.getKey());
        o.put("sensitive", ValueMarks.deepMarks(e.getValue()).isSensitive());
        o.set("value", value(e.getValue()));
        o.set("type", COMPACT.readTree(dev.kplan.lang.value.JsonCodec.encodeType(e.getValue().type())));
      }
    }
    Map<List<ModuleStep>, List<ObjectNode>> byModule = new LinkedHashMap<>();
    byModule.put(List.of(), new ArrayList<>());
    for (StateView.Instance i : instances) {
      ObjectNode r = addressFields(i.address(), i.provider());
      r.remove("module_address");
      r.put("schema_version", i.schemaVersion());
      r.set("values", value(i.attributes()));
      r.set("sensitive_values", sensitiveMirror(i.attributes()));
      if (i.tainted()) {
        r.put("tainted", true);
      }
      List<ModuleStep> m = i.address().module();
      for (int k = 1; k <= m.size(); k++) {
        byModule.computeIfAbsent(List.copyOf(m.subList(0, k)), x -> new ArrayList<>());
      }
      byModule.get(m).add(r);
    }
    values.set("root_module", module(List.of(), byModule));
    return COMPACT.writeValueAsString(root);
  }

  private static ObjectNode plannedValues(Plan plan) {
    ObjectNode pv = NODES.objectNode();
    if (!plan.outputs().isEmpty()) {
      ObjectNode outs = pv.putObject("outputs");
      for (Map.Entry<String, Value> e : new TreeMap<>(plan.outputs()).entrySet()) {
        ObjectNode o = outs.putObject(e.getKey());
        o.put("sensitive", ValueMarks.deepMarks(e.getValue()).isSensitive());
        if (e.getValue().isKnown()) {
          o.set("value", value(e.getValue()));
        }
      }
    }
    // resources grouped by module, modules nested as Terraform's child_modules
    Map<List<ModuleStep>, List<ObjectNode>> byModule = new LinkedHashMap<>();
    byModule.put(List.of(), new ArrayList<>());
    for (ResourceChange c : plan.changes()) {
      if (c.action() == Action.DELETE || c.action() == Action.FORGET) {
        continue; // planned_values holds what will be managed afterwards
      }
      ObjectNode r = addressFields(c.address(), c.provider());
      r.remove("module_address");
      r.put("schema_version", 0);
      r.set("values", value(c.after()));
      r.set("sensitive_values", sensitiveMirror(c.after()));
      List<ModuleStep> m = c.address().module();
      for (int i = 1; i <= m.size(); i++) {
        byModule.computeIfAbsent(List.copyOf(m.subList(0, i)), k -> new ArrayList<>());
      }
      byModule.get(m).add(r);
    }
    pv.set("root_module", module(List.of(), byModule));
    return pv;
  }

  private static ObjectNode module(List<ModuleStep> path, Map<List<ModuleStep>, List<ObjectNode>> byModule) {
    ObjectNode m = NODES.objectNode();
    if (!path.isEmpty()) {
      m.put("address", modulePath(path));
    }
    ArrayNode rs = m.putArray("resources");
    byModule.get(path).forEach(rs::add);
    List<List<ModuleStep>> children = new ArrayList<>();
    for (List<ModuleStep> p : byModule.keySet()) {
      if (p.size() == path.size() + 1 && p.subList(0, path.size()).equals(path)) {
        children.add(p);
      }
    }
    if (!children.isEmpty()) {
      children.sort((a, b) -> modulePath(a).compareTo(modulePath(b)));
      ArrayNode cm = m.putArray("child_modules");
      children.forEach(c -> cm.add(module(c, byModule)));
    }
    return m;
  }

  private static ObjectNode drift(Drift d, Plan plan) {
    ResourceChange c = plan.change(d.address());
    ProviderAddress provider = c != null ? c.provider() : ProviderAddress.implied(d.address().type());
    ObjectNode n = addressFields(d.address(), provider);
    boolean deleted = d.cause() == DriftCause.DELETED || d.live().isNull();
    n.set("change", change(deleted ? Action.DELETE : Action.UPDATE, d.before(), deleted ? null : d.live(), List.of()));
    if (!d.attribution().isEmpty()) {
      ArrayNode at = n.putArray("kplan_attribution");
      for (Attribution a : d.attribution()) {
        ObjectNode o = at.addObject();
        o.set("path", path(a.path()));
        o.put("manager", a.manager());
        if (!a.operation().isEmpty()) {
          o.put("operation", a.operation());
        }
        if (a.time() != null) {
          o.put("time", a.time().toString());
        }
        o.put("origin", a.origin().name().toLowerCase(java.util.Locale.ROOT));
        o.put("security_sensitive", a.securitySensitive());
      }
    }
    ArrayNode classes = n.putArray("kplan_classification");
    DriftFields.classes(d).forEach(classes::add);
    return n;
  }

  private static ObjectNode addressFields(ResourceAddress a, ProviderAddress provider) {
    ObjectNode n = NODES.objectNode();
    n.put("address", a.toString());
    if (!a.module().isEmpty()) {
      n.put("module_address", a.modulePath());
    }
    n.put("mode", a.mode() == ResourceMode.DATA ? "data" : "managed");
    n.put("type", a.type());
    n.put("name", a.name());
    if (a.key() instanceof InstanceKey.IntKey k) {
      n.put("index", k.value());
    } else if (a.key() instanceof InstanceKey.StringKey k) {
      n.put("index", k.value());
    }
    n.put("provider_name", provider.name());
    return n;
  }

  /** A change object: actions, before/after with unknowns left out, and the unknown/sensitive mirrors. */
  private static ObjectNode change(Action action, Value before, Value after, List<Path> replacePaths) {
    ObjectNode ch = NODES.objectNode();
    ArrayNode actions = ch.putArray("actions");
    actions(action).forEach(actions::add);
    ch.set("before", value(before));
    ch.set("after", value(after));
    // a wholly known after (a delete's null included) is an empty object, as Terraform writes it
    ch.set("after_unknown", after == null || after.isWhollyKnown() ? NODES.objectNode() : unknownMirror(after));
    ch.set("before_sensitive", sensitiveMirror(before));
    ch.set("after_sensitive", sensitiveMirror(after));
    if (!replacePaths.isEmpty()) {
      ArrayNode rp = ch.putArray("replace_paths");
      replacePaths.forEach(p -> rp.add(path(p)));
    }
    return ch;
  }

  /**
   * An output's change: as Terraform, a wholly known after is {@code after_unknown: false}, and
   * both sensitivity flags are the single flag "the output was or is sensitive".
   */
  private static ObjectNode outputChange(Action action, Value before, Value after) {
    ObjectNode ch = NODES.objectNode();
    ArrayNode actions = ch.putArray("actions");
    actions(action).forEach(actions::add);
    ch.set("before", value(before));
    ch.set("after", value(after));
    ch.set("after_unknown", after == null || after.isWhollyKnown() ? NODES.booleanNode(false) : unknownMirror(after));
    boolean sensitive = (before != null && ValueMarks.deepMarks(before).isSensitive())
        || (after != null && ValueMarks.deepMarks(after).isSensitive());
    ch.put("before_sensitive", sensitive);
    ch.put("after_sensitive", sensitive);
    return ch;
  }

  static List<String> actions(Action a) {
    return switch (a) {
      case NO_OP -> List.of("no-op");
      case CREATE -> List.of("create");
      case READ -> List.of("read");
      case UPDATE -> List.of("update");
      case DELETE_THEN_CREATE -> List.of("delete", "create");
      case CREATE_THEN_DELETE -> List.of("create", "delete");
      case DELETE -> List.of("delete");
      case FORGET -> List.of("forget");
    };
  }

  /** Terraform's {@code action_reason} string, or null where Terraform writes none. */
  static String actionReason(ChangeReason r) {
    return switch (r) {
      case REPLACE_BY_REQUEST -> "replace_by_request";
      case REPLACE_BECAUSE_TAINTED -> "replace_because_tainted";
      case REPLACE_BECAUSE_CANNOT_UPDATE -> "replace_because_cannot_update";
      case REPLACE_BY_TRIGGERS -> "replace_by_triggers";
      case DELETE_BECAUSE_NO_RESOURCE_CONFIG -> "delete_because_no_resource_config";
      case DELETE_BECAUSE_NO_MODULE -> "delete_because_no_module";
      case DELETE_BECAUSE_COUNT_INDEX -> "delete_because_count_index";
      case DELETE_BECAUSE_EACH_KEY -> "delete_because_each_key";
      case DELETE_BECAUSE_WRONG_REPETITION -> "delete_because_wrong_repetition";
      case READ_BECAUSE_CONFIG_UNKNOWN -> "read_because_config_unknown";
      case FORGET_BECAUSE_REMOVED -> "delete_because_no_resource_config";
      case NONE, DELETE_BECAUSE_DESTROY_MODE -> null;
    };
  }

  private static ArrayNode path(Path p) {
    ArrayNode a = NODES.arrayNode();
    for (PathStep s : p.steps()) {
      if (s instanceof PathStep.GetAttr g) {
        a.add(g.name());
      } else if (s instanceof PathStep.Index i) {
        a.add(value(i.key()));
      }
    }
    return a;
  }

  /**
   * A value as JSON: sensitive values as null (their place is flagged in the sensitivity mirror),
   * unknowns left out of objects and null in arrays (Terraform's omitUnknowns).
   */
  static JsonNode value(Value v) {
    if (v == null || v.isNull() || v instanceof UnknownValue || v.isSensitive()) {
      return NODES.nullNode();
    }
    if (v instanceof StringValue s) {
      return NODES.stringNode(s.value());
    }
    if (v instanceof NumberValue n) {
      return number(n.value());
    }
    if (v instanceof BoolValue b) {
      return NODES.booleanNode(b.value());
    }
    List<Value> elements = elements(v);
    if (elements != null) {
      ArrayNode a = NODES.arrayNode();
      elements.forEach(e -> a.add(value(e)));
      return a;
    }
    ObjectNode o = NODES.objectNode();
    sorted(v).forEach((k, e) -> {
      if (!(e instanceof UnknownValue)) {
        o.set(k, value(e));
      }
    });
    return o;
  }

  /** Terraform's {@code unknownAsBool}: true where unknown; objects keep only the non-false entries. */
  static JsonNode unknownMirror(Value v) {
    if (v instanceof UnknownValue) {
      return NODES.booleanNode(true);
    }
    return mirror(v, false);
  }

  /** Terraform's {@code sensitiveAsBool}: true where marked sensitive; objects keep only the non-false entries. */
  static JsonNode sensitiveMirror(Value v) {
    if (v != null && v.isSensitive()) {
      return NODES.booleanNode(true);
    }
    return mirror(v, true);
  }

  private static JsonNode mirror(Value v, boolean sensitive) {
    if (v == null || v.isNull() || v instanceof UnknownValue) {
      return NODES.booleanNode(false);
    }
    List<Value> elements = elements(v);
    if (elements != null) {
      ArrayNode a = NODES.arrayNode();
      elements.forEach(e -> a.add(sensitive ? sensitiveMirror(e) : unknownMirror(e)));
      return a;
    }
    if (v instanceof ObjectValue || v instanceof MapValue) {
      ObjectNode o = NODES.objectNode();
      sorted(v).forEach((k, e) -> {
        JsonNode m = sensitive ? sensitiveMirror(e) : unknownMirror(e);
        if (!(m.isBoolean() && !m.booleanValue())) {
          o.set(k, m);
        }
      });
      return o;
    }
    return NODES.booleanNode(false);
  }

  private static JsonNode number(BigDecimal n) {
    BigDecimal s = n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros();
    if (s.scale() <= 0 && s.precision() - s.scale() <= 18) {
      return NODES.numberNode(s.longValueExact());
    }
    return NODES.numberNode(s);
  }

  private static List<Value> elements(Value v) {
    if (v instanceof ListValue l) {
      return l.elements();
    }
    if (v instanceof SetValue s) {
      return s.elements();
    }
    if (v instanceof TupleValue t) {
      return t.elements();
    }
    return null;
  }

  private static Map<String, Value> sorted(Value v) {
    Map<String, Value> out = new TreeMap<>(ValueOrder::compareCodePoints);
    if (v instanceof ObjectValue o) {
      out.putAll(o.attributes());
    } else if (v instanceof MapValue m) {
      out.putAll(m.entries());
    }
    return out;
  }

  private static String modulePath(List<ModuleStep> steps) {
    StringBuilder sb = new StringBuilder();
    for (ModuleStep s : steps) {
      sb.append(sb.isEmpty() ? "" : ".").append(s);
    }
    return sb.toString();
  }
}
