package dev.kplan.state.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.OutputValue;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import dev.kplan.state.StateVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole versions written in one transaction, reading one object or an old version, and pruning. */
class StateVersionsTest {
  @TempDir Path dir;
  private JdbcStateStore store;

  @BeforeEach
  void open() throws StateException {
    store = JdbcStateStore.h2(JdbcStateStore.defaultFile(dir));
  }

  @AfterEach
  void close() throws StateException {
    store.close();
  }

  static ResourceInstance instance(String address, String attributes) {
    return new ResourceInstance(address, "provider.local", 0, attributes, "[]", List.of(), false, null);
  }

  private StateSnapshot write(String command, StateChange... changes) throws StateException {
    try (StateStore.Lock lock = store.lock("tester", "test", Duration.ZERO)) {
      return lock.writeVersion("tester", command, List.of(changes), null);
    }
  }

  @Test
  void aVersionIsWrittenWithWhoHostCommandAndCounts() throws StateException {
    write("first", new StateChange.Put(instance("local_file.a", "{\"v\":1}")),
        new StateChange.Put(instance("local_file.b", "{\"v\":1}")));
    StateSnapshot second = write("second", new StateChange.Put(instance("local_file.a", "{\"v\":2}")),
        new StateChange.Remove("local_file.b"), new StateChange.SetOutput(new OutputValue("o", "{\"value\":1,"
            + "\"type\":\"number\"}", false)));
    assertEquals(2, second.serial());
    List<StateVersion> history = store.history();
    StateVersion v = history.get(0);
    assertEquals("second", v.command());
    assertEquals("tester", v.who());
    assertFalse(v.host().isEmpty());
    assertEquals(List.of(0, 1, 1), List.of(v.added(), v.changed(), v.removed()));
    assertEquals(1, store.history(1).size());
  }

  @Test
  void aFailingChangeLeavesNoTraceOfTheWholeVersion() throws StateException {
    write("first", new StateChange.Put(instance("local_file.a", "{}")));
    assertThrows(StateException.class, () -> write("broken", new StateChange.Remove("local_file.a"),
        new StateChange.Depose("local_file.none", "00000001")));
    StateSnapshot now = store.read();
    assertEquals(1, now.serial());
    assertTrue(now.resources().containsKey("local_file.a"));
    assertEquals(1, store.history().size());
  }

  @Test
  void oneObjectReadsByAddressAtAnyVersion() throws StateException {
    write("first", new StateChange.Put(instance("local_file.a", "{\"v\":1}")));
    write("second", new StateChange.Put(instance("local_file.a", "{\"v\":2}")));
    assertEquals("{\"v\":2}", store.readInstance("local_file.a", OptionalLong.empty()).orElseThrow().attributesJson());
    assertEquals("{\"v\":1}", store.readInstance("local_file.a", OptionalLong.of(1)).orElseThrow().attributesJson());
    assertTrue(store.readInstance("local_file.b", OptionalLong.empty()).isEmpty());
  }

  @Test
  void pruneKeepsTheNewestVersionsExactlyAsTheyRead() throws StateException {
    write("1", new StateChange.Put(instance("local_file.keep", "{}")), new StateChange.Put(instance("local_file.x", "{\"v\":1}")));
    write("2", new StateChange.Put(instance("local_file.x", "{\"v\":2}")), new StateChange.Put(instance("local_file.y", "{}")));
    write("3", new StateChange.Remove("local_file.y"));
    write("4", new StateChange.Put(instance("local_file.x", "{\"v\":4}")));
    StateSnapshot v3 = store.readVersion(3);
    StateSnapshot v4 = store.readVersion(4);
    int deleted;
    try (StateStore.Lock lock = store.lock("tester", "prune", Duration.ZERO)) {
      deleted = lock.prune(2);
    }
    assertEquals(2, deleted);
    assertEquals(v3.resources(), store.readVersion(3).resources());
    assertEquals(v4.resources(), store.readVersion(4).resources());
    assertEquals(v4.resources(), store.read().resources());
    StateException gone = assertThrows(StateException.class, () -> store.readVersion(2));
    assertTrue(gone.getMessage().contains("versions are 3 to 4; older ones were pruned"), gone.getMessage());
    assertEquals(List.of(4L, 3L), store.history().stream().map(StateVersion::serial).toList());
    StateSnapshot next = write("5", new StateChange.Remove("local_file.keep"));
    assertEquals(5, next.serial());
    assertEquals(v4.resources().keySet().size() - 1, next.resources().size());
  }

  @Test
  void aVersionMayTakeAnotherLineage() throws StateException {
    write("first", new StateChange.Put(instance("local_file.a", "{}")));
    String before = store.read().lineage();
    try (StateStore.Lock lock = store.lock("tester", "push", Duration.ZERO)) {
      lock.writeVersion("tester", "push", List.of(), "another-lineage");
    }
    assertEquals("another-lineage", store.read().lineage());
    assertEquals(before, store.readVersion(1).lineage());
    assertEquals("another-lineage", write("third").lineage());
  }
}
