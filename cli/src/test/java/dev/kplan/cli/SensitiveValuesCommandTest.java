package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A secret from a sensitive variable, copied by {@code kplan_data} from {@code input} to
 * {@code output}, never appears in what kplan prints for people nor in its JSON documents, which
 * write null in its place and flag the place sensitive (Terraform's JSON would carry it in clear).
 */
class SensitiveValuesCommandTest {
  static final String SECRET = "s3cr3t-Pa55";
  static final String NEW_SECRET = "n3w-Pa55";

  @TempDir Path dir;

  static final String CONFIG = """
      variable "db_password" {
        type      = string
        sensitive = true
      }
      resource "kplan_data" "creds" {
        input = { user = "admin", password = var.db_password }
      }
      resource "kplan_data" "whole" {
        input = var.db_password
      }
      resource "kplan_data" "plain" {
        input = "visible"
      }
      output "creds" {
        value     = kplan_data.creds.output
        sensitive = true
      }
      output "whole" {
        value     = kplan_data.whole.output
        sensitive = true
      }
      """;

  CliRun kplan(String... args) {
    return CliRun.in(dir, args);
  }

  /** Runs kplan and checks that the secrets appear in neither stream. */
  CliRun secretFree(String... args) {
    CliRun r = kplan(args);
    for (String s : List.of(SECRET, NEW_SECRET)) {
      assertFalse(r.out().contains(s), String.join(" ", args) + " printed the secret:\n" + r.out());
      assertFalse(r.err().contains(s), String.join(" ", args) + " printed the secret:\n" + r.err());
    }
    return r;
  }

  void write(String secret) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG);
    Files.writeString(dir.resolve("secret.auto.kpvars.hcl"), "db_password = \"" + secret + "\"\n");
  }

  @Test
  void aCopiedSecretIsNeverPrintedByPlanApplyShowOrOutput() throws IOException {
    write(SECRET);
    CliRun plan = secretFree("plan");
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.out().contains("+ output = (sensitive value)"), plan.out());
    CliRun apply = secretFree("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.err());
    assertTrue(apply.out().contains("creds = <sensitive>\n"), apply.out());
    CliRun again = secretFree("plan", "-detailed-exitcode");
    assertEquals(0, again.exitCode(), again.out() + again.err());

    CliRun show = secretFree("show");
    assertEquals(0, show.exitCode(), show.err());
    String creds = block(show.out(), "# kplan_data.creds:");
    assertTrue(creds.contains("    input  = {\n        password = (sensitive value)\n        user     = \"admin\"\n"), creds);
    assertTrue(creds.contains("    output = {\n        password = (sensitive value)\n        user     = \"admin\"\n"), creds);
    String whole = block(show.out(), "# kplan_data.whole:");
    assertTrue(whole.contains("    input  = (sensitive value)\n    output = (sensitive value)\n"), whole);
    assertTrue(block(show.out(), "# kplan_data.plain:").contains("    output = \"visible\"\n"), show.out());

    CliRun list = secretFree("output");
    assertEquals("creds = <sensitive>\nwhole = <sensitive>\n", list.out());

    // changing the secret: the update and its apply show neither the old nor the new one
    write(NEW_SECRET);
    CliRun update = secretFree("plan");
    assertTrue(update.out().contains("Plan: 0 to add, 2 to change, 0 to destroy."), update.out());
    CliRun applied = secretFree("apply", "-auto-approve");
    assertEquals(0, applied.exitCode(), applied.err());
    assertEquals("\"" + NEW_SECRET + "\"\n", kplan("output", "whole").out()); // asked for by name, as Terraform
  }

  @Test
  void jsonDocumentsWriteNullForTheSecretAndFlagItsPlaceSensitive() throws IOException {
    write(SECRET);
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());

    JsonNode state = json(kplan("show", "-json"));
    JsonNode creds = resource(state.get("values").get("root_module"), "kplan_data.creds");
    assertTrue(creds.get("values").get("output").get("password").isNull(), creds.toString());
    assertEquals("admin", creds.get("values").get("output").get("user").asString());
    assertTrue(creds.get("sensitive_values").get("output").get("password").asBoolean(), creds.toString());
    assertFalse(creds.get("sensitive_values").get("output").has("user"), creds.toString());
    JsonNode whole = resource(state.get("values").get("root_module"), "kplan_data.whole");
    assertTrue(whole.get("sensitive_values").get("output").asBoolean(), whole.toString());
    assertFalse(state.toString().contains(SECRET), state.toString());
    assertEquals(List.of(), unflagged(state));

    write(NEW_SECRET);
    JsonNode plan = json(kplan("plan", "-json"));
    JsonNode change = null;
    for (JsonNode c : plan.get("resource_changes")) {
      if (c.get("address").asString().equals("kplan_data.creds")) {
        change = c.get("change");
      }
    }
    assertTrue(change.get("before_sensitive").get("output").get("password").asBoolean(), change.toString());
    assertTrue(change.get("after_sensitive").get("input").get("password").asBoolean(), change.toString());
    assertTrue(change.get("after_sensitive").get("output").asBoolean(), change.toString());
    assertFalse(plan.toString().contains(SECRET) || plan.toString().contains(NEW_SECRET), plan.toString());
    assertEquals(List.of(), unflagged(plan));

    assertEquals(0, kplan("plan", "-out=tfplan").exitCode());
    secretFree("show", "tfplan");
    JsonNode saved = json(kplan("show", "-json", "tfplan"));
    assertFalse(saved.toString().contains(SECRET) || saved.toString().contains(NEW_SECRET), saved.toString());
    assertEquals(List.of(), unflagged(saved));
  }

  private static String block(String show, String header) {
    int at = show.indexOf(header);
    assertTrue(at >= 0, show);
    return show.substring(at, show.indexOf("\n}\n", at) + 3);
  }

  private static JsonNode json(CliRun r) {
    assertTrue(r.exitCode() == 0 || r.exitCode() == 2, r.err());
    return JsonMapper.builder().build().readTree(r.out());
  }

  private static JsonNode resource(JsonNode module, String address) {
    for (JsonNode r : module.get("resources")) {
      if (r.get("address").asString().equals(address)) {
        return r;
      }
    }
    throw new AssertionError("no " + address + " in " + module);
  }

  /** Value members and the members that flag their sensitive parts, as Terraform's JSON pairs them. */
  private static final Map<String, String> FLAGS = Map.of(
      "before", "before_sensitive", "after", "after_sensitive", "values", "sensitive_values", "value", "sensitive");

  /** The JSON paths where a secret is written without a sensitive flag over it. */
  private static List<String> unflagged(JsonNode doc) {
    List<String> out = new ArrayList<>();
    walk(doc, "$", out);
    return out;
  }

  private static void walk(JsonNode n, String path, List<String> out) {
    if (n.isObject()) {
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        String flag = FLAGS.get(e.getKey());
        if (flag != null && n.has(flag)) {
          covered(e.getValue(), n.get(flag), path + "." + e.getKey(), out);
        } else if (!FLAGS.containsValue(e.getKey())) {
          walk(e.getValue(), path + "." + e.getKey(), out);
        }
      }
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        walk(n.get(i), path + "[" + i + "]", out);
      }
    } else if (n.isString() && (n.asString().contains(SECRET) || n.asString().contains(NEW_SECRET))) {
      out.add(path);
    }
  }

  /** Checks {@code v} against its sensitivity mirror {@code flag}: true covers everything below. */
  private static void covered(JsonNode v, JsonNode flag, String path, List<String> out) {
    if (flag != null && flag.isBoolean() && flag.asBoolean()) {
      return;
    }
    if (v.isObject()) {
      for (Map.Entry<String, JsonNode> e : v.properties()) {
        covered(e.getValue(), flag == null || !flag.isObject() ? null : flag.get(e.getKey()), path + "." + e.getKey(), out);
      }
    } else if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        covered(v.get(i), flag == null || !flag.isArray() ? null : flag.get(i), path + "[" + i + "]", out);
      }
    } else if (v.isString() && (v.asString().contains(SECRET) || v.asString().contains(NEW_SECRET))) {
      out.add(path);
    }
  }
}
