package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.StateStore;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kplan apply}, {@code destroy} and {@code output} on real folders. */
class ApplyCommandTest {
  @TempDir Path dir;

  static final String CONFIG = """
      resource "local_file" "note" {
        for_each = toset(["a", "b"])
        filename = "out/${each.key}.txt"
        content  = "note ${each.key}\\n"
      }
      resource "kplan_data" "secret" {
        input = "s3cr3t"
      }
      output "files" {
        value = [for f in local_file.note : f.filename]
      }
      output "secret" {
        value     = kplan_data.secret.output
        sensitive = true
      }
      """;

  CliRun kplan(String stdin, String... args) {
    return CliRun.in(Map.of(), stdin, dir, args);
  }

  void write() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG);
  }

  @Test
  void autoApprovedApplyCreatesTheFilesReportsProgressAndPrintsOutputs() throws IOException {
    write();
    CliRun r = kplan("", "apply", "-auto-approve");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("note a\n", Files.readString(dir.resolve("out/a.txt")));
    assertTrue(r.out().contains("local_file.note[\"a\"]: Creating..."), r.out());
    assertTrue(java.util.regex.Pattern.compile("local_file\\.note\\[\"a\"\\]: Creation complete after \\d+s \\[id=[0-9a-f]{40}\\]\n")
        .matcher(r.out()).find(), r.out());
    assertTrue(r.out().indexOf("Creation complete") < r.out().indexOf("Apply complete!"), r.out());
    assertTrue(r.out().indexOf("Apply complete!") < r.out().indexOf("\nOutputs:\n"), "outputs come last");
    assertTrue(r.out().contains("Apply complete! Resources: 3 added, 0 changed, 0 destroyed."), r.out());
    assertTrue(r.out().contains("Outputs:\n\nfiles = [\n  \"out/a.txt\",\n  \"out/b.txt\",\n]\nsecret = <sensitive>\n"),
        r.out());
    assertFalse(r.out().substring(r.out().indexOf("Outputs:")).contains("s3cr3t"), r.out());

    CliRun again = kplan("", "plan");
    assertTrue(again.out().contains("No changes."), again.out());
  }

  @Test
  void answeringAnythingButYesCancelsAndCreatesNothing() throws IOException {
    write();
    CliRun r = kplan("no\n", "apply");
    assertEquals(1, r.exitCode(), r.err());
    assertTrue(r.out().contains("Do you want to perform these actions?"), r.out());
    assertTrue(r.out().contains("Apply cancelled."), r.out());
    assertFalse(Files.exists(dir.resolve("out")));
    assertTrue(kplan("", "plan").out().contains("Plan: 3 to add"));
  }

  @Test
  void aFailedCreateIsReportedKeepsWhatSucceededAndExitsOne() throws IOException {
    Files.writeString(dir.resolve("blocker"), "a file where a folder is needed\n");
    Files.writeString(dir.resolve("main.kp.hcl"), """
        resource "local_file" "bad" {
          filename = "blocker/bad.txt"
          content  = "never"
        }
        resource "local_file" "good" {
          filename = "good.txt"
          content  = "fine"
        }
        """);
    CliRun r = kplan("", "apply", "-auto-approve");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("Error: Cannot write"), r.err());
    assertFalse(r.out().contains("Apply complete!"), r.out());
    assertTrue(Files.exists(dir.resolve("good.txt")));
    assertTrue(kplan("", "plan").out().contains("Plan: 1 to add, 0 to change, 0 to destroy."));
  }

  @Test
  void answeringYesApplies() throws IOException {
    write();
    CliRun r = kplan("yes\n", "apply");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.exists(dir.resolve("out/b.txt")));
  }

  @Test
  void destroyRemovesTheFilesAfterApproval() throws IOException {
    write();
    assertEquals(0, kplan("", "apply", "-auto-approve").exitCode());
    CliRun cancelled = kplan("nope\n", "destroy");
    assertEquals(1, cancelled.exitCode());
    assertTrue(cancelled.out().contains("Destroy cancelled."), cancelled.out());
    assertTrue(Files.exists(dir.resolve("out/a.txt")));

    CliRun r = kplan("yes\n", "destroy");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Do you really want to destroy all resources?"), r.out());
    assertTrue(r.out().contains("Destroy complete! Resources: 3 destroyed."), r.out());
    assertFalse(Files.exists(dir.resolve("out/a.txt")));
    assertFalse(Files.exists(dir.resolve("out/b.txt")));
  }

  @Test
  void refreshOnlyApplyStoresTheDriftWithoutTouchingTheFile() throws IOException {
    write();
    assertEquals(0, kplan("", "apply", "-auto-approve").exitCode());
    Files.writeString(dir.resolve("out/a.txt"), "edited by hand\n");
    CliRun r = kplan("", "apply", "-refresh-only", "-auto-approve");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("edited by hand\n", Files.readString(dir.resolve("out/a.txt")));
    CliRun next = kplan("", "plan");
    assertFalse(next.out().contains("Objects have changed outside of kplan"), next.out());
    assertTrue(next.out().contains("# local_file.note[\"a\"] must be replaced"), next.out());
  }

  @Test
  void refreshOnlyPlanAndApplyWithAnInstanceDeletedOutsideLeaveItOutOfTheOutputs() throws IOException {
    write();
    assertEquals(0, kplan("", "apply", "-auto-approve").exitCode());
    Files.delete(dir.resolve("out/a.txt"));
    CliRun plan = kplan("", "plan", "-refresh-only");
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.out().contains("# local_file.note[\"a\"] has been deleted"), plan.out());
    CliRun r = kplan("", "apply", "-refresh-only", "-auto-approve");
    assertEquals(0, r.exitCode(), r.err());
    assertFalse(r.err().contains("Output value not saved"), r.err());
    assertEquals("files = [\n  \"out/b.txt\",\n]\nsecret = <sensitive>\n", kplan("", "output").out());
  }

  @Test
  void outputHidesSensitiveValuesInTheListAndShowsThemByNameOrAsJson() throws IOException {
    write();
    assertEquals(0, kplan("", "apply", "-auto-approve").exitCode());
    CliRun all = kplan("", "output");
    assertEquals(0, all.exitCode(), all.err());
    assertEquals("files = [\n  \"out/a.txt\",\n  \"out/b.txt\",\n]\nsecret = <sensitive>\n", all.out());
    assertEquals("\"s3cr3t\"\n", kplan("", "output", "secret").out());
    assertEquals("s3cr3t", kplan("", "output", "-raw", "secret").out());
    assertTrue(kplan("", "output", "-json").out().contains("\"s3cr3t\""));
    CliRun missing = kplan("", "output", "nope");
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("Output \"nope\" not found"), missing.err());
  }

  @Test
  void outputWithoutStateWarnsAndCreatesNoState() throws IOException {
    write();
    CliRun r = kplan("", "output");
    assertEquals(0, r.exitCode());
    assertTrue(r.err().contains("No outputs found"), r.err());
    assertFalse(Files.exists(dir.resolve(".kplan")));
  }

  @Test
  void applyWhileAnotherRunHoldsTheLockFailsNamingTheHolder() throws Exception {
    write();
    try (StateStore store = JdbcStateStore.h2(JdbcStateStore.defaultFile(dir));
        StateStore.Lock lock = store.lock("bob@elsewhere", "apply", Duration.ZERO)) {
      CliRun r = kplan("", "apply", "-auto-approve", "-lock-timeout=0s");
      assertEquals(1, r.exitCode());
      assertTrue(r.err().contains("Error acquiring the state lock"), r.err());
      assertTrue(r.err().contains("bob@elsewhere"), r.err());
      assertFalse(Files.exists(dir.resolve("out")));
    }
  }

  @Test
  void aListUnderAnAttributeOfTypeAnySettlesAfterApplyAndItsOutputIsStored() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), """
        resource "kplan_data" "x" {
          input = { files = sort(["b", "a"]) }
        }
        output "files" {
          value = kplan_data.x.output.files
        }
        """);
    CliRun applied = kplan("", "apply", "-auto-approve");
    assertEquals(0, applied.exitCode(), applied.err());
    assertFalse(applied.err().contains("Warning"), applied.err());
    assertTrue(applied.out().contains("Outputs:\n\nfiles = tolist([\n  \"a\",\n  \"b\",\n])\n"), applied.out());

    CliRun plan = kplan("", "plan", "-detailed-exitcode");
    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
    assertTrue(plan.out().contains("No changes."), plan.out());

    CliRun json = kplan("", "output", "-json", "files");
    assertEquals(0, json.exitCode(), json.err());
    assertEquals("[\"a\",\"b\"]\n", json.out());
    String all = kplan("", "output", "-json").out();
    assertTrue(all.replaceAll("\\s", "").contains("\"files\":{\"sensitive\":false,\"type\":[\"list\",\"string\"],"
        + "\"value\":[\"a\",\"b\"]}"), all);
  }
}
