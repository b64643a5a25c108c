package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code kplan show} without a plan file: the current state. */
class ShowCommandTest {
  @TempDir Path dir;

  static final String CONFIG = """
      resource "local_file" "note" {
        filename        = "note.txt"
        content         = "hi\\n"
        file_permission = "0640"
      }
      resource "kplan_data" "secret" {
        input = { password = sensitive("s3cr3t"), tags = ["a", "b"] }
      }
      resource "kplan_data" "plain" {
        input = "visible"
      }
      output "file" {
        value = local_file.note.filename
      }
      output "secret" {
        value     = kplan_data.secret.input
        sensitive = true
      }
      """;

  CliRun kplan(String... args) {
    return CliRun.in(dir, args);
  }

  @Test
  void withoutStateShowSaysSoAndCreatesNone() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG);
    CliRun r = kplan("show");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("No state.\n", r.out());
    assertEquals("{\"format_version\":\"1.0\"}\n", kplan("show", "-json").out());
    assertFalse(Files.exists(dir.resolve(".kplan")));
  }

  @Test
  void showPrintsEachObjectAsABlockWithSensitiveValuesHiddenAndTheOutputs() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG);
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    CliRun r = kplan("show");
    assertEquals(0, r.exitCode(), r.err());
    String out = r.out();
    assertTrue(out.contains("# local_file.note:\nresource \"local_file\" \"note\" {\n"), out);
    assertTrue(out.contains("    content              = \"hi\\n\"\n"), out);
    assertTrue(out.contains("    filename             = \"note.txt\"\n"), out);
    assertTrue(out.contains("# kplan_data.secret:\nresource \"kplan_data\" \"secret\" {\n"), out);
    assertTrue(out.contains("        password = (sensitive value)\n"), out);
    assertTrue(out.contains("        tags     = [\n            \"a\",\n            \"b\",\n        ]\n"), out);
    assertTrue(out.contains("resource \"kplan_data\" \"plain\" {\n    id     = "), out);
    assertTrue(out.contains("    input  = \"visible\"\n    output = \"visible\"\n}\n"), out);
    assertTrue(out.contains("Outputs:\n\nfile = \"note.txt\"\nsecret = (sensitive value)\n"), out);
    // kplan_data's output copies the input with its marks (terraform_data's loses them)
    assertTrue(out.contains("    output = {\n        password = (sensitive value)\n"), out);
    assertFalse(out.contains("s3cr3t"), out);
  }

  @Test
  void showJsonIsTerraformsStateValues() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG);
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    CliRun r = kplan("show", "-json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode root = JsonMapper.builder().build().readTree(r.out());
    assertEquals("1.0", root.get("format_version").asString());
    JsonNode resources = root.get("values").get("root_module").get("resources");
    assertEquals(3, resources.size());
    JsonNode secret = resources.get(1);
    assertEquals("kplan_data.secret", secret.get("address").asString());
    assertEquals("managed", secret.get("mode").asString());
    assertEquals("kplan_data", secret.get("type").asString());
    assertEquals("secret", secret.get("name").asString());
    assertEquals("kplan", secret.get("provider_name").asString());
    assertTrue(secret.get("values").get("input").get("password").isNull(), r.out());
    assertFalse(r.out().contains("s3cr3t"), r.out());
    assertTrue(secret.get("sensitive_values").get("input").get("password").asBoolean(), r.out());
    JsonNode note = resources.get(2);
    assertEquals("local_file.note", note.get("address").asString());
    assertEquals("0640", note.get("values").get("file_permission").asString());
    JsonNode outputs = root.get("values").get("outputs");
    assertEquals("note.txt", outputs.get("file").get("value").asString());
    assertFalse(outputs.get("file").get("sensitive").asBoolean());
    assertTrue(outputs.get("secret").get("sensitive").asBoolean());
  }
}
