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

/** {@code kplan plan} on real folders with the local provider and the H2 state. */
class PlanCommandTest {
  @TempDir Path dir;

  static final String FILES = """
      variable "word" {
        type    = string
        default = "hello"
      }
      resource "local_file" "note" {
        for_each = toset(["a", "b"])
        filename = "out/${each.key}.txt"
        content  = "${var.word} ${each.key}\\n"
      }
      resource "kplan_data" "meta" {
        input = var.word
      }
      """;

  CliRun kplan(String... args) {
    return CliRun.in(dir, args);
  }

  void write(String hcl) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), hcl);
  }

  @Test
  void planOnAnEmptyStateCountsWhatItWouldAddAndChangesNothing() throws IOException {
    write(FILES);
    CliRun r = kplan("plan");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("# local_file.note[\"a\"] will be created"), r.out());
    assertTrue(r.out().contains("Plan: 3 to add, 0 to change, 0 to destroy."), r.out());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void detailedExitCodeIsTwoForChangesZeroForNoneOneForErrors() throws IOException {
    write(FILES);
    assertEquals(2, kplan("plan", "-detailed-exitcode").exitCode());
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    CliRun none = kplan("plan", "-detailed-exitcode");
    assertEquals(0, none.exitCode(), none.err());
    assertTrue(none.out().contains("No changes."), none.out());
    write(FILES + "resource \"local_file\" \"broken\" {\n  filename = 3 +\n}\n");
    assertEquals(1, kplan("plan", "-detailed-exitcode").exitCode());
  }

  @Test
  void aVariableOnTheCommandLineChangesThePlan() throws IOException {
    write(FILES);
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    CliRun r = kplan("plan", "-var", "word=bye");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Plan: 2 to add, 1 to change, 2 to destroy."), r.out());
  }

  @Test
  void targetLimitsThePlanToTheAddressGiven() throws IOException {
    write(FILES);
    CliRun r = kplan("plan", "-target=kplan_data.meta");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Plan: 1 to add, 0 to change, 0 to destroy."), r.out());
  }

  @Test
  void destroyPlanListsEveryStoredObject() throws IOException {
    write(FILES);
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    CliRun r = kplan("plan", "-destroy");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Plan: 0 to add, 0 to change, 3 to destroy."), r.out());
    assertTrue(Files.exists(dir.resolve("out/a.txt")));
  }

  @Test
  void jsonPlanHasTheResourceChanges() throws IOException {
    write(FILES);
    CliRun r = kplan("plan", "-json");
    assertEquals(0, r.exitCode(), r.err());
    JsonNode plan = JsonMapper.builder().build().readTree(r.out());
    assertEquals("1.2", plan.get("format_version").asString());
    assertTrue(plan.get("applyable").asBoolean());
    assertTrue(plan.get("complete").asBoolean());
    assertFalse(plan.get("errored").asBoolean());
    assertFalse(plan.has("terraform_version"));
    JsonNode changes = plan.get("resource_changes");
    assertEquals(3, changes.size(), r.out());
    JsonNode meta = changes.get(0);
    assertEquals("kplan_data.meta", meta.get("address").asString());
    assertEquals("managed", meta.get("mode").asString());
    assertEquals("kplan_data", meta.get("type").asString());
    assertEquals("meta", meta.get("name").asString());
    assertFalse(meta.has("index"));
    JsonNode change = meta.get("change");
    assertEquals(1, change.get("actions").size());
    assertEquals("create", change.get("actions").get(0).asString());
    assertTrue(change.get("before").isNull());
    assertEquals("hello", change.get("after").get("input").asString());
    assertFalse(change.get("after").has("id"), "unknown values are left out of after");
    assertTrue(change.get("after_unknown").get("id").asBoolean());
    assertTrue(change.get("after_unknown").get("output").asBoolean());
    assertFalse(change.get("before_sensitive").asBoolean());
    assertEquals(0, change.get("after_sensitive").size());
    JsonNode b = changes.get(2);
    assertEquals("local_file.note[\"b\"]", b.get("address").asString());
    assertEquals("b", b.get("index").asString());
    assertEquals("out/b.txt", b.get("change").get("after").get("filename").asString());
    assertEquals("hello b\n", b.get("change").get("after").get("content").asString());
    JsonNode planned = plan.get("planned_values").get("root_module").get("resources");
    assertEquals(3, planned.size());
    assertEquals("local_file.note[\"a\"]", planned.get(1).get("address").asString());
    assertEquals("out/a.txt", planned.get(1).get("values").get("filename").asString());

    // after a hand edit: the drift and a replacement, with both halves' actions in Terraform's order
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    Files.writeString(dir.resolve("out/b.txt"), "edited by hand\n");
    JsonNode drifted = JsonMapper.builder().build().readTree(kplan("plan", "-json").out());
    JsonNode drift = drifted.get("resource_drift");
    assertEquals(1, drift.size(), drifted.toString());
    assertEquals("local_file.note[\"b\"]", drift.get(0).get("address").asString());
    assertEquals("update", drift.get(0).get("change").get("actions").get(0).asString());
    assertEquals("hello b\n", drift.get(0).get("change").get("before").get("content").asString());
    assertEquals("edited by hand\n", drift.get(0).get("change").get("after").get("content").asString());
    JsonNode replaced = null;
    for (JsonNode c : drifted.get("resource_changes")) {
      if (c.get("address").asString().equals("local_file.note[\"b\"]")) {
        replaced = c.get("change");
      }
    }
    assertEquals("[\"delete\",\"create\"]", replaced.get("actions").toString());
    assertEquals("edited by hand\n", replaced.get("before").get("content").asString());
    assertEquals("hello b\n", replaced.get("after").get("content").asString());
  }

  @Test
  void aHandEditedFileIsReportedAsDriftAndPlannedBack() throws IOException {
    write(FILES);
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    Files.writeString(dir.resolve("out/b.txt"), "edited by hand\n");
    CliRun r = kplan("plan", "-detailed-exitcode");
    assertEquals(2, r.exitCode(), r.err());
    String out = r.out();
    assertTrue(out.startsWith("\nNote: Objects have changed outside of kplan\n"), out);
    int drift = out.indexOf("  # local_file.note[\"b\"] has changed\n");
    int actions = out.indexOf("kplan will perform the following actions:");
    assertTrue(drift > 0 && drift < actions, out);
    String driftPart = out.substring(drift, actions);
    assertTrue(driftPart.contains("  ~ resource \"local_file\" \"note\" {\n"), driftPart);
    assertTrue(driftPart.contains("- hello b\n"), driftPart);
    assertTrue(driftPart.contains("+ edited by hand\n"), driftPart);
    assertFalse(driftPart.contains("local_file.note[\"a\"]"), driftPart);
    assertTrue(driftPart.contains("the following plan may include\nactions to undo or respond to these changes."), driftPart);
    assertTrue(out.contains("# local_file.note[\"b\"] must be replaced"), out);
    assertTrue(out.contains("Plan: 1 to add, 0 to change, 1 to destroy."), out);
  }

  @Test
  void replacePlansAReplacementOfAnUnchangedInstance() throws IOException {
    write(FILES);
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    CliRun r = kplan("plan", "-replace=local_file.note[\"a\"]");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("# local_file.note[\"a\"] will be replaced, as requested"), r.out());
    assertTrue(r.out().contains("Plan: 1 to add, 0 to change, 1 to destroy."), r.out());
  }

  @Test
  void withoutRefreshAHandEditGoesUnnoticed() throws IOException {
    write(FILES);
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    Files.writeString(dir.resolve("out/b.txt"), "edited by hand\n");
    CliRun r = kplan("plan", "-refresh=false", "-detailed-exitcode");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(r.out().contains("No changes."), r.out());
  }

  @Test
  void refreshOnlyReportsTheDriftWithoutPlanningChanges() throws IOException {
    write(FILES);
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    Files.writeString(dir.resolve("out/b.txt"), "edited by hand\n");
    CliRun r = kplan("plan", "-refresh-only", "-detailed-exitcode");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.out().contains("local_file.note[\"b\"] has changed"), r.out());
    assertFalse(r.out().contains("must be replaced"), r.out());
  }

  @Test
  void anUnknownArgumentIsADiagnosticWithFileAndLineAndNoStackTrace() throws IOException {
    write("""
        resource "local_file" "a" {
          filename = "a.txt"
          contnt   = "x"
        }
        """);
    CliRun r = kplan("plan");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("Error: Unsupported argument"), r.err());
    assertTrue(r.err().contains("on main.kp.hcl line 3"), r.err());
    assertFalse(r.err().contains("at dev.kplan"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void malformedOptionValuesAreUsageErrors() throws IOException {
    write(FILES);
    assertEquals(1, kplan("plan", "-lock-timeout=soon").exitCode());
    assertEquals(1, kplan("plan", "-target=not an address").exitCode());
    assertEquals(1, kplan("plan", "-parallelism=0").exitCode());
  }

  @Test
  void destroyAndRefreshOnlyTogetherAreAUsageError() throws IOException {
    write(FILES);
    CliRun r = kplan("plan", "-destroy", "-refresh-only");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("cannot be used together"), r.err());
  }

  @Test
  void helpListsTheOptions() {
    CliRun r = CliRun.run("", "plan", "-help");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().contains("-detailed-exitcode"), r.out());
    assertTrue(r.out().contains("-lock-timeout=DURATION"), r.out());
  }

  @Test
  void lockTimeoutTakesGoDurations() {
    assertEquals(java.time.Duration.ofSeconds(90), OperationArguments.duration(null, "1m30s"));
    assertEquals(java.time.Duration.ZERO, OperationArguments.duration(null, "0s"));
    assertEquals(java.time.Duration.ofMillis(500), OperationArguments.duration(null, "500ms"));
  }
}
