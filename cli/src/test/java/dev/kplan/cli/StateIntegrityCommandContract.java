package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.StateSnapshot;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kplan state verify} and {@code kplan state migrate}, and a damaged row, on the backend a
 * subclass gives ({@link StateIntegrityCommandTest}: H2, {@link StateIntegrityCommandPostgresIT}:
 * PostgreSQL).
 */
abstract class StateIntegrityCommandContract {
  static final String CONFIG = """
      resource "kplan_data" "a" {
        input = var.word
      }
      resource "kplan_data" "b" {
        input = "${kplan_data.a.output}-b"
      }
      variable "word" {
        default = "one"
      }
      output "b" {
        value = kplan_data.b.output
      }
      """;

  @TempDir Path dir;
  TestingStateBackend backend;

  @AfterEach
  void closeBackend() throws Exception {
    backend.close();
  }

  CliRun kplan(Map<String, String> env, String... args) {
    return CliRun.in(backend.env(env), "", dir, args);
  }

  /** Two applies: versions 1 and 2. */
  void applyTwice(Map<String, String> env) throws Exception {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG);
    CliRun first = kplan(env, "apply", "-auto-approve");
    assertEquals(0, first.exitCode(), first.err());
    CliRun second = kplan(env, "apply", "-auto-approve", "-var", "word=two");
    assertEquals(0, second.exitCode(), second.err());
  }

  @Test
  void verifyListsEveryVersionAndSucceedsOnAnUntouchedState() throws Exception {
    applyTwice(Map.of());
    CliRun r = kplan(Map.of(), "state", "verify");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().matches("(?s)1  ok  sha256:[0-9a-f]{64}\n2  ok  sha256:[0-9a-f]{64}\nAll 2 state versions at .*"),
        r.out());
  }

  @Test
  void verifyWithoutAStateSaysSoAndCreatesNone() throws Exception {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG);
    CliRun r = kplan(Map.of(), "state", "verify");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("No state"), r.out());
    assertFalse(backend.exists());
  }

  @Test
  void anEditedRowFailsVerifyAndPlanWithExitOneAndStaysAsItWas() throws Exception {
    applyTwice(Map.of());
    assertEquals(1, backend.update("UPDATE resource_instance SET attributes_json = REPLACE(attributes_json,"
        + " 'two', 'evil') WHERE address = 'kplan_data.a' AND until_serial IS NULL"));
    String before = backend.rows();

    CliRun verify = kplan(Map.of(), "state", "verify");
    assertEquals(1, verify.exitCode(), verify.out());
    assertTrue(verify.out().contains("1  ok  "), verify.out());
    assertTrue(verify.out().contains("2  failed  "), verify.out());
    assertTrue(verify.err().contains("Error: State version 2 fails verification"), verify.err());
    assertTrue(verify.err().contains("1 of 2 state versions"), verify.err());

    CliRun plan = kplan(Map.of(), "plan");
    assertEquals(1, plan.exitCode(), plan.out());
    assertTrue(plan.err().contains("State version 2"), plan.err());
    assertTrue(plan.err().contains("integrity check"), plan.err());
    String after = backend.rows();
    assertEquals(before, after);
    assertTrue(after.contains("evil"), after);
  }

  @Test
  void migrateCopiesTheWholeHistoryToAnotherFileAndRefusesToOverwriteWithoutForce() throws Exception {
    applyTwice(Map.of());
    Path copy = dir.resolve("copy/state.mv.db");
    CliRun r = kplan(Map.of(), "state", "migrate", "-to=" + copy);
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("Copied 2 state versions (latest serial 2"), r.out());
    try (JdbcStateStore original = backend.open();
        JdbcStateStore copied = JdbcStateStore.h2(copy)) {
      assertEquals(original.history(), copied.history());
      for (long serial = 1; serial <= 2; serial++) {
        StateSnapshot a = original.readVersion(serial);
        StateSnapshot b = copied.readVersion(serial);
        assertEquals(a, b);
      }
    }

    CliRun again = kplan(Map.of(), "state", "migrate", "-to=" + copy);
    assertEquals(1, again.exitCode(), again.out());
    assertTrue(again.err().contains("is not empty"), again.err());
    assertEquals(0, kplan(Map.of(), "state", "migrate", "-to=" + copy, "-force").exitCode());

    // The copy serves a plan through KPLAN_STATE_URL: nothing to change.
    CliRun plan = kplan(Map.of("KPLAN_STATE_URL", "jdbc:h2:file:" + copy.toAbsolutePath(), "KPLAN_VAR_word", "two"),
        "plan", "-detailed-exitcode");
    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
  }

  @Test
  void migrateOntoItselfIsRefused() throws Exception {
    applyTwice(Map.of());
    CliRun r = kplan(Map.of(), "state", "migrate", "-to=" + backend.location());
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("already at"), r.err());
    assertEquals(2, kplan(Map.of(), "state", "verify").out().lines()
        .filter(l -> l.contains("  ok  ")).count());
  }
}
