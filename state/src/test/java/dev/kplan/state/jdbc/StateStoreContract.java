package dev.kplan.state.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.Intent;
import dev.kplan.state.MigrationReport;
import dev.kplan.state.OutputValue;
import dev.kplan.state.RecordedMoves;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateException;
import dev.kplan.state.StateLockedException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import dev.kplan.state.StateVersion;
import dev.kplan.state.VersionCheck;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every state store does, whatever its database: the same tests run on an H2 file
 * ({@code H2StateStoreContractTest}) and on PostgreSQL ({@code PostgresStateStoreContractIT}).
 */
abstract class StateStoreContract {
  static final Duration NO_WAIT = Duration.ZERO;

  /** A new, empty store; each call within one test opens another, separate store. */
  abstract JdbcStateStore newStore() throws Exception;

  /** Opens the store most recently made by {@link #newStore} once more, as a second process would. */
  abstract JdbcStateStore reopen() throws Exception;

  private final List<JdbcStateStore> opened = new java.util.ArrayList<>();

  JdbcStateStore track(JdbcStateStore s) {
    opened.add(s);
    return s;
  }

  @AfterEach
  void closeStores() throws StateException {
    for (JdbcStateStore s : opened) {
      s.close();
    }
    opened.clear();
  }

  static ResourceInstance instance(String address, String attributes) {
    return new ResourceInstance(address, "provider.local", 1, attributes, "[]", List.of(), false, null);
  }

  /** Three versions: a and b; b changed and output url set; a removed and c added. */
  static void writeHistory(StateStore store) throws StateException {
    try (StateStore.Lock lock = store.lock("alice@laptop", "apply", NO_WAIT)) {
      lock.begin("alice", "apply");
      lock.record(new StateChange.Put(instance("local_file.a", "{\"n\":1}")));
      lock.record(new StateChange.Put(new ResourceInstance("local_file.b", "provider.local", 0, "{\"s\":\"x\"}",
          "[[\"s\"]]", List.of("local_file.a"), true, "cHJpdmF0ZQ==")));
      lock.commit();
    }
    try (StateStore.Lock lock = store.lock("bob@desk", "apply", NO_WAIT)) {
      lock.begin("bob", "apply");
      lock.record(new StateChange.Put(instance("local_file.b", "{\"s\":\"y\"}")));
      lock.record(new StateChange.SetOutput(new OutputValue("url", "\"http://a\"", false)));
      lock.commit();
    }
    try (StateStore.Lock lock = store.lock("carol@ci", "apply", NO_WAIT)) {
      lock.begin("carol", "apply");
      lock.record(new StateChange.Remove("local_file.a"));
      lock.record(new StateChange.Put(instance("local_file.c", "{}")));
      lock.commit();
    }
  }

  @Test
  void versionsRoundTripAndEveryVersionReadsBack() throws Exception {
    JdbcStateStore store = track(newStore());
    writeHistory(store);
    assertEquals(List.of(3L, 2L, 1L), store.history().stream().map(StateVersion::serial).toList());
    StateSnapshot latest = store.read();
    assertEquals(3, latest.serial());
    assertEquals(List.of("local_file.b", "local_file.c"), List.copyOf(latest.resources().keySet()));
    StateSnapshot first = store.readVersion(1);
    assertEquals("[[\"s\"]]", first.resources().get("local_file.b").sensitivePathsJson());
    assertEquals(List.of("local_file.a"), first.resources().get("local_file.b").dependencies());
    assertEquals("\"http://a\"", store.readVersion(2).outputs().get("url").valueJson());
    StateVersion third = store.history().get(0);
    assertEquals(List.of(1, 0, 1), List.of(third.added(), third.changed(), third.removed()));
  }

  @Test
  void everyCommittedVersionVerifies() throws Exception {
    JdbcStateStore store = track(newStore());
    writeHistory(store);
    List<VersionCheck> checks = store.verify();
    assertEquals(List.of(1L, 2L, 3L), checks.stream().map(VersionCheck::serial).toList());
    assertTrue(checks.stream().allMatch(c -> c.outcome() == VersionCheck.Outcome.OK), checks.toString());
    assertEquals(3, checks.stream().map(VersionCheck::checksum).distinct().count());
  }

