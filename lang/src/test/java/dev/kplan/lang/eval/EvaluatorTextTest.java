package dev.kplan.lang.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Evaluator behaviour written as HCL text, parsed by the real parser. */
class EvaluatorTextTest {
  static final Map<String, Value> VARS = Map.of(
      "var", Value.object(Map.of(
          "password", Value.string("hunter2").mark(Marks.SENSITIVE),
          "ids", Value.unknownOf(new ListType(Type.STRING)),
          "servers", Value.tuple(List.of(
              Value.object(Map.of("name", Value.string("a"), "port", Value.number(80))),
              Value.object(Map.of("name", Value.string("b"), "port", Value.number(443))))))),
      "local", Value.object(Map.of("env", Value.string("prod"))));

  static String json(String expr) {
    EvalResult r = Hcl.eval(expr, VARS);
    assertFalse(r.hasErrors(), () -> expr + ": " + r.diagnostics());
    return JsonCodec.encode(r.value());
  }

  static Value value(String expr) {
    EvalResult r = Hcl.eval(expr, VARS);
    assertFalse(r.hasErrors(), () -> expr + ": " + r.diagnostics());
    return r.value();
  }

  static Diagnostic error(String expr) {
    EvalResult r = Hcl.eval(expr, VARS);
    assertTrue(r.hasErrors(), () -> expr + " gave " + r.value());
    return r.diagnostics().errors().get(0);
  }

  @Test
  void forExpressionsFilterAndFormat() {
    assertEquals("[\"b=2\"]", json("[for k, v in {a=1,b=2}: \"${k}=${v}\" if v > 1]"));
    // "${x}" alone is the value itself, not its string form
    assertEquals("{\"a\":[80],\"b\":[443]}", json("{for s in var.servers: s.name => \"${s.port}\"...}"));
    assertEquals("{\"a\":[\"80/tcp\"],\"b\":[\"443/tcp\"]}",
        json("{for s in var.servers: s.name => \"${s.port}/tcp\"...}"));
    assertEquals("{\"A\":1,\"B\":2}", json("{for k, v in {a=1,b=2}: upper(k) => v}"));
  }

  @Test
  void splatsOverTuplesAndAttributeOnlySplats() {
    assertEquals("[\"a\",\"b\"]", json("var.servers[*].name"));
    assertEquals("[80,443]", json("var.servers.*.port"));
    assertEquals("[\"prod\"]", json("local[*].env"));
  }

  @Test
  void splatOverUnknownListIsUnknownList() {
    assertEquals(Value.unknownOf(new ListType(Type.STRING)), value("var.ids[*]"));
  }

  @Test
  void arithmeticAndPrecedence() {
    assertEquals("7", json("1 + 2 * 3"));
    assertEquals("0.5", json("1 / 2"));
    assertEquals("-1", json("-7 % 3"));
    assertEquals("true", json("!false && 2 >= 2 || 1 == 0"));
    assertEquals("3", json("\"1\" + \"2\""));
  }

  @Test
  void templatesWithDirectivesAndStripMarkers() {
    assertEquals("\"a, b\"", json("\"%{ for i, s in var.servers }${s.name}%{ if i < 1 }, %{ endif }%{ endfor }\""));
    assertEquals("\"x=prod\"", json("\"x=${local.env}\""));
    assertEquals("\"PROD\"", json("\"${upper(local.env)}\""));
  }

  @Test
  void conditionalsAndSensitiveValues() {
    Value v = value("local.env == \"prod\" ? var.password : \"none\"");
    assertEquals(Value.string("hunter2").mark(Marks.SENSITIVE), v);
    assertEquals(Value.string("hunter2!").mark(Marks.SENSITIVE), value("\"${var.password}!\""));
    assertEquals(Value.number(7).mark(Marks.SENSITIVE), value("length(var.password)"));
  }

  @Test
  void unknownsFlowThroughFunctionsAndOperators() {
    assertEquals(Value.unknownOf(Type.NUMBER), value("length(var.ids) + 1"));
    assertEquals(Value.unknownOf(Type.DYNAMIC), value("[for id in var.ids: id]"));
    assertEquals(Value.unknownOf(Type.STRING), value("\"ids: ${join(\",\", var.ids)}\""));
  }

  @Test
  void tryAndCanWithRealExpressions() {
    assertEquals("\"fallback\"", json("try(local.missing, \"fallback\")"));
    assertEquals("false", json("can(tonumber(\"abc\"))"));
    assertEquals("true", json("can(regex(\"^p\", local.env))"));
    assertEquals(Value.unknownOf(Type.DYNAMIC), value("try(var.ids[0], \"none\")"));
  }

