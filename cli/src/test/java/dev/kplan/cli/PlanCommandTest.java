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
    String[] all = new String[args.length + 2];
    all[0] = "-chdir=" + dir;
    all[1] = "-no-color";
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.run("", all);
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
    JsonNode changes = plan.get("resource_changes");
    assertEquals(3, changes.size(), r.out());
    assertEquals("create", changes.get(0).get("change").get("actions").get(0).asString());
  }

  @Test
  void aHandEditedFileIsReportedAsDriftAndPlannedBack() throws IOException {
    write(FILES);
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    Files.writeString(dir.resolve("out/b.txt"), "edited by hand\n");
    CliRun r = kplan("plan", "-detailed-exitcode");
    assertEquals(2, r.exitCode(), r.err());
    assertTrue(r.out().contains("Objects have changed outside of kplan"), r.out());
    assertTrue(r.out().contains("# local_file.note[\"b\"] must be replaced"), r.out());
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