  @Test
  void anEditedRowFailsItsVersionsChecksumAndIsLeftAsItIs() throws Exception {
    JdbcStateStore store = track(newStore());
    writeHistory(store);
    // local_file.b's first row belongs to version 1 only; local_file.c's to version 3.
    tamper(store, "UPDATE resource_instance SET attributes_json = '{\"s\":\"evil\"}'"
        + " WHERE address = 'local_file.b' AND since_serial = 1");

    StateException e = assertThrows(StateException.class, () -> store.readVersion(1));
    assertTrue(e.getMessage().contains("State version 1"), e.getMessage());
    assertTrue(e.getMessage().contains("integrity check"), e.getMessage());
    assertEquals(2, store.readVersion(2).serial()); // versions the row is not part of still read
    assertEquals(3, store.read().serial());

    List<VersionCheck> checks = store.verify();
    assertEquals(List.of(VersionCheck.Outcome.FAILED, VersionCheck.Outcome.OK, VersionCheck.Outcome.OK),
        checks.stream().map(VersionCheck::outcome).toList());
    assertTrue(checks.get(0).message().contains("State version 1"), checks.get(0).message());
    assertEquals("{\"s\":\"evil\"}", attributes(store, "local_file.b", 1)); // nothing repaired or rewritten
  }

  @Test
  void anEditedLatestVersionIsRefusedOnRead() throws Exception {
    JdbcStateStore store = track(newStore());
    writeHistory(store);
    tamper(store, "UPDATE output_value SET value_json = '\"http://evil\"' WHERE name = 'url'");
    StateException e = assertThrows(StateException.class, store::read);
    assertTrue(e.getMessage().contains("State version 2") || e.getMessage().contains("State version 3"),
        e.getMessage());
    assertEquals(2, store.verify().stream().filter(c -> c.outcome() == VersionCheck.Outcome.FAILED).count());
  }

  @Test
  void aVersionLeftOpenIsReportedOpenThenSealedByTheNextApply() throws Exception {
    JdbcStateStore store = track(newStore());
    StateStore.Lock crashed = store.lock("alice@laptop", "apply", NO_WAIT);
    crashed.begin("alice", "apply");
    crashed.record(new StateChange.Put(instance("local_file.a", "{}")));
    crashed.close();
    assertEquals(List.of(VersionCheck.Outcome.OPEN), store.verify().stream().map(VersionCheck::outcome).toList());
    try (StateStore.Lock lock = store.lock("bob@desk", "apply", NO_WAIT)) {
      lock.begin("bob", "apply");
      lock.record(new StateChange.Put(instance("local_file.b", "{}")));
      assertEquals(2, lock.commit().resources().size());
    }
    assertTrue(store.verify().stream().allMatch(c -> c.outcome() == VersionCheck.Outcome.OK));
  }

  @Test
  void anIntentIsKeptAcrossACrashUntilClosedAndItsAnswerIsStoredWithTheObject() throws Exception {
    JdbcStateStore store = track(newStore());
    Intent first = Intent.open("kubernetes_manifest.web", "provider.kubernetes", "kubernetes_manifest",
        java.util.Map.of("kind", "ConfigMap", "namespace", "default", "name", "web"), "alice@laptop");
    Intent second = Intent.open("local_file.b", "provider.local", "local_file",
        java.util.Map.of("filename", "/tmp/b"), "alice@laptop");
    StateStore.Lock crashed = store.lock("alice@laptop", "apply", NO_WAIT);
    crashed.begin("alice", "apply");
    crashed.recordIntent(first);
    crashed.recordIntent(second);
    crashed.recordResult(second.id(), new StateChange.Put(instance("local_file.b", "{}")));
    crashed.close(); // the process "died": neither intent was closed

    JdbcStateStore other = track(reopen());
    List<Intent> open = other.intents();
    assertEquals(List.of(first.id(), second.id()), open.stream().map(Intent::id).toList());
    assertEquals(first.identity(), open.get(0).identity());
    assertEquals("kubernetes_manifest", open.get(0).resourceType());
    assertEquals("provider.kubernetes", open.get(0).providerAddress());
    assertEquals(first.created(), open.get(0).created());
    assertEquals(List.of(false, true), open.stream().map(Intent::answered).toList());
    assertEquals(List.of("local_file.b"), List.copyOf(other.read().resources().keySet()));

    try (StateStore.Lock lock = other.lock("bob@desk", "plan", NO_WAIT)) {
      lock.closeIntent(first.id());
      lock.closeIntent(second.id());
    }
    assertEquals(List.of(), store.intents());
    assertTrue(store.verify().stream().allMatch(c -> c.outcome() != VersionCheck.Outcome.FAILED));
  }

