package dev.kplan.lang.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.syntax.ParseResult;
import dev.kplan.lang.syntax.Parser;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HCL's own specification tests for expressions: every attribute of the input evaluates to exactly
 * the value the {@code .t} file's {@code result} gives (numbers at full precision).
 */
class HclSpecSuiteTest {
  private static Path suite(String name) {
    return EvalConformanceTest.sharedDir().resolve("conformance/hcl-specsuite/expressions").resolve(name);
  }

  private static Body parse(Path file) throws IOException {
    ParseResult<Body> p = Parser.parseFile(Files.readString(file), file.getFileName().toString());
    assertFalse(p.hasErrors(), () -> p.diagnostics().toString());
    return p.value();
  }

  private static Value expected(String name, Map<String, Value> vars) throws IOException {
    Attribute result = parse(suite(name + ".t")).attribute("result");
    assertNotNull(result);
    EvalResult r = Evaluator.evaluate(result.expr(), EvalContext.root(Hcl.FUNCTIONS, vars));
    assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    return r.value();
  }

  private static Value member(Value v, String key) {
    if (v instanceof ObjectValue o) {
      return o.get(key);
    }
    if (v instanceof MapValue m) {
      return m.entries().get(key);
    }
    return null;
  }

  private static void assertSame(Value want, EvalResult got, String where) {
    assertFalse(got.hasErrors(), () -> where + ": " + got.diagnostics());
    assertNotNull(want, where + ": no expectation");
    assertTrue(Operators.rawEquals(want, got.value()), () -> where + ": expected " + want + " but got " + got.value());
  }

  @Test
  void operatorsGiveTheSpecifiedResults() throws IOException {
    Value want = expected("operators", Map.of());
    EvalContext ctx = EvalContext.root(Hcl.FUNCTIONS, Map.of());
    int checked = 0;
    for (Block b : parse(suite("operators.hcl")).blocks()) {
      Value group = member(want, b.type());
      if (!b.labels().isEmpty()) {
        group = member(group, b.labels().get(0));
      }
      for (Attribute a : b.body().attributes()) {
        String where = b.type() + b.labels() + "." + a.name();
        assertSame(member(group, a.name()), Evaluator.evaluate(a.expr(), ctx), where);
        checked++;
      }
    }
    assertTrue(checked >= 40, "checked " + checked);
  }

  @Test
  void heredocsGiveTheSpecifiedStrings() throws IOException {
    Map<String, Value> vars = Map.of("bar", Value.string("Bar"), "space_bar", Value.string("  Bar"));
    Value want = expected("heredoc", Map.of());
    EvalContext ctx = EvalContext.root(Hcl.FUNCTIONS, vars);
    int checked = 0;
    for (Attribute a : parse(suite("heredoc.hcl")).attributes()) {
      EvalResult got = Evaluator.evaluate(a.expr(), ctx);
      assertFalse(got.hasErrors(), () -> got.diagnostics().toString());
      Value group = member(want, a.name());
      for (Map.Entry<String, Value> e : ((ObjectValue) got.value()).attributes().entrySet()) {
        assertSame(member(group, e.getKey()), new EvalResult(e.getValue(), got.diagnostics()), a.name() + "." + e.getKey());
        checked++;
      }
    }
    assertTrue(checked >= 15, "checked " + checked);
  }
}