  @Test
  void legacyIndexAndIndexExpressions() {
    assertEquals("\"b\"", json("var.servers.1.name"));
    assertEquals("443", json("var.servers[1 + 0].port"));
  }

  @Test
  void errorsReadLikeTerraform() {
    assertEquals("Unsupported attribute", error("local.missing").summary());
    assertEquals("Invalid index", error("var.servers[5]").summary());
    assertEquals("Call to unknown function", error("nosuchfn(1)").summary());
    assertEquals("Invalid function argument", error("upper([])").summary());
    assertEquals("Duplicate object key", error("{for s in [\"a\", \"a\"]: s => s}").summary());
    assertEquals("Inconsistent conditional result types", error("true ? [1] : {a = 1}").summary());
  }

  @Test
  void objectTypesFromForExpressions() {
    Value v = value("{for s in var.servers: s.name => s.port}");
    assertEquals(new ObjectType(Map.of("a", Type.NUMBER, "b", Type.NUMBER)), v.type());
  }

  @Test
  void convertReadsItsTypeArgument() {
    assertEquals("[\"1\",\"2\"]", json("convert([1, 2], list(string))"));
    assertEquals("Invalid function argument", error("convert(\"x\", number)").summary());
  }

  // ---- templatefile ----

  @Test
  void templatefileRendersWithItsVarsOnly(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("t.tpl"), "%{ for n in names ~}\nhello ${n}\n%{ endfor ~}\n");
    FunctionTable fns = Hcl.standardFunctions(dir);
    EvalResult r = Evaluator.evaluate(Hcl.parse("templatefile(\"t.tpl\", {names = [\"a\", \"b\"]})"),
        EvalContext.root(fns, VARS));
    assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    assertEquals(Value.string("hello a\nhello b\n"), r.value());
  }

  @Test
  void templatefileWithSingleInterpolationYieldsTheRawValue(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("t.tpl"), "${items}");
    FunctionTable fns = Hcl.standardFunctions(dir);
    EvalResult r = Evaluator.evaluate(Hcl.parse("templatefile(\"t.tpl\", {items = [1, 2]})"),
        EvalContext.root(fns, VARS));
    assertEquals("[1,2]", JsonCodec.encode(r.value()));
  }

  @Test
  void templatefileReportsMissingVariables(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("t.tpl"), "hi ${who}");
    FunctionTable fns = Hcl.standardFunctions(dir);
    EvalResult r = Evaluator.evaluate(Hcl.parse("templatefile(\"t.tpl\", {x = 1})"), EvalContext.root(fns, VARS));
    Diagnostic d = r.diagnostics().errors().get(0);
    assertEquals("Invalid function argument", d.summary());
    assertEquals("Invalid value for \"vars\" parameter: vars map does not contain key \"who\", referenced at "
        + "t.tpl:1,6-9.", d.detail());
  }

  @Test
  void templatefileMayRenderOtherTemplates(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("inner.tpl"), "hi ${who}");
    Files.writeString(dir.resolve("outer.tpl"), "${templatefile(\"inner.tpl\", {who = upper(name)})}!");
    FunctionTable fns = Hcl.standardFunctions(dir);
    EvalResult r = Evaluator.evaluate(Hcl.parse("templatefile(\"outer.tpl\", {name = \"x\"})"),
        EvalContext.root(fns, VARS));
    assertFalse(r.hasErrors(), () -> r.diagnostics().toString());
    assertEquals(Value.string("hi X!"), r.value());
  }

  @Test
  void templatefileRecursionStopsAtOpenTofusDepthLimit(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("self.tpl"), "${templatefile(\"self.tpl\", {})}");
    FunctionTable fns = Hcl.standardFunctions(dir);
    EvalResult r = Evaluator.evaluate(Hcl.parse("templatefile(\"self.tpl\", {})"), EvalContext.root(fns, VARS));
    Diagnostic d = r.diagnostics().errors().get(0);
    assertEquals("Error in function call", d.summary());
    assertEquals("Call to function \"templatefile\" failed: maximum recursion depth 1024 reached.", d.detail());
  }

  @Test
  void templatefileErrorsCarryTheTemplatePosition(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b.tpl"), "x ${1 + true}");
    FunctionTable fns = Hcl.standardFunctions(dir);
    EvalResult r = Evaluator.evaluate(Hcl.parse("templatefile(\"b.tpl\", {})"), EvalContext.root(fns, VARS));
    assertEquals("Call to function \"templatefile\" failed: b.tpl:1,9-13: Invalid operand; Unsuitable value for right "
        + "operand: number required, but have bool..", r.diagnostics().errors().get(0).detail());
  }
}
