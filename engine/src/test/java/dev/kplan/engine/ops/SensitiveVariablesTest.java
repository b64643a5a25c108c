package dev.kplan.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensitiveVariablesTest {
  static Map<String, Value> secretManifest(String password) {
    Map<String, Value> manifest = new LinkedHashMap<>();
    manifest.put("kind", Value.string("Secret"));
    manifest.put("data", Value.object(Map.of("password", Value.string(password))).mark(Marks.SENSITIVE));
    return Map.of("manifest", Value.object(manifest));
  }

  @Test
  void aMarkedValueIsWrittenAsAReferenceToASensitiveVariableAndTheRestAsValues() {
    SensitiveVariables secrets = new SensitiveVariables(List.of());
    String block = HclValueWriter.resource("kubernetes_manifest", "creds", secretManifest("hunter2"),
        secrets.forResource("creds", "kubernetes_manifest.creds", "v1/Secret/ns/creds"));
    assertFalse(block.contains("hunter2"), block);
    assertTrue(block.contains("    data = var.creds_manifest_data\n"), block);
    assertTrue(block.contains("    kind = \"Secret\"\n"), block);
    String variables = SensitiveVariables.blocks(secrets.entries(), "generated.kp.hcl");
    assertTrue(variables.contains("variable \"creds_manifest_data\" {\n  type = any\n  sensitive = true\n"),
        variables);
    assertTrue(variables.contains("KPLAN_VAR_creds_manifest_data"), variables);
    assertFalse(variables.contains("hunter2"), variables);
    assertEquals(JsonCodec.decode("{\"password\":\"hunter2\"}"), HclValueWriterTest.evaluate(
        SensitiveVariables.valuesAsHcl(secrets.entries()).get("creds_manifest_data")));
  }

  @Test
  void variableNamesNeverReuseADeclaredOrGeneratedName() {
    SensitiveVariables secrets = new SensitiveVariables(List.of("creds_manifest_data"));
    HclValueWriter.resource("kubernetes_manifest", "creds", secretManifest("a"),
        secrets.forResource("creds", "kubernetes_manifest.creds", "id-a"));
    HclValueWriter.resource("kubernetes_manifest", "creds", secretManifest("b"),
        secrets.forResource("creds", "kubernetes_manifest.creds", "id-b"));
    assertEquals(List.of("creds_manifest_data_2", "creds_manifest_data_3"),
        secrets.entries().stream().map(SensitiveVariables.Entry::name).toList());
  }

  @Test
  void aPrimitiveKeepsItsTypeAndIsGivenToThePlanAsText() {
    SensitiveVariables secrets = new SensitiveVariables(List.of());
    HclValueWriter.resource("local_sensitive_file", "key", Map.of("content",
        Value.string("-----BEGIN KEY-----").mark(Marks.SENSITIVE)), secrets.forResource("key", "x", "y"));
    assertTrue(SensitiveVariables.blocks(secrets.entries(), "g.kp.hcl").contains("  type = string\n"));
    assertEquals("-----BEGIN KEY-----", SensitiveVariables.valuesAsHcl(secrets.entries()).get("key_content"));
  }
}
