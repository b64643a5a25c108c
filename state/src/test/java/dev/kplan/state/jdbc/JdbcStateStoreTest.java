package dev.kplan.state.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.LockInfo;
import dev.kplan.state.OutputValue;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateException;
import dev.kplan.state.StateLockedException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import dev.kplan.state.StateVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcStateStoreTest {
  private static final Duration NO_WAIT = Duration.ZERO;

  @TempDir Path dir;
  private Path file;
  private JdbcStateStore store;

  @BeforeEach
  void open() throws StateException {
    file = JdbcStateStore.defaultFile(dir);
    store = JdbcStateStore.h2(file);
  }

  @AfterEach
  void close() throws StateException {
    store.close();
  }

  static ResourceInstance instance(String address, String attributes, String... dependencies) {
    return new ResourceInstance(address, "provider.local", 1, attributes, "[]", List.of(dependencies), false, null);
  }

  @Test
  void aNewStoreIsEmptyWithAStableLineageAndCreatesItsFolder() throws StateException {
    StateSnapshot first = store.read();
    assertEquals(0, first.serial());
    assertTrue(first.resources().isEmpty());
    assertTrue(first.outputs().isEmpty());
    assertFalse(first.lineage().isBlank());
    assertTrue(Files.isRegularFile(dir.resolve(".kplan/state.mv.db")));
    assertEquals(first.lineage(), store.read().lineage());
    assertTrue(store.history().isEmpty());
    assertEquals(Optional.empty(), store.lockHolder());
  }

  @Test
  void theLineageSurvivesReopening() throws StateException {
    String lineage = store.read().lineage();
    store.close();
    store = JdbcStateStore.h2(file);
    assertEquals(lineage, store.read().lineage());
  }

  @Test
  void versionsRoundTripWithIncreasingSerialsAndHistoryNewestFirst() throws StateException {
    ResourceInstance a = new ResourceInstance("module.m.local_file.a[\"x\"]", "provider.local.alias", 2,
        "{\"content\":\"hi\"}", "[[\"content\"]]", List.of("local_file.b"), true, "cHJpdmF0ZQ==");
    StateSnapshot v1;
    try (StateStore.Lock lock = store.lock("alice@host", "apply", NO_WAIT)) {
      lock.begin("alice", "apply");
      lock.record(new StateChange.Put(a));
      lock.record(new StateChange.Put(instance("local_file.b", "{}")));
      v1 = lock.commit();
    }
    assertEquals(1, v1.serial());
    assertEquals(a, v1.resources().get(a.address()));
    assertEquals(v1, store.read());

    StateSnapshot v2;
    try (StateStore.Lock lock = store.lock("bob@host", "apply", NO_WAIT)) {
      lock.begin("bob", "apply -auto-approve");
      lock.record(new StateChange.Put(instance("local_file.b", "{\"n\":1}")));
      lock.record(new StateChange.Put(instance("local_file.b", "{\"n\":2}")));
      lock.record(new StateChange.Put(instance("local_file.c", "{}", "local_file.b")));
      v2 = lock.commit();
    }
    assertEquals(2, v2.serial());
    assertEquals(v1.lineage(), v2.lineage());
    assertEquals("{\"n\":2}", v2.resources().get("local_file.b").attributesJson());
    assertEquals(List.of("local_file.b"), v2.resources().get("local_file.c").dependencies());
    assertEquals(3, v2.resources().size());

    List<StateVersion> history = store.history();
    assertEquals(List.of(2L, 1L), history.stream().map(StateVersion::serial).toList());
    StateVersion second = history.get(0);
    assertEquals("bob", second.who());
    assertEquals("apply -auto-approve", second.command());
    assertEquals(List.of(1, 1, 0), List.of(second.added(), second.changed(), second.removed()));
    StateVersion first = history.get(1);
    assertEquals(List.of(2, 0, 0), List.of(first.added(), first.changed(), first.removed()));
  }

  @Test
  void recordAllCommitsItsChangesTogetherOrNone() throws StateException {
    StateSnapshot v1;
    try (StateStore.Lock lock = store.lock("alice@host", "apply", NO_WAIT)) {
      lock.begin("alice", "apply");
      lock.recordAll(List.of(new StateChange.Put(instance("local_file.a", "{}")),
          new StateChange.Put(instance("local_file.b", "{}"))));
      assertThrows(StateException.class, () -> lock.recordAll(List.of(
          new StateChange.Put(instance("local_file.c", "{}")),
          new StateChange.Depose("local_file.missing", "0badc0de"))));
      v1 = lock.commit();
    }
    assertEquals(java.util.Set.of("local_file.a", "local_file.b"), v1.resources().keySet());
    assertEquals(List.of(2, 0, 0), List.of(store.history().get(0).added(), store.history().get(0).changed(),
        store.history().get(0).removed()));
  }

  @Test
  void everyVersionCanBeReadBack() throws StateException {
    StateSnapshot v1;
    StateSnapshot v2;
    try (StateStore.Lock lock = store.lock("alice@host", "apply", NO_WAIT)) {
      lock.begin("alice", "apply");
      lock.record(new StateChange.Put(instance("local_file.a", "{\"n\":1}")));
      lock.record(new StateChange.Put(instance("local_file.b", "{}")));
      lock.record(new StateChange.SetOutput(new OutputValue("n", "1", false)));
      v1 = lock.commit();
    }
    try (StateStore.Lock lock = store.lock("alice@host", "apply", NO_WAIT)) {
      lock.begin("alice", "apply");
      lock.record(new StateChange.Put(instance("local_file.a", "{\"n\":2}")));
      lock.record(new StateChange.Remove("local_file.b"));
      lock.record(new StateChange.SetOutput(new OutputValue("n", "2", false)));
      v2 = lock.commit();
    }
    try (StateStore.Lock lock = store.lock("alice@host", "apply", NO_WAIT)) {
      lock.begin("alice", "apply");
      lock.record(new StateChange.Put(instance("local_file.c", "{}")));
      lock.commit();
    }
    assertEquals(v1, store.readVersion(1));
    assertEquals(v2, store.readVersion(2));
    assertEquals(store.read(), store.readVersion(3));
    StateException missing = assertThrows(StateException.class, () -> store.readVersion(4));
    assertTrue(missing.getMessage().contains("1 to 3"), missing.getMessage());
  }

  @Test
  void removalEndsAnInstanceAndCountsAsRemoved() throws StateException {
    try (StateStore.Lock lock = store.lock("alice@host", "apply", NO_WAIT)) {
      lock.begin("alice", "apply");
      lock.record(new StateChange.Put(instance("local_file.a", "{}")));
      lock.record(new StateChange.Put(instance("local_file.b", "{}")));
      lock.commit();
    }
    StateSnapshot after;
    try (StateStore.Lock lock = store.lock("alice@host", "destroy", NO_WAIT)) {
      lock.begin("alice", "destroy");
      lock.record(new StateChange.Remove("local_file.a"));
      // created and removed within one version: leaves no trace
      lock.record(new StateChange.Put(instance("local_file.tmp", "{}")));
      lock.record(new StateChange.Remove("local_file.tmp"));
      // updated then removed within one version: removed
      lock.record(new StateChange.Put(instance("local_file.b", "{\"n\":1}")));
      lock.record(new StateChange.Remove("local_file.b"));
      after = lock.commit();
    }
    assertTrue(after.resources().isEmpty());
    StateVersion destroy = store.history().get(0);
    assertEquals(List.of(0, 0, 2), List.of(destroy.added(), destroy.changed(), destroy.removed()));
  }

  @Test
  void outputsAreSetReplacedAndRemoved() throws StateException {
    try (StateStore.Lock lock = store.lock("alice@host", "apply", NO_WAIT)) {
      lock.begin("alice", "apply");
      lock.record(new StateChange.SetOutput(new OutputValue("url", "\"http://a\"", false)));
      lock.record(new StateChange.SetOutput(new OutputValue("token", "\"s3cret\"", true)));
      lock.commit();
    }
    try (StateStore.Lock lock = store.lock("alice@host", "apply", NO_WAIT)) {
      lock.begin("alice", "apply");
      lock.record(new StateChange.SetOutput(new OutputValue("url", "\"http://b\"", false)));
      lock.record(new StateChange.RemoveOutput("token"));
      lock.commit();
    }
    StateSnapshot state = store.read();
    assertEquals(List.of("url"), List.copyOf(state.outputs().keySet()));
    assertEquals("\"http://b\"", state.outputs().get("url").valueJson());
  }

  @Test
  void aSecondLockWaitsForItsTimeoutThenNamesTheHolder() throws StateException {
    try (StateStore.Lock held = store.lock("alice@laptop", "apply", NO_WAIT)) {
      long start = System.nanoTime();
      StateLockedException e = assertThrows(StateLockedException.class,
          () -> store.lock("bob@desk", "plan", Duration.ofMillis(400)));
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 400);
      assertEquals(held.info(), e.holder());
      assertTrue(e.getMessage().contains("alice@laptop"), e.getMessage());
      assertTrue(e.getMessage().contains(held.info().id()), e.getMessage());
      assertEquals(Optional.of(held.info()), store.lockHolder());
    }
  }

  @Test
  void aWaitingLockIsGrantedWhenTheHolderReleasesIt() throws Exception {
    StateStore.Lock held = store.lock("alice@laptop", "apply", NO_WAIT);
    Thread releaser = new Thread(() -> {
      try {
        Thread.sleep(300);
        held.close();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    releaser.start();
    try (StateStore.Lock second = store.lock("bob@desk", "plan", Duration.ofSeconds(20))) {
      assertEquals("bob@desk", second.info().owner());
    }
    releaser.join();
  }

  @Test
  void closingTheLockReleasesIt() throws StateException {
    LockInfo first;
    try (StateStore.Lock lock = store.lock("alice@laptop", "apply", NO_WAIT)) {
      first = lock.info();
    }
    assertEquals(Optional.empty(), store.lockHolder());
    try (StateStore.Lock lock = store.lock("bob@desk", "plan", NO_WAIT)) {
      assertNotEquals(first.id(), lock.info().id());
    }
  }

  @Test
  void forceUnlockRemovesTheLockAndStopsItsWrites() throws StateException {
    StateStore.Lock orphan = store.lock("alice@laptop", "apply", NO_WAIT);
    orphan.begin("alice", "apply");
    StateException wrongId = assertThrows(StateException.class, () -> store.forceUnlock("not-the-id"));
    assertTrue(wrongId.getMessage().contains(orphan.info().id()), wrongId.getMessage());

    store.forceUnlock(orphan.info().id());
    assertEquals(Optional.empty(), store.lockHolder());
    StateException lost = assertThrows(StateException.class,
        () -> orphan.record(new StateChange.Put(instance("local_file.a", "{}"))));
    assertTrue(lost.getMessage().contains("no longer holds the state lock"), lost.getMessage());
    try (StateStore.Lock lock = store.lock("bob@desk", "apply", NO_WAIT)) {
      assertEquals(Optional.of(lock.info()), store.lockHolder());
    }
    assertThrows(StateException.class, () -> store.forceUnlock(orphan.info().id()));
  }

  @Test
  void anUnsealedVersionIsStillTheLatestAndTheNextBeginContinuesFromIt() throws StateException {
    StateStore.Lock crashed = store.lock("alice@laptop", "apply", NO_WAIT);
    crashed.begin("alice", "apply");
    crashed.record(new StateChange.Put(instance("local_file.a", "{}")));
    crashed.close(); // released without commit, as a process that died would leave it (minus the lock)
    StateSnapshot state = store.read();
    assertEquals(1, state.serial());
    assertEquals(List.of("local_file.a"), List.copyOf(state.resources().keySet()));
    assertEquals(1, store.history().get(0).added());

    try (StateStore.Lock lock = store.lock("bob@desk", "apply", NO_WAIT)) {
      lock.begin("bob", "apply");
      lock.record(new StateChange.Put(instance("local_file.b", "{}")));
      StateSnapshot next = lock.commit();
      assertEquals(2, next.serial());
      assertEquals(List.of("local_file.a", "local_file.b"), List.copyOf(next.resources().keySet()));
    }
  }

  @Test
  void changesRecordedFromParallelWorkersAreAllKept() throws Exception {
    try (StateStore.Lock lock = store.lock("alice@laptop", "apply", NO_WAIT)) {
      lock.begin("alice", "apply");
      java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
        for (int i = 0; i < 80; i++) {
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
      StateSnapshot state = lock.commit();
      assertEquals(80, state.resources().size());
      assertTrue(state.resources().values().stream().allMatch(r -> r.attributesJson().equals("{\"v\":2}")));
    }
    assertEquals(80, store.history().get(0).added());
  }

  @Test
  void aTruncatedFileIsReportedAndLeftUntouched() throws Exception {
    try (StateStore.Lock lock = store.lock("alice@laptop", "apply", NO_WAIT)) {
      lock.begin("alice", "apply");
      lock.record(new StateChange.Put(instance("local_file.a", "{}")));
      lock.commit();
    }
    store.close();
    byte[] whole = Files.readAllBytes(file);
    byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 3);
    Files.write(file, truncated);

    StateException e = assertThrows(StateException.class, () -> JdbcStateStore.h2(file));
    assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    assertArrayEquals(truncated, Files.readAllBytes(file));
    store = JdbcStateStore.h2(dir.resolve("other.mv.db")); // for @AfterEach
  }

  @Test
  void aSchemaFromANewerKplanIsRefusedAndLeftAlone() throws Exception {
    store.close();
    String url = "jdbc:h2:file:" + dir.resolve(".kplan/state").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO \"kplan_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
          + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
          + " VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'sa', 1, TRUE)");
    }
    StateException e = assertThrows(StateException.class, () -> JdbcStateStore.h2(file));
    assertTrue(e.getMessage().contains("newer kplan"), e.getMessage());
    assertTrue(e.getMessage().contains(file.toAbsolutePath().toString()), e.getMessage());
    store = JdbcStateStore.h2(dir.resolve("other.mv.db"));
  }

  @Test
  void anUnreachableDatabaseIsReportedWithItsUrl() {
    String url = "jdbc:postgresql://127.0.0.1:1/kplan?connectTimeout=2&password=hunter2";
    StateException e = assertThrows(StateException.class, () -> JdbcStateStore.of(url, "kplan", "hunter2"));
    assertTrue(e.getMessage().contains("127.0.0.1:1/kplan"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void tenThousandInstancesAreReadBack() throws Exception {
    // Seeded in one batch: the point is read() at this size; record() timings belong to the benchmarks.
    try (StateStore.Lock lock = store.lock("alice@laptop", "apply", NO_WAIT)) {
      lock.begin("alice", "import");
      try (Connection c = store.connection();
          java.sql.PreparedStatement s = c.prepareStatement("INSERT INTO resource_instance (address, since_serial,"
              + " provider, schema_version, attributes_json, sensitive_paths_json, dependencies_json, tainted)"
              + " VALUES (?, 1, 'provider.kubernetes', 1, ?, '[]', '[\"kubernetes_namespace.ns\"]', FALSE)")) {
        c.setAutoCommit(false);
        for (int i = 0; i < 10_000; i++) {
          s.setString(1, "kubernetes_manifest.m[" + i + "]");
          s.setString(2, "{\"manifest\":{\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm-" + i + "\"}}}");
          s.addBatch();
        }
        s.executeBatch();
        c.commit();
        c.setAutoCommit(true);
      }
      lock.record(new StateChange.Put(instance("kubernetes_namespace.ns", "{}")));
      lock.commit();
    }
    StateSnapshot state = store.read();
    assertEquals(10_001, state.resources().size());
    assertEquals(List.of("kubernetes_namespace.ns"), state.resources().get("kubernetes_manifest.m[9999]").dependencies());
    assertEquals(10_001, store.history().get(0).added());
  }
}
