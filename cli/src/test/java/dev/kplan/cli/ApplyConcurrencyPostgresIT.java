package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.StateVersion;
import dev.kplan.state.VersionCheck;
import dev.kplan.state.jdbc.JdbcStateStore;
import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two working copies of one configuration share one PostgreSQL state, and in each of 20 rounds a
 * real kplan process in each copy runs {@code apply} at the same moment, without waiting for the
 * lock. Every apply must either succeed or fail cleanly (exit 1, no stack trace, nothing written):
 * on the lock, naming its holder, or on its plan gone stale, had it planned before the other's
 * version was written ({@code apply} holds the lock from plan to apply, so that should not happen). At least one apply succeeds per round, since only a holder can keep the other out;
 * and afterwards the history holds exactly one version per successful apply, serials 1 to N
 * without a gap, each sealed with a checksum that verifies and each readable.
 */
@KplanSandbox(SandboxService.POSTGRES)
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class ApplyConcurrencyPostgresIT {
  private static final int ROUNDS = 20;

  private static final String CONFIG = """
      variable "tag" {
        type = string
      }
      resource "kplan_data" "item" {
        count = 10
        input = "${var.tag} ${count.index}"
      }
      output "tag" {
        value = var.tag
      }
      """;

  @TempDir Path dir;
  private TestingStateBackend backend;

  @BeforeEach
  void postgres(Sandbox sandbox) throws Exception {
    backend = TestingStateBackend.postgres(sandbox.postgresUrl(), dir);
  }

  @AfterEach
  void drop() throws Exception {
    backend.close();
  }

  @Test
  void twoProcessesApplyingTwentyRoundsEachSucceedOrFailCleanlyOnTheLockAndLeaveAGapFreeVerifiedHistory()
      throws Exception {
    Path[] copies = {dir.resolve("copy-a"), dir.resolve("copy-b")};
    for (Path copy : copies) {
      Files.createDirectories(copy);
      Files.writeString(copy.resolve("main.kp.hcl"), CONFIG);
    }
    int succeeded = 0;
    int refused = 0;
    int stale = 0;
    List<String> lastRoundTags = new ArrayList<>();
    for (int round = 1; round <= ROUNDS; round++) {
      List<ChildJvm> runs = new ArrayList<>();
      try {
        for (int i = 0; i < copies.length; i++) {
          String tag = "copy" + i + "-round" + round;
          runs.add(ChildJvm.start(backend.env(), Main.class, "-chdir=" + copies[i], "-no-color", "apply",
              "-auto-approve", "-lock-timeout=0s", "-var", "tag=" + tag));
        }
        int roundSucceeded = 0;
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
          ChildJvm run = runs.get(i);
          int exit = run.finish();
          String out = run.output();
          assertFalse(out.contains("Exception"), out);
          if (exit == 0) {
            assertTrue(out.contains("Apply complete!"), out);
            roundSucceeded++;
            tags.add("copy" + i + "-round" + round);
          } else {
            assertEquals(1, exit, out);
            if (out.contains("Error: Saved plan is stale")) {
              // planned before the other apply wrote its version, reached the lock after: refused, nothing written
              assertFalse(out.contains("Apply complete!"), out);
              stale++;
            } else {
              assertTrue(out.contains("Error acquiring the state lock"), "round " + round + ", copy " + i + ":\n" + out);
              assertTrue(out.contains("Who: ") && out.contains("ID: "), out);
              refused++;
            }
          }
        }
        assertTrue(roundSucceeded >= 1, "round " + round + ": nobody held the lock, yet no apply succeeded");
        succeeded += roundSucceeded;
        lastRoundTags = tags;
      } finally {
        runs.forEach(ChildJvm::close);
      }
    }
    assertEquals(2 * ROUNDS, succeeded + refused + stale);
    System.out.printf("%d applies succeeded, %d failed on the lock, %d on a plan made stale by the other%n", succeeded,
        refused, stale);

    try (JdbcStateStore store = backend.open()) {
      List<StateVersion> history = store.history();
      List<Long> serials = new ArrayList<>(history.stream().map(StateVersion::serial).toList());
      Collections.reverse(serials);
      assertEquals(LongStream.rangeClosed(1, succeeded).boxed().toList(), serials,
          "one version per successful apply, no gap");
      for (StateVersion v : history) {
        assertTrue(v.command().startsWith("kplan apply"), "version " + v.serial() + ": " + v.command());
      }
      List<VersionCheck> checks = store.verify();
      assertEquals(succeeded, checks.size());
      for (VersionCheck check : checks) {
        assertEquals(VersionCheck.Outcome.OK, check.outcome(), "version " + check.serial() + ": " + check.message());
      }
      for (long serial = 1; serial <= succeeded; serial++) {
        assertEquals(10, store.readVersion(serial).resources().size(), "version " + serial);
      }
      assertTrue(store.lockHolder().isEmpty(), "no lock is left behind");
      String latest = store.read().outputs().get("tag").valueJson();
      assertTrue(lastRoundTags.stream().anyMatch(latest::contains), "the latest version is from the last round: "
          + latest + " " + lastRoundTags);
    }
  }
}
