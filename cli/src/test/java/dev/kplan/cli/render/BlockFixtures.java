package dev.kplan.cli.render;

import static dev.kplan.cli.render.PlanFixtures.addr;
import static dev.kplan.cli.render.PlanFixtures.change;
import static dev.kplan.cli.render.PlanFixtures.plan;

import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.ChangeReason;
import dev.kplan.engine.plan.Drift;
import dev.kplan.engine.plan.DriftCause;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plans of a resource type with nested blocks of every nesting, rendered with its schema:
 * {@code testblocks_firewall} with list blocks {@code rule} (each with set blocks {@code source}),
 * set blocks {@code egress}, map blocks {@code label}, a single block {@code logging} (with list
 * blocks {@code filter}), and set blocks {@code key} whose {@code material} is sensitive.
 */
final class BlockFixtures {
  private BlockFixtures() {}

  static final BlockSchema SOURCE = BlockSchema.of(Map.of("cidr", AttributeSchema.required(Type.STRING)));
  static final BlockSchema RULE = new BlockSchema(
      Map.of("port", AttributeSchema.required(Type.NUMBER), "proto", AttributeSchema.optional(Type.STRING)),
      Map.of("source", new NestedBlock(SOURCE, NestedBlock.Nesting.SET, 0, 0)));
  static final BlockSchema EGRESS = BlockSchema.of(Map.of("cidr", AttributeSchema.required(Type.STRING),
      "port", AttributeSchema.optional(Type.NUMBER)));
  static final BlockSchema LABEL = BlockSchema.of(Map.of("value", AttributeSchema.required(Type.STRING)));
  static final BlockSchema FILTER = BlockSchema.of(Map.of("pattern", AttributeSchema.required(Type.STRING)));
  static final BlockSchema LOGGING = new BlockSchema(
      Map.of("level", AttributeSchema.optional(Type.STRING), "target", AttributeSchema.optional(Type.STRING)),
      Map.of("filter", new NestedBlock(FILTER, NestedBlock.Nesting.LIST, 0, 0)));
  static final BlockSchema KEY = BlockSchema.of(Map.of("name", AttributeSchema.required(Type.STRING),
      "material", AttributeSchema.required(Type.STRING).markedSensitive()));
  static final BlockSchema FIREWALL = new BlockSchema(
      Map.of("name", AttributeSchema.required(Type.STRING), "id", AttributeSchema.computed(Type.STRING),
          "description", AttributeSchema.optional(Type.STRING), "token", AttributeSchema.optional(Type.STRING)
              .markedSensitive()),
      Map.of("rule", new NestedBlock(RULE, NestedBlock.Nesting.LIST, 0, 0),
          "egress", new NestedBlock(EGRESS, NestedBlock.Nesting.SET, 0, 0),
          "label", new NestedBlock(LABEL, NestedBlock.Nesting.MAP, 0, 0),
          "logging", new NestedBlock(LOGGING, NestedBlock.Nesting.SINGLE, 0, 0),
          "key", new NestedBlock(KEY, NestedBlock.Nesting.SET, 0, 0)));

  /** The schema of {@code testblocks_firewall}; other types have none. */
  static final ResourceSchemas SCHEMAS = (address, provider) ->
      address.type().equals("testblocks_firewall") ? FIREWALL : null;

