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
  void nestedBlocksAreWrittenAsOneBlockPerElement() {
    var t = dev.kplan.lang.types.Type.STRING;
    Value route1 = Value.object(new java.util.LinkedHashMap<>(Map.of("cidr_block", Value.string("0.0.0.0/0"),
        "gateway_id", Value.string("igw-1"))));
    Value route2 = Value.object(new java.util.LinkedHashMap<>(Map.of("cidr_block", Value.string("10.1.0.0/16"),
        "nat_gateway_id", Value.nullOf(t))));
    java.util.Map<String, Value> attributes = new java.util.LinkedHashMap<>();
    attributes.put("route", Value.list(route1.type(), java.util.List.of(route1)));
    attributes.put("vpc_id", Value.string("vpc-1"));
    attributes.put("versioning_configuration", route2);
    String text = HclValueWriter.resource("aws_route_table", "r", attributes,
        java.util.Set.of("route", "versioning_configuration"));
    assertEquals("resource \"aws_route_table\" \"r\" {\n  vpc_id = \"vpc-1\"\n\n  route {\n"
        + "    cidr_block = \"0.0.0.0/0\"\n    gateway_id = \"igw-1\"\n  }\n\n  versioning_configuration {\n"
        + "    cidr_block = \"10.1.0.0/16\"\n  }\n}\n", text);
  }
}