  @Test
  void anIntentIsNotWrittenByAProcessThatLostTheLockAndAFailedResultLeavesItUnanswered() throws Exception {
    JdbcStateStore store = track(newStore());
    StateStore.Lock held = store.lock("alice@laptop", "apply", NO_WAIT);
    held.begin("alice", "apply");
    Intent kept = Intent.open("local_file.a", "provider.local", "local_file", java.util.Map.of(), "alice@laptop");
    held.recordIntent(kept);
    store.forceUnlock(held.info().id());
    assertThrows(StateException.class, () -> held.recordIntent(
        Intent.open("local_file.z", "provider.local", "local_file", java.util.Map.of(), "alice@laptop")));
    assertThrows(StateException.class,
        () -> held.recordResult(kept.id(), new StateChange.Put(instance("local_file.a", "{}"))));
    held.close();
    List<Intent> open = store.intents();
    assertEquals(List.of(kept.id()), open.stream().map(Intent::id).toList());
    assertEquals(false, open.get(0).answered());
    assertEquals(java.util.Map.of(), store.read().resources());
  }

  @Test
  void aSecondLockWaitsForItsTimeoutThenNamesTheHolderAndForceUnlockStopsTheHolder() throws Exception {
    JdbcStateStore store = track(newStore());
    JdbcStateStore other = track(reopen());
    StateStore.Lock held = store.lock("alice@laptop", "apply", NO_WAIT);
    held.begin("alice", "apply");
    StateLockedException e = assertThrows(StateLockedException.class,
        () -> other.lock("bob@desk", "plan", Duration.ofMillis(300)));
    assertEquals(held.info(), e.holder());
    assertEquals(Optional.of(held.info()), other.lockHolder());

    other.forceUnlock(held.info().id());
    StateException lost = assertThrows(StateException.class,
        () -> held.record(new StateChange.Put(instance("local_file.a", "{}"))));
    assertTrue(lost.getMessage().contains("no longer holds the state lock"), lost.getMessage());
    try (StateStore.Lock next = other.lock("bob@desk", "apply", NO_WAIT)) {
      assertNotEquals(held.info().id(), next.info().id());
    }
    held.close();
  }

  @Test
  void aReleasedLockIsFreeForTheNextHolder() throws Exception {
    JdbcStateStore store = track(newStore());
    JdbcStateStore other = track(reopen());
    try (StateStore.Lock lock = store.lock("alice@laptop", "apply", NO_WAIT)) {
      assertEquals("alice@laptop", lock.info().owner());
    }
    assertEquals(Optional.empty(), other.lockHolder());
    try (StateStore.Lock lock = other.lock("bob@desk", "apply", NO_WAIT)) {
      assertEquals(Optional.of(lock.info()), store.lockHolder());
    }
  }

