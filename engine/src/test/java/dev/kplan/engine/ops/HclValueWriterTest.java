package dev.kplan.engine.ops;

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
import org.junit.jupiter.api.Test;

class HclValueWriterTest {
  static Value evaluate(String text) {
    var parsed = Parser.parseExpression(text, "generated.kp.hcl");
    assertFalse(parsed.diagnostics().hasErrors(), parsed.diagnostics() + "\n" + text);
    EvalResult r = Evaluator.evaluate(parsed.value(), EvalContext.root(functions(), Map.of()));
    assertFalse(r.hasErrors(), r.diagnostics() + "\n" + text);
    return r.value();
  }

  static FunctionTable functions() {
    FunctionTable[] table = new FunctionTable[1];
    table[0] = FunctionTable.standard(new dev.kplan.lang.functions.FunctionContext(java.nio.file.Path.of("."),
        java.time.Clock.systemUTC(), new dev.kplan.lang.eval.TemplateFileRenderer(() -> table[0])));
    return table[0];
  }

  @Test
  void writtenValuesEvaluateToThemselves() {
    Value v = JsonCodec.decode("""
        {"apiVersion":"apps/v1","metadata":{"name":"web","labels":{"app.kubernetes.io/name":"web","true":"x"}},
         "spec":{"replicas":2,"ratio":0.5,"paused":false,"args":["--a=${HOME}","%{x}","say \\"hi\\"\\n\\\\"],
                 "empty":{},"none":[],"tab":"a\\tb"}}""");
    assertEquals(v, evaluate(HclValueWriter.expression(v)));
  }

  @Test
  void aResourceBlockLeavesNullArgumentsOut() {
    String text = HclValueWriter.resource("kubernetes_manifest", "web", new java.util.LinkedHashMap<>(Map.of(
        "manifest", JsonCodec.decode("{\"kind\":\"ConfigMap\"}"),
        "computed_fields", Value.nullOf(dev.kplan.lang.types.Type.DYNAMIC))));
    assertEquals("resource \"kubernetes_manifest\" \"web\" {\n  manifest = {\n    kind = \"ConfigMap\"\n  }\n}\n", text);
  }

  @Test
  void nestedBlocksOfTheSchemaAreWrittenAsBlocks() {
    dev.kplan.provider.BlockSchema byDefault = dev.kplan.provider.BlockSchema.of(Map.of(
        "sse_algorithm", dev.kplan.provider.AttributeSchema.required(dev.kplan.lang.types.Type.STRING)));
    dev.kplan.provider.BlockSchema rule = new dev.kplan.provider.BlockSchema(Map.of(), Map.of("by_default",
        new dev.kplan.provider.NestedBlock(byDefault, dev.kplan.provider.NestedBlock.Nesting.SINGLE, 0, 1)));
    dev.kplan.provider.BlockSchema schema = new dev.kplan.provider.BlockSchema(
        Map.of("bucket", dev.kplan.provider.AttributeSchema.required(dev.kplan.lang.types.Type.STRING)),
        Map.of("rule", new dev.kplan.provider.NestedBlock(rule, dev.kplan.provider.NestedBlock.Nesting.LIST, 0, 0)));
    Value ruleValue = Value.object(Map.of("by_default", Value.object(Map.of("sse_algorithm", Value.string("AES256")))));
    String text = HclValueWriter.resource("r", "x", new java.util.LinkedHashMap<>(Map.of("bucket", Value.string("b"),
        "rule", Value.list(ruleValue.type(), java.util.List.of(ruleValue, ruleValue)))), schema);
    String one = "  rule {\n    by_default {\n      sse_algorithm = \"AES256\"\n    }\n  }\n";
    assertEquals(true, text.contains(one + one), text);
    assertEquals(true, text.contains("  bucket = \"b\"\n"), text);
  }
}
