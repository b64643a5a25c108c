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

/** {@code kplan validate}: the configuration checked without state, variable values or remote calls. */
class ValidateCommandTest {
  @TempDir Path dir;

  CliRun kplan(String... args) {
    return CliRun.in(dir, args);
  }

  @Test
  void aValidConfigurationSucceedsWithoutVariableValuesOrState() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), """
        variable "names" {
          type = list(string)
        }
        variable "n" {
          type = number
        }
        resource "local_file" "f" {
          count    = var.n
          filename = "out/${var.names[count.index]}.txt"
          content  = upper(kplan_data.d.output)
        }
        resource "kplan_data" "d" {
          input = join(",", var.names)
        }
        """);
    CliRun r = kplan("validate");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("Success! The configuration is valid.\n", r.out());
    assertEquals("", r.err());
    assertFalse(Files.exists(dir.resolve(".kplan")));
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void schemaReferenceAndTypeErrorsAreReportedWithExitOne() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), """
        resource "local_file" "f" {
          filename = "a.txt"
          contnet  = "x"
        }
        """);
    CliRun unknownArg = kplan("validate");
    assertEquals(1, unknownArg.exitCode());
    assertTrue(unknownArg.err().contains("Error: Unsupported argument"), unknownArg.err());
    assertTrue(unknownArg.err().contains("Did you mean \"content\"?"), unknownArg.err());
    assertTrue(unknownArg.err().contains("on main.kp.hcl line 3"), unknownArg.err());

    Files.writeString(dir.resolve("main.kp.hcl"), """
        resource "local_file" "f" {
          filename = "a.txt"
          content  = kplan_data.missing.output
        }
        """);
    CliRun reference = kplan("validate");
    assertEquals(1, reference.exitCode());
    assertTrue(reference.err().contains("Reference to undeclared resource"), reference.err());

    Files.writeString(dir.resolve("main.kp.hcl"), """
        resource "local_file" "f" {
          filename = "a.txt"
          content  = ["not", "a", "string"]
        }
        """);
    CliRun type = kplan("validate");
    assertEquals(1, type.exitCode());
    assertTrue(type.err().contains("Incorrect attribute value type") || type.err().contains("string required"),
        type.err());
  }

  @Test
  void jsonReportsValidityCountsAndDiagnostics() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), """
        resource "local_file" "f" {
          filename = "a.txt"
          contnet  = "x"
        }
        """);
    CliRun r = kplan("validate", "-json");
    assertEquals(1, r.exitCode());
    JsonNode root = JsonMapper.builder().build().readTree(r.out());
    assertEquals("1.0", root.get("format_version").asString());
    assertFalse(root.get("valid").asBoolean());
    assertEquals(1, root.get("error_count").asInt());
    assertEquals(0, root.get("warning_count").asInt());
    JsonNode d = root.get("diagnostics").get(0);
    assertEquals("error", d.get("severity").asString());
    assertEquals("Unsupported argument", d.get("summary").asString());
    assertEquals("main.kp.hcl", d.get("range").get("filename").asString());
    assertEquals(3, d.get("range").get("start").get("line").asInt());

    Files.writeString(dir.resolve("main.kp.hcl"), "resource \"kplan_data\" \"d\" {\n  input = 1\n}\n");
    CliRun ok = kplan("validate", "-json");
    assertEquals(0, ok.exitCode(), ok.out());
    JsonNode valid = JsonMapper.builder().build().readTree(ok.out());
    assertTrue(valid.get("valid").asBoolean());
    assertEquals(0, valid.get("error_count").asInt());
    assertEquals(0, valid.get("diagnostics").size());
  }
}
