package dev.kplan.engine.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProposedNewTest {
  static final BlockSchema RULE = BlockSchema.of(Map.of(
      "port", AttributeSchema.required(Type.NUMBER),
      "rule_id", AttributeSchema.computed(Type.STRING)));
  static final BlockSchema SCHEMA = new BlockSchema(Map.of(
      "name", AttributeSchema.required(Type.STRING),
      "mode", AttributeSchema.optionalComputed(Type.STRING),
      "id", AttributeSchema.computed(Type.STRING)),
      Map.of("rule", new NestedBlock(RULE, NestedBlock.Nesting.LIST, 0, 0)));

  static Value rule(long port, Value id) {
    return Value.object(Map.of("port", Value.number(port), "rule_id", id));
  }

  static Value obj(String name, Value mode, Value id, List<Value> rules) {
    return Value.object(Map.of("name", Value.string(name), "mode", mode, "id", id,
        "rule", Value.list(RULE.impliedType(), rules)));
  }

  @Test
  void computedAttributesLeftNullKeepPriorValuesAndConfiguredOnesWin() {
    Value prior = obj("a", Value.string("auto"), Value.string("i-1"), List.of(rule(80, Value.string("r-1"))));
    Value config = obj("b", Value.nullOf(Type.STRING), Value.nullOf(Type.STRING),
        List.of(rule(81, Value.nullOf(Type.STRING)), rule(82, Value.nullOf(Type.STRING))));
    Value proposed = ProposedNew.of(SCHEMA, prior, config);
    assertEquals(obj("b", Value.string("auto"), Value.string("i-1"),
        List.of(rule(81, Value.string("r-1")), rule(82, Value.nullOf(Type.STRING)))), proposed);
  }

  @Test
  void onCreateComputedValuesStayNullForTheProviderToDecide() {
    Value config = obj("a", Value.string("manual"), Value.nullOf(Type.STRING), List.of());
    assertEquals(config, ProposedNew.of(SCHEMA, Value.nullOf(SCHEMA.impliedType()), config));
  }

  @Test
  void planValidityAcceptsProviderDecidedValuesAndRejectsRewrittenConfig() {
    Value config = obj("a", Value.nullOf(Type.STRING), Value.nullOf(Type.STRING),
        List.of(rule(80, Value.nullOf(Type.STRING))));
    Value good = obj("a", Value.string("auto"), Value.unknownOf(Type.STRING),
        List.of(rule(80, Value.unknownOf(Type.STRING))));
    assertEquals(List.of(), PlanValidity.problems(SCHEMA, config, good));

    Value renamed = obj("A", Value.string("auto"), Value.unknownOf(Type.STRING),
        List.of(rule(8080, Value.unknownOf(Type.STRING))));
    List<String> problems = PlanValidity.problems(SCHEMA, config, renamed);
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith(".name: planned value"), problems.toString());
    assertTrue(problems.get(1).startsWith(".rule[0].port: planned value"), problems.toString());

    Value fewer = obj("a", Value.string("auto"), Value.unknownOf(Type.STRING), List.of());
    assertTrue(PlanValidity.problems(SCHEMA, config, fewer).get(0).contains("block count in plan (0)"));
  }
}
