package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kplan workspace …}: independent states in one store, and {@code ${kplan.workspace}}, on
 * the backend a subclass gives ({@link WorkspaceCommandTest}: H2, {@link WorkspaceCommandPostgresIT}:
 * PostgreSQL).
 */
abstract class WorkspaceCommandContract {
  static final String CONFIG = """
      resource "local_file" "env" {
        filename = "out/${kplan.workspace}.txt"
        content  = "workspace ${terraform.workspace}\\n"
      }
      output "file" {
        value = local_file.env.filename
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

  CliRun kplan(String... args) {
    return kplan(Map.of(), args);
  }

  static void ok(CliRun r) {
    assertEquals(0, r.exitCode(), r.out() + r.err());
  }

  @Test
  void applyInTwoWorkspacesKeepsIndependentStatesAndNamesFilesByWorkspace() throws Exception {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG);
    ok(kplan("apply", "-auto-approve"));
    assertEquals("workspace default\n", Files.readString(dir.resolve("out/default.txt")));

    CliRun created = kplan("workspace", "new", "staging");
    ok(created);
    assertTrue(created.out().contains("Created and selected workspace \"staging\""), created.out());
    assertEquals("staging", Files.readString(dir.resolve(".kplan/environment")).strip());
    CliRun show = kplan("workspace", "show");
    assertEquals("staging\n", show.out());

    // a new workspace starts empty: the default's object is not in its state
    CliRun plan = kplan("plan");
    ok(plan);
    assertTrue(plan.out().contains("local_file.env will be created"), plan.out());
    ok(kplan("apply", "-auto-approve"));
    assertEquals("workspace staging\n", Files.readString(dir.resolve("out/staging.txt")));
    assertTrue(kplan("output", "-raw", "file").out().contains("out/staging.txt"));

    ok(kplan("workspace", "select", "default"));
    assertFalse(Files.exists(dir.resolve(".kplan/environment")));
    CliRun again = kplan("plan");
    ok(again);
    assertTrue(again.out().contains("No changes"), again.out());
    assertTrue(kplan("output", "-raw", "file").out().contains("out/default.txt"));

    CliRun list = kplan("workspace", "list");
    ok(list);
    assertEquals("* default\n  staging\n", list.out());
    // KPLAN_WORKSPACE overrides the folder's selection
    assertEquals("  default\n* staging\n", kplan(Map.of("KPLAN_WORKSPACE", "staging"), "workspace", "list").out());
    assertTrue(kplan(Map.of("KPLAN_WORKSPACE", "staging"), "output", "-raw", "file").out().contains("staging"));
  }

  @Test
  void deleteRefusesTheCurrentAndANonEmptyWorkspaceUnlessForced() throws Exception {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG);
    ok(kplan("workspace", "new", "dev"));
    ok(kplan("apply", "-auto-approve"));

    CliRun current = kplan("workspace", "delete", "dev");
    assertEquals(1, current.exitCode());
    assertTrue(current.err().contains("is the selected one"), current.err());

    ok(kplan("workspace", "select", "default"));
    CliRun nonEmpty = kplan("workspace", "delete", "dev");
    assertEquals(1, nonEmpty.exitCode());
    assertTrue(nonEmpty.err().contains("is not empty"), nonEmpty.err());
    assertTrue(kplan("workspace", "list").out().contains("dev"));

    CliRun defaultOne = kplan("workspace", "delete", "default");
    assertEquals(1, defaultOne.exitCode());

    ok(kplan("workspace", "delete", "-force", "dev"));
    assertEquals("* default\n", kplan("workspace", "list").out());
    CliRun missing = kplan("workspace", "select", "dev");
    assertEquals(1, missing.exitCode());
    assertTrue(missing.err().contains("doesn't exist"), missing.err());
    CliRun unknown = kplan(Map.of("KPLAN_WORKSPACE", "dev"), "plan");
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.err().contains("kplan workspace new dev"), unknown.err());
  }

  @Test
  void migrateCopiesEveryWorkspaceAndVerifyChecksTheSelectedOne() throws Exception {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG);
    ok(kplan("apply", "-auto-approve"));
    ok(kplan("workspace", "new", "qa"));
    ok(kplan("apply", "-auto-approve"));
    CliRun verify = kplan("state", "verify");
    ok(verify);
    assertTrue(verify.out().contains("workspace qa"), verify.out());

    Path copy = dir.resolve("copy/state.mv.db");
    CliRun migrate = kplan("state", "migrate", "-to=" + copy);
    ok(migrate);
    assertTrue(migrate.out().contains("Copied workspace \"qa\": 1 state versions"), migrate.out());
    Map<String, String> atCopy = Map.of("KPLAN_STATE_URL", copy.toString());
    assertEquals("  default\n* qa\n", kplan(atCopy, "workspace", "list").out());
    assertTrue(kplan(atCopy, "output", "-raw", "file").out().contains("out/qa.txt"));
    CliRun plan = kplan(atCopy, "plan");
    ok(plan);
    assertTrue(plan.out().contains("No changes"), plan.out());
  }

  @Test
  void consoleSeesTheSelectedWorkspace() throws Exception {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG);
    CliRun r = CliRun.run(backend.env(Map.of("KPLAN_WORKSPACE", "blue")), "kplan.workspace\nterraform.workspace\n",
        "-chdir=" + dir, "console");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("\"blue\"\n\"blue\"\n", r.out());
  }
}