  /** One change of each action: create, update, delete, replace, and an update to values not known yet. */
  static PlanFixtures.Fixture blocks() {
    Value created = firewall("new", Value.unknownOf(Type.STRING), "edge", secret("s3cr3t"),
        rules(rule(443, "tcp", "10.0.0.0/8", "192.168.0.0/16"), rule(53, "udp")),
        egress(egressRule("0.0.0.0/0", 443)),
        labels("env", "prod"),
        logging("info", null, "GET *", "POST /login"),
        keys(key("deploy", "-----BEGIN KEY-----")));
    Value before = firewall("web", Value.string("fw-web"), "web tier", null,
        rules(rule(80, "tcp", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"), rule(22, "tcp", "10.1.0.0/16"),
            rule(25, "tcp")),
        egress(egressRule("0.0.0.0/0", 443), egressRule("10.0.0.0/8", null)),
        labels("env", "staging", "owner", "team-a"),
        logging("info", "syslog", "GET *"),
        keys());
    Value after = firewall("web", Value.string("fw-web"), "web tier", null,
        rules(rule(8080, "tcp", "10.0.0.0/8", "192.168.0.0/16", "100.64.0.0/10"), rule(22, "tcp", "10.1.0.0/16")),
        egress(egressRule("0.0.0.0/0", 443), egressRule("10.0.0.0/8", 5432)),
        labels("env", "production", "owner", "team-a", "tier", "frontend"),
        logging("debug", "syslog", "GET *"),
        keys());
    Value old = firewall("old", Value.string("fw-old"), null, null,
        rules(rule(21, "tcp", "0.0.0.0/0")), egress(), labels("env", "legacy"), logging("warn", null), keys());
    Value dbBefore = firewall("db", Value.string("fw-db"), "database", null,
        rules(rule(5432, "tcp", "10.2.0.0/16")), egress(), labels(), nullLogging(), keys());
    Value dbAfter = firewall("db", Value.unknownOf(Type.STRING), "database", null,
        rules(rule(5433, "tcp", "10.2.0.0/16")), egress(), labels(), nullLogging(), keys());
    Value dynBefore = firewall("dyn", Value.string("fw-dyn"), null, null,
        rules(rule(80, "tcp")), egress(egressRule("0.0.0.0/0", 80)), labels("env", "dev"), logging("info", null),
        keys());
    Map<String, Value> dyn = new LinkedHashMap<>(((dev.kplan.lang.value.ObjectValue) dynBefore).attributes());
    dyn.put("egress", Value.unknownOf(EGRESS_SET));
    dyn.put("label", Value.unknownOf(LABEL_MAP));
    dyn.put("logging", Value.unknownOf(LOGGING.impliedType()));
    Value dynAfter = Value.object(dyn);
    List<ResourceChange> cs = List.of(
        change(addr("testblocks_firewall", "db"), Action.DELETE_THEN_CREATE, dbBefore, dbAfter,
            List.of(Path.ROOT.attr("rule")), ChangeReason.REPLACE_BECAUSE_CANNOT_UPDATE),
        change(addr("testblocks_firewall", "dyn"), Action.UPDATE, dynBefore, dynAfter, List.of(), ChangeReason.NONE),
        change(addr("testblocks_firewall", "new"), Action.CREATE, null, created, List.of(), ChangeReason.NONE),
        change(addr("testblocks_firewall", "old"), Action.DELETE, old, null, List.of(),
            ChangeReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG),
        change(addr("testblocks_firewall", "web"), Action.UPDATE, before, after, List.of(), ChangeReason.NONE));
    return new PlanFixtures.Fixture("blocks", plan(PlanMode.NORMAL, cs, List.of(), Map.of()), Map.of(), SCHEMAS);
  }

  /** Nested blocks changed outside kplan (a rule's port and sources, a label added), and the plan to undo it. */
  static PlanFixtures.Fixture blocksDrift() {
    Value stored = firewall("web", Value.string("fw-web"), "web tier", null,
        rules(rule(80, "tcp", "10.0.0.0/8"), rule(22, "tcp", "10.1.0.0/16")),
        egress(), labels("env", "prod"), logging("info", null), keys());
    Value live = firewall("web", Value.string("fw-web"), "web tier", null,
        rules(rule(8080, "tcp", "10.0.0.0/8", "0.0.0.0/0"), rule(22, "tcp", "10.1.0.0/16")),
        egress(), labels("env", "prod", "hacked", "yes"), logging("info", null), keys());
    List<Drift> drift = List.of(new Drift(addr("testblocks_firewall", "web"), stored, live, List.of(),
        DriftCause.UPDATED));
    List<ResourceChange> cs = List.of(change(addr("testblocks_firewall", "web"), Action.UPDATE, live, stored,
        List.of(), ChangeReason.NONE));
    return new PlanFixtures.Fixture("blocks-drift", plan(PlanMode.NORMAL, cs, drift, Map.of()), Map.of(), SCHEMAS);
  }

  private static final Type EGRESS_SET = new dev.kplan.lang.types.SetType(EGRESS.impliedType());
  private static final Type LABEL_MAP = new dev.kplan.lang.types.MapType(LABEL.impliedType());

  private static Value firewall(String name, Value id, String description, Value token, Value rules, Value egress,
      Value labels, Value logging, Value keys) {
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("name", Value.string(name));
    m.put("id", id);
    m.put("description", str(description));
    m.put("token", token == null ? Value.nullOf(Type.STRING).mark(Marks.SENSITIVE) : token);
    m.put("rule", rules);
    m.put("egress", egress);
    m.put("label", labels);
    m.put("logging", logging);
    m.put("key", keys);
    return Value.object(m);
  }

  private static Value rule(int port, String proto, String... cidrs) {
    List<Value> sources = new ArrayList<>();
    for (String c : cidrs) {
      sources.add(Value.object(Map.of("cidr", Value.string(c))));
    }
    return Value.object(Map.of("port", Value.number(port), "proto", str(proto),
        "source", Value.set(SOURCE.impliedType(), sources)));
  }

  private static Value rules(Value... rules) {
    return Value.list(RULE.impliedType(), List.of(rules));
  }

  private static Value egressRule(String cidr, Integer port) {
    return Value.object(Map.of("cidr", Value.string(cidr),
        "port", port == null ? Value.nullOf(Type.NUMBER) : Value.number(port)));
  }

  private static Value egress(Value... rules) {
    return Value.set(EGRESS.impliedType(), List.of(rules));
  }

  private static Value labels(String... kv) {
    Map<String, Value> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], Value.object(Map.of("value", Value.string(kv[i + 1]))));
    }
    return Value.map(LABEL.impliedType(), m);
  }

  private static Value logging(String level, String target, String... patterns) {
    List<Value> filters = new ArrayList<>();
    for (String p : patterns) {
      filters.add(Value.object(Map.of("pattern", Value.string(p))));
    }
    return Value.object(Map.of("level", str(level), "target", str(target),
        "filter", Value.list(FILTER.impliedType(), filters)));
  }

  private static Value nullLogging() {
    return Value.nullOf(LOGGING.impliedType());
  }

  private static Value key(String name, String material) {
    return Value.object(Map.of("name", Value.string(name), "material", secret(material)));
  }

  private static Value keys(Value... keys) {
    return Value.set(KEY.impliedType(), List.of(keys));
  }

  private static Value secret(String s) {
    return Value.string(s).mark(Marks.SENSITIVE);
  }

  private static Value str(String s) {
    return s == null ? Value.nullOf(Type.STRING) : Value.string(s);
  }
}