  @Test
  void changesRecordedFromParallelWorkersAreAllKept() throws Exception {
    JdbcStateStore store = track(newStore());
    try (StateStore.Lock lock = store.lock("alice@laptop", "apply", NO_WAIT)) {
      lock.begin("alice", "apply");
      java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
          String address = "local_file.p" + i;
          done.add(workers.submit(() -> {
            lock.record(new StateChange.Put(instance(address, "{}")));
            lock.record(new StateChange.Put(instance(address, "{\"v\":2}")));
            return null;
          }));
        }
        for (java.util.concurrent.Future<?> f : done) {
          f.get();
        }
      } finally {
        workers.shutdown();
      }
      assertEquals(40, lock.commit().resources().size());
    }
    assertEquals(VersionCheck.Outcome.OK, store.verify().get(0).outcome());
  }

  @Test
  void aStoreIsCopiedWithItsWholeHistoryAndTheCopyVerifies() throws Exception {
    JdbcStateStore source = track(newStore());
    writeHistory(source);
    JdbcStateStore target = track(newStore());
    MigrationReport report = source.copyTo(target, false, "alice@laptop", NO_WAIT);
    assertEquals(3, report.versions());
    assertEquals(3, report.latestSerial());
    assertEquals(source.read().lineage(), report.lineage());
    assertEquals(4, report.rows().get("resource_instance"));
    for (long serial = 1; serial <= 3; serial++) {
      StateSnapshot copied = target.readVersion(serial);
      StateSnapshot original = source.readVersion(serial);
      assertEquals(original.resources(), copied.resources());
      assertEquals(original.outputs(), copied.outputs());
    }
    assertEquals(source.history(), target.history());
    assertEquals(source.verify(), target.verify());
    assertEquals(Optional.empty(), target.lockHolder());
    assertEquals(Optional.empty(), source.lockHolder());
  }

  @Test
  void aCopyIntoANonEmptyStoreIsRefusedUnlessForced() throws Exception {
    JdbcStateStore source = track(newStore());
    writeHistory(source);
    JdbcStateStore target = track(newStore());
    try (StateStore.Lock lock = target.lock("dave@other", "apply", NO_WAIT)) {
      lock.begin("dave", "apply");
      lock.record(new StateChange.Put(instance("local_file.mine", "{}")));
      lock.commit();
    }
    StateException refused = assertThrows(StateException.class,
        () -> source.copyTo(target, false, "alice@laptop", NO_WAIT));
    assertTrue(refused.getMessage().contains("not empty"), refused.getMessage());
    assertTrue(refused.getMessage().contains("-force"), refused.getMessage());
    assertEquals(List.of("local_file.mine"), List.copyOf(target.read().resources().keySet()));

    source.copyTo(target, true, "alice@laptop", NO_WAIT);
    assertEquals(source.verify(), target.verify());
    assertEquals(List.of("local_file.b", "local_file.c"), List.copyOf(target.readVersion(3).resources().keySet()));
  }

  @Test
  void aDamagedStoreIsNotCopied() throws Exception {
    JdbcStateStore source = track(newStore());
    writeHistory(source);
    tamper(source, "UPDATE resource_instance SET attributes_json = '{\"x\":1}' WHERE address = 'local_file.c'");
    JdbcStateStore target = track(newStore());
    StateException e = assertThrows(StateException.class, () -> source.copyTo(target, false, "alice", NO_WAIT));
    assertTrue(e.getMessage().contains("State version 3"), e.getMessage());
    assertTrue(target.history().isEmpty());
  }

  @Test
  void versionsWrittenWholeUnderANewLineageThenPrunedStillVerify() throws Exception {
    JdbcStateStore store = track(newStore());
    writeHistory(store);
    String lineage = store.read().lineage();
    try (StateStore.Lock lock = store.lock("eve@laptop", "state push", NO_WAIT)) {
      // A forced push of another state: version 4 takes the pushed lineage.
      StateSnapshot pushed = lock.writeVersion("eve", "kplan state push -force", List.of(
          new StateChange.Put(instance("local_file.d", "{}")),
          new StateChange.RemoveOutput("url")), "pushed-lineage");
      assertEquals("pushed-lineage", pushed.lineage());
      // A rollback to version 1: version 5 holds version 1's objects again.
      StateSnapshot first = store.readVersion(1);
      lock.writeVersion("eve", "kplan state rollback 1", List.of(
          new StateChange.Remove("local_file.c"),
          new StateChange.Remove("local_file.d"),
          new StateChange.Put(first.resources().get("local_file.a")),
          new StateChange.Put(first.resources().get("local_file.b"))), null);
    }
    assertEquals(lineage, store.readVersion(3).lineage());
    assertEquals("pushed-lineage", store.read().lineage());
    assertEquals(store.readVersion(1).resources(), store.read().resources());
    List<VersionCheck> before = store.verify();
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L), before.stream().map(VersionCheck::serial).toList());
    assertTrue(before.stream().allMatch(c -> c.outcome() == VersionCheck.Outcome.OK), before.toString());

    StateSnapshot v4 = store.readVersion(4);
    try (StateStore.Lock lock = store.lock("eve@laptop", "state prune", NO_WAIT)) {
      assertEquals(3, lock.prune(2));
    }
    List<VersionCheck> after = store.verify();
    assertEquals(before.subList(3, 5), after);
    assertEquals(v4, store.readVersion(4));

    // The pruned, re-lineaged history copies whole, host of each version included, and verifies there.
    JdbcStateStore target = track(newStore());
    MigrationReport report = store.copyTo(target, false, "eve@laptop", NO_WAIT);
    assertEquals(2, report.versions());
    assertEquals("pushed-lineage", report.lineage());
    assertEquals(after, target.verify());
    assertEquals(store.history(), target.history());
    assertEquals(Holder.CURRENT.host(), target.history().get(0).host());
  }

  @Test
  void aVersionLeftOpenIsSealedWithItsChecksumBeforeAWholeVersionIsWritten() throws Exception {
    JdbcStateStore store = track(newStore());
    StateStore.Lock crashed = store.lock("alice@laptop", "apply", NO_WAIT);
    crashed.begin("alice", "apply");
    crashed.record(new StateChange.Put(instance("local_file.a", "{}")));
    crashed.close();
    try (StateStore.Lock lock = store.lock("bob@desk", "state rm", NO_WAIT)) {
      assertEquals(2, lock.writeVersion("bob", "kplan state rm local_file.a",
          List.of(new StateChange.Remove("local_file.a")), null).serial());
    }
    List<VersionCheck> checks = store.verify();
    assertEquals(List.of(VersionCheck.Outcome.OK, VersionCheck.Outcome.OK),
        checks.stream().map(VersionCheck::outcome).toList());
    assertEquals(List.of("local_file.a"), List.copyOf(store.readVersion(1).resources().keySet()));
  }

  static void tamper(JdbcStateStore store, String sql) throws Exception {
    try (Connection c = store.connection(); PreparedStatement s = c.prepareStatement(sql)) {
      assertTrue(s.executeUpdate() >= 1, "the edit must change a row: " + sql);
    }
  }

  static String attributes(JdbcStateStore store, String address, long since) throws Exception {
    try (Connection c = store.connection(); PreparedStatement s = c.prepareStatement(
        "SELECT attributes_json FROM resource_instance WHERE address = ? AND since_serial = ?")) {
      s.setString(1, address);
      s.setLong(2, since);
      try (ResultSet rs = s.executeQuery()) {
        assertTrue(rs.next());
        return rs.getString(1);
      }
    }
  }

  /** One version by {@code command} of {@code changes}, written as an apply writes (change by change). */
  static void apply(StateStore store, String command, StateChange... changes) throws StateException {
    try (StateStore.Lock lock = store.lock("dana@desk", command, NO_WAIT)) {
      lock.begin("dana", command);
      for (StateChange change : changes) {
        lock.record(change);
      }
      lock.commit();
    }
  }

  @Test
  void aRecordedMoveCountsAsAMoveAndComposesAcrossVersionsInEitherDirection() throws Exception {
    JdbcStateStore store = track(newStore());
    apply(store, "apply", new StateChange.Put(instance("local_file.a", "{\"n\":1}")),
        new StateChange.Put(instance("local_file.keep", "{}")));
    apply(store, "apply", new StateChange.Move("local_file.a", instance("local_file.b", "{\"n\":1}")));
    apply(store, "apply", new StateChange.Put(instance("local_file.b", "{\"n\":2}")));
    try (StateStore.Lock lock = store.lock("erin", "state mv", NO_WAIT)) {
      lock.writeVersion("erin", "kplan state mv local_file.b module.m.local_file.b",
          List.of(new StateChange.Move("local_file.b", instance("module.m.local_file.b", "{\"n\":2}"))), null);
    }

    StateVersion moved = store.history().get(2);
    assertEquals(2, moved.serial());
    assertEquals(List.of(0, 0, 0, 1), List.of(moved.added(), moved.changed(), moved.removed(), moved.moved()));
    assertEquals(1, store.history().get(0).moved());
    assertEquals(0, store.history().get(3).moved());

    assertEquals(new RecordedMoves(Map.of("local_file.a", "local_file.b"), true), store.moves(1, 2));
    assertEquals(new RecordedMoves(Map.of("local_file.a", "module.m.local_file.b"), true), store.moves(1, 4));
    assertEquals(new RecordedMoves(Map.of("module.m.local_file.b", "local_file.a"), true), store.moves(4, 1));
    assertEquals(new RecordedMoves(Map.of("local_file.b", "module.m.local_file.b"), true), store.moves(2, 4));
    assertEquals(new RecordedMoves(Map.of(), true), store.moves(2, 3));
    assertEquals(List.of("local_file.keep", "module.m.local_file.b"), List.copyOf(store.read().resources().keySet()));
    assertTrue(store.verify().stream().allMatch(v -> v.outcome() == VersionCheck.Outcome.OK));
  }

  @Test
  void aMovedObjectRemovedLaterIsNoMoveEvenWhenAnotherTakesItsAddress() throws Exception {
    JdbcStateStore store = track(newStore());
    apply(store, "apply", new StateChange.Put(instance("local_file.a", "{}")));
    apply(store, "apply", new StateChange.Move("local_file.a", instance("local_file.b", "{}")));
    apply(store, "destroy", new StateChange.Remove("local_file.b"));
    apply(store, "apply", new StateChange.Put(instance("local_file.b", "{}")));
    assertEquals(Map.of(), store.moves(1, 4).moves(), "the object at b in 4 is not the one moved there in 2");
    assertEquals(Map.of("local_file.a", "local_file.b"), store.moves(1, 2).moves());
    // moved away, then a new object at the old address: the old address's object is the moved one's successor only by name
    apply(store, "apply", new StateChange.Move("local_file.b", instance("local_file.c", "{}")),
        new StateChange.Put(instance("local_file.b", "{\"new\":true}")));
    assertEquals(Map.of("local_file.b", "local_file.c"), store.moves(4, 5).moves());
    StateVersion v5 = store.history().get(0);
    assertEquals(List.of(0, 1, 0, 1), List.of(v5.added(), v5.changed(), v5.removed(), v5.moved()));
  }

  @Test
  void movesOfVersionsWrittenBeforeMovesWereRecordedAreUnknownAndPruneAndCopyKeepTheRest() throws Exception {
    JdbcStateStore store = track(newStore());
    apply(store, "apply", new StateChange.Put(instance("local_file.a", "{}")));
    apply(store, "apply", new StateChange.Move("local_file.a", instance("local_file.b", "{}")));
    apply(store, "apply", new StateChange.Move("local_file.b", instance("local_file.c", "{}")));
    try (Connection c = store.connection(); PreparedStatement s = c.prepareStatement(
        "UPDATE state_version SET moved = NULL WHERE serial = 1")) {
      s.executeUpdate();
    }
    assertEquals(StateVersion.MOVES_UNKNOWN, store.history().get(2).moved());
    assertEquals(new RecordedMoves(Map.of("local_file.a", "local_file.c"), true), store.moves(1, 3),
        "version 1 is where the range starts: its own moves do not matter");
    assertEquals(false, store.moves(0, 3).complete());

    JdbcStateStore copy = track(newStore());
    store.copyTo(copy, false, "migrate", NO_WAIT);
    assertEquals(store.moves(1, 3), copy.moves(1, 3));
    try (StateStore.Lock lock = store.lock("frank", "state prune", NO_WAIT)) {
      assertEquals(1, lock.prune(2));
    }
    assertEquals(new RecordedMoves(Map.of("local_file.b", "local_file.c"), true), store.moves(2, 3));
    assertTrue(store.verify().stream().allMatch(v -> v.outcome() == VersionCheck.Outcome.OK));
  }
}
