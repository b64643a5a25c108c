package dev.kplan.state.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import dev.kplan.state.StateVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Several kplan processes on one H2 state file, each a real JVM. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class JdbcStateStoreProcessTest {
  @TempDir Path dir;

  @Test
  void aSecondProcessFailsAfterItsTimeoutNamingTheHolderThenGetsTheLockOnceReleased() throws Exception {
    Path file = dir.resolve(".kplan/state.mv.db");
    try (ChildProcess holder = ChildProcess.start(dir, "hold", file.toString(), "alice@laptop")) {
      String lockId = holder.expect("LOCKED ").substring("LOCKED ".length());

      try (ChildProcess waiter = ChildProcess.start(dir, "try", file.toString(), "bob@desk", "1500")) {
        String refused = waiter.expect("HELD-BY ");
        assertTrue(refused.contains("alice@laptop"), refused);
        assertTrue(refused.contains(lockId), refused);
        assertEquals(0, waiter.waitFor());
      }

      holder.send("release");
      holder.expect("RELEASED");
      assertEquals(0, holder.waitFor());
    }
    try (ChildProcess next = ChildProcess.start(dir, "try", file.toString(), "bob@desk", "20000")) {
      next.expect("LOCKED ");
      assertEquals(0, next.waitFor());
    }
  }

  @Test
  void aProcessKilledMidApplyLosesNothingItRecordedAndLeavesNoLockBehind() throws Exception {
    Path file = dir.resolve(".kplan/state.mv.db");
    try (ChildProcess child = ChildProcess.start(dir, "record", file.toString(), "3")) {
      child.expect("RECORDED 3");
      child.kill();
    }
    // The killed process was the one serving the file; this one now opens it itself.
    try (JdbcStateStore store = JdbcStateStore.h2(file)) {
      StateSnapshot state = store.read();
      assertEquals(1, state.serial());
      assertEquals(List.of("local_file.f1", "local_file.f2", "local_file.f3"), List.copyOf(state.resources().keySet()));
      assertEquals("child@test", store.lockHolder().orElseThrow().owner());

      try (StateStore.Lock lock = store.lock("parent@test", "apply", Duration.ofSeconds(10))) {
        lock.begin("parent", "apply");
        StateSnapshot next = lock.commit();
        assertEquals(2, next.serial());
        assertEquals(3, next.resources().size());
      }
      List<StateVersion> history = store.history();
      assertEquals(List.of(2L, 1L), history.stream().map(StateVersion::serial).toList());
      assertEquals(3, history.get(1).added());
    }
  }

  @Test
  void changesOfAKilledProcessAreVisibleToAProcessThatHadTheFileOpen() throws Exception {
    Path file = dir.resolve(".kplan/state.mv.db");
    try (JdbcStateStore store = JdbcStateStore.h2(file)) {
      try (ChildProcess child = ChildProcess.start(dir, "record", file.toString(), "2")) {
        child.expect("RECORDED 2");
        assertEquals(2, store.read().resources().size());
        child.kill();
      }
      assertEquals(List.of("local_file.f1", "local_file.f2"), List.copyOf(store.read().resources().keySet()));
      try (StateStore.Lock lock = store.lock("parent@test", "apply", Duration.ofSeconds(10))) {
        assertEquals(Optional.of(lock.info()), store.lockHolder());
      }
    }
  }

  @Test
  void aProcessKeepsWorkingWhenTheProcessServingTheFileIsKilled() throws Exception {
    Path file = dir.resolve(".kplan/state.mv.db");
    try (ChildProcess child = ChildProcess.start(dir, "record", file.toString(), "2")) {
      child.expect("RECORDED 2");
      // The child opened the file first and serves it; this store reaches it over loopback.
      try (JdbcStateStore store = JdbcStateStore.h2(file)) {
        assertEquals(2, store.read().resources().size());
        child.kill();
        assertEquals(List.of("local_file.f1", "local_file.f2"), List.copyOf(store.read().resources().keySet()));
        try (StateStore.Lock lock = store.lock("parent@test", "apply", Duration.ofSeconds(10))) {
          lock.begin("parent", "apply");
          assertEquals(2, lock.commit().serial());
        }
      }
    }
  }

  @Test
  void killedAtArbitraryPointsTheStateKeepsEveryRecordedChangeAndStaysUsable() throws Exception {
    Path file = dir.resolve(".kplan/state.mv.db");
    java.util.Random random = new java.util.Random(42);
    for (int round = 1; round <= 3; round++) {
      int seen = 1 + random.nextInt(40);
      try (ChildProcess child = ChildProcess.start(dir, "record", file.toString(), "100000")) {
        child.expect("RECORDED " + seen);
        child.kill(); // while it goes on recording: anywhere in a transaction or between two
      }
      try (JdbcStateStore store = JdbcStateStore.h2(file)) {
        StateSnapshot state = store.read();
        assertEquals(round, state.serial());
        for (int i = 1; i <= seen; i++) {
          assertTrue(state.resources().containsKey("local_file.f" + i), "round " + round + " lost local_file.f" + i);
        }
        for (long serial = 1; serial <= round; serial++) {
          store.readVersion(serial);
        }
      }
    }
    try (JdbcStateStore store = JdbcStateStore.h2(file);
        StateStore.Lock lock = store.lock("parent@test", "apply", Duration.ofSeconds(10))) {
      lock.begin("parent", "apply");
      assertEquals(4, lock.commit().serial());
    }
  }
}
