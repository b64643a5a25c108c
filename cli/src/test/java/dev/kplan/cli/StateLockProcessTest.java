package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.StateSnapshot;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes on one state: while another process holds the lock, kplan waits
 * {@code -lock-timeout}, then fails with exit code 1 naming the holder (who, what, since when)
 * and changes nothing; a kplan still waiting when the holder lets go carries on.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class StateLockProcessTest {
  @TempDir Path dir;

  private static final String CONFIG = """
      resource "local_file" "f" {
        count    = 3
        filename = "out/f${count.index}.txt"
        content  = "%s ${count.index}\\n"
      }
      """;

  @Test
  void aSecondKplanWaitsThenFailsNamingTheHolderAndGoesOnWhenTheHolderReleasesInTime() throws Exception {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG.formatted("first"));
    CliRun applied = CliRun.run("", "-chdir=" + dir, "-no-color", "apply", "-auto-approve");
    assertEquals(0, applied.exitCode(), applied.err());
    Path stateFile = JdbcStateStore.defaultFile(dir);
    StateSnapshot before = read(stateFile);
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG.formatted("second")); // so that an apply would change things

    try (ChildJvm holder = ChildJvm.start(Map.of(), LockHolderMain.class, stateFile.toString(), "alice@laptop",
        "apply")) {
      String[] locked = holder.expect("LOCKED ").split(" ");
      String lockId = locked[1];
      String created = locked[2];

      String[][] refused = {{"plan", "-lock-timeout=2s"}, {"apply", "-lock-timeout=2s", "-auto-approve"}};
      for (String[] command : refused) {
        String[] args = new String[command.length + 2];
        args[0] = "-chdir=" + dir;
        args[1] = "-no-color";
        System.arraycopy(command, 0, args, 2, command.length);
        try (ChildJvm second = ChildJvm.start(Map.of(), Main.class, args)) {
          int exit = second.finish();
          String out = second.output();
          assertEquals(1, exit, out);
          assertTrue(out.contains("Error acquiring the state lock"), out);
          assertTrue(out.contains("Who:       alice@laptop"), out);
          assertTrue(out.contains("Operation: apply"), out);
          assertTrue(out.contains("Created:   " + created), out);
          assertTrue(out.contains("ID:        " + lockId), out);
          assertFalse(out.contains("Exception"), out);
        }
      }
      assertEquals("first 0\n", Files.readString(dir.resolve("out/f0.txt")), "the refused apply changed nothing");

      try (ChildJvm waiting = ChildJvm.start(Map.of("KPLAN_LOG", "info"), Main.class, "-chdir=" + dir, "-no-color",
          "apply", "-lock-timeout=2m", "-auto-approve")) {
        String notice = waiting.expect("waiting up to");
        assertTrue(notice.contains("alice@laptop"), notice);
        holder.send("release");
        holder.expect("RELEASED");
        assertEquals(0, holder.finish());
        int exit = waiting.finish();
        assertEquals(0, exit, waiting.output());
        assertTrue(waiting.output().contains("Apply complete! Resources: 3 added, 0 changed, 3 destroyed."),
            waiting.output());
      }
    }
    StateSnapshot after = read(stateFile);
    assertEquals(before.serial() + 1, after.serial(), "the refused runs wrote no version, the waiting one wrote one");
    assertEquals(before.resources().keySet(), after.resources().keySet());
    assertEquals("second 2\n", Files.readString(dir.resolve("out/f2.txt")));
    try (JdbcStateStore store = JdbcStateStore.h2(stateFile)) {
      assertTrue(store.lockHolder().isEmpty(), "no lock is left behind");
      assertEquals(after.serial(), store.history().size());
    }
  }

  private static StateSnapshot read(Path stateFile) throws Exception {
    try (JdbcStateStore store = JdbcStateStore.h2(stateFile)) {
      return store.read();
    }
  }
}
