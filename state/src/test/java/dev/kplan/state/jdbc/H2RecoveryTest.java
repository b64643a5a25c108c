package dev.kplan.state.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kplan.state.StateChange;
import dev.kplan.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kplan killed while H2 was committing one of its changes (the undo log marked committed and
 * stored, the rows not yet committed): H2's recovery leaves that transaction registered but never
 * finished, which hid the change and made the next write of its rows spin forever. The store
 * finishes such commits, whether this process opens the file or takes it over on reconnecting.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class H2RecoveryTest {
  private static final Duration NO_SPIN = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void openingAFileLeftMidCommitFinishesThatCommitAndTheNextWriteOfItsRowsCompletes() throws Exception {
    Path file = dir.resolve(".kplan/state.mv.db");
    try (ChildProcess child = ChildProcess.start(dir, "interrupted-commit", file.toString())) {
      child.expect("SERVING");
      child.send("die");
      child.expect("DYING");
      assertEquals(137, child.waitFor());
    }
    try (JdbcStateStore store = JdbcStateStore.h2(file)) {
      assertCommitFinishedAndRowsWritable(store);
    }
  }

  @Test
  void takingOverAFileWhoseServerDiedMidCommitFinishesThatCommitAndTheNextWriteOfItsRowsCompletes() throws Exception {
    Path file = dir.resolve(".kplan/state.mv.db");
    try (ChildProcess child = ChildProcess.start(dir, "interrupted-commit", file.toString())) {
      child.expect("SERVING");
      // the child serves the file; this process is its client until it dies, then reconnects and opens the file
      try (JdbcStateStore store = JdbcStateStore.h2(file)) {
        assertEquals("{\"id\":\"1\",\"content\":\"before\"}", store.read().resources().get("local_file.f1").attributesJson());
        child.send("die");
        child.expect("DYING");
        assertEquals(137, child.waitFor());
        assertCommitFinishedAndRowsWritable(store);
      }
    }
  }

  private static void assertCommitFinishedAndRowsWritable(JdbcStateStore store) throws Exception {
    assertTimeoutPreemptively(NO_SPIN, () -> {
      try (StateStore.Lock lock = store.lock("parent@test", "apply", Duration.ofSeconds(10))) {
        lock.begin("parent@test", "apply");
        lock.record(new StateChange.Put(StateProcessMain.file1("again")));
        lock.commit();
      }
    }, "writing a row of the interrupted commit did not finish: H2 is spinning on a half-recovered transaction");
    assertEquals(StateProcessMain.file1("after").attributesJson(),
        store.readVersion(2).resources().get("local_file.f1").attributesJson(), "the interrupted commit is finished");
    assertEquals(StateProcessMain.file1("again").attributesJson(),
        store.read().resources().get("local_file.f1").attributesJson());
  }
}
