package dev.kplan.lang.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kplan.lang.eval.EvalContext;
import dev.kplan.lang.eval.EvalResult;
import dev.kplan.lang.eval.Evaluator;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.syntax.Parser;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.Value;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A variable's type constraint with optional-attribute defaults applied to its default value, as
 * Terraform does before converting; expectations are {@code jsonencode(var.x)} as printed by
 * OpenTofu 1.10.10 for the same declarations.
 */
class TypeConstraintDefaultsTest {
  private static Value value(String text) {
    var parsed = Parser.parseExpression(text, "default.kp.hcl");
    assertFalse(parsed.diagnostics().hasErrors(), parsed.diagnostics()::toString);
    EvalResult r = Evaluator.evaluate(parsed.value(), EvalContext.root(new FunctionTable(Map.of()), Map.of()));
    assertFalse(r.hasErrors(), r.diagnostics()::toString);
    return r.value();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      object({ name = string, port = optional(number, 80), tags = optional(map(string), { team = "core" }), rules = optional(list(object({ from = number, to = optional(number, 65535), note = optional(string) })), []) }) | { name = "x", rules = [{ from = 1 }, { from = 2, to = 3, note = "n" }] } | {"name":"x","port":80,"rules":[{"from":1,"note":null,"to":65535},{"from":2,"note":"n","to":3}],"tags":{"team":"core"}}
      map(object({ x = optional(string, "dx"), y = optional(bool) })) | { k1 = {}, k2 = { x = null, y = true } } | {"k1":{"x":"dx","y":null},"k2":{"x":"dx","y":true}}
      list(object({ n = optional(number, 1) })) | [{}, { n = 5 }, { n = null }] | [{"n":1},{"n":5},{"n":1}]
      set(object({ s = optional(string, "z") })) | [{}, { s = "a" }] | [{"s":"a"},{"s":"z"}]
      object({ inner = optional(object({ v = optional(string, "deep") }), {}) }) | {} | {"inner":{"v":"deep"}}
      tuple([object({ a = optional(number, 7) }), string]) | [{}, 1] | [{"a":7},"1"]
      any | { a = 1 } | {"a":1}
      object({ l = list(string), m = optional(map(number)) }) | { l = ["a", 1, true], extra = 1 } | {"l":["a","1","true"],"m":null}
      """)
  void appliesDefaultsThenConvertsAsOpenTofu(String type, String dflt, String json) throws Exception {
    var parsed = Parser.parseExpression(type, "variables.kp.hcl");
    assertFalse(parsed.diagnostics().hasErrors(), parsed.diagnostics()::toString);
    TypeConstraints.Result tc = TypeConstraints.parse(parsed.value());
    assertFalse(tc.diagnostics().hasErrors(), tc.diagnostics()::toString);
    assertEquals(json, JsonCodec.encode(tc.constraint().convert(value(dflt))));
  }
}
