package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.StateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kplan import ADDR ID} end to end with the local provider's files, on the backend a
 * subclass gives ({@link ImportCommandTest}: H2, {@link ImportCommandPostgresIT}: PostgreSQL).
 */
abstract class ImportCommandContract {
  @TempDir Path dir;
  TestingStateBackend backend;

  @AfterEach
  void closeBackend() throws Exception {
    backend.close();
  }

  CliRun kplan(String... args) {
    return CliRun.in(backend.env(), "", dir, args);
  }

  void write(String config) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), config);
  }

  static final String FILES = """
      variable "dir" {
        type = string
      }
      resource "local_file" "page" {
        for_each = toset(["a", "b"])
        filename = "${var.dir}/${each.key}.txt"
        content  = "page ${each.key}\\n"
      }
      resource "local_file" "other" {
        filename = "${var.dir}/other.txt"
        content  = "other\\n"
      }
      """;

  @Test
  void importAdoptsAnExistingFileIntoAForEachInstanceWithVariablesAndRecordsAVersion() throws IOException {
    write(FILES);
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("out/a.txt"), "page a\n");
    CliRun r = kplan("import", "-var", "dir=out", "local_file.page[\"a\"]", "out/a.txt");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("local_file.page[\"a\"]: Importing..."), r.out());
    assertTrue(r.out().contains("Import successful!"), r.out());
    assertEquals("local_file.page[\"a\"]\n", kplan("state", "list").out());
    assertTrue(kplan("state", "history").out().contains("kplan import local_file.page[\"a\"] out/a.txt  +1 ~0 -0"));
    CliRun plan = kplan("plan", "-var", "dir=out");
    assertTrue(plan.out().contains("Plan: 2 to add, 0 to change, 0 to destroy."), plan.out());
    assertFalse(plan.out().contains("local_file.page[\"a\"] will be"), plan.out());
  }

  @Test
  void importKeepsTheObjectAsReadAndLeavesDifferencesToTheNextPlan() throws IOException {
    write(FILES);
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("out/other.txt"), "hand-written\n");
    assertEquals(0, kplan("import", "-var", "dir=out", "local_file.other", "out/other.txt").exitCode());
    assertEquals("hand-written\n", Files.readString(dir.resolve("out/other.txt")), "import changes nothing real");
    CliRun plan = kplan("plan", "-var", "dir=out", "-target", "local_file.other");
    assertTrue(plan.out().contains("local_file.other must be replaced"), plan.out());
  }

  @Test
  void importRefusesUnconfiguredManagedMalformedAndMissingTargets() throws IOException {
    write(FILES);
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("out/a.txt"), "page a\n");
    CliRun unconfigured = kplan("import", "-var", "dir=out", "local_file.nowhere", "out/a.txt");
    assertEquals(1, unconfigured.exitCode());
    assertTrue(unconfigured.err().contains("Error: Configuration for import target does not exist"),
        unconfigured.err());
    CliRun noKey = kplan("import", "-var", "dir=out", "local_file.page[\"zzz\"]", "out/a.txt");
    assertEquals(1, noKey.exitCode());
    assertTrue(noKey.err().contains("The configuration has no instance local_file.page[\"zzz\"]"), noKey.err());
    CliRun malformed = kplan("import", "local_file.page[", "out/a.txt");
    assertEquals(1, malformed.exitCode());
    assertTrue(malformed.err().contains("Error: Invalid address"), malformed.err());
    CliRun missing = kplan("import", "-var", "dir=out", "local_file.other", "out/none.txt");
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("Cannot import non-existent file"), missing.err());
    CliRun noVar = kplan("import", "local_file.other", "out/a.txt");
    assertEquals(1, noVar.exitCode());

    assertEquals(0, kplan("import", "-var", "dir=out", "local_file.page[\"a\"]", "out/a.txt").exitCode());
    CliRun twice = kplan("import", "-var", "dir=out", "local_file.page[\"a\"]", "out/a.txt");
    assertEquals(1, twice.exitCode());
    assertTrue(twice.err().contains("Error: Resource already managed by kplan"), twice.err());
    assertTrue(kplan("state", "history").out().lines().count() == 2, "only the one import was recorded");
  }

  @Test
  void importFailsCleanlyWhileTheStateIsLocked() throws Exception {
    write(FILES);
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("out/a.txt"), "page a\n");
    try (StateStore store = backend.open();
        StateStore.Lock held = store.lock("someone-else", "apply", Duration.ZERO)) {
      CliRun r = kplan("import", "-var", "dir=out", "local_file.page[\"a\"]", "out/a.txt");
      assertEquals(1, r.exitCode());
      assertTrue(r.err().contains("Error: Error acquiring the state lock"), r.err());
      assertTrue(store.read().resources().isEmpty());
    }
  }
}
