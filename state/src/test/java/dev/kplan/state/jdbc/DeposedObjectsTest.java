package dev.kplan.state.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.DeposedObject;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deposed objects: an old object kept while create_before_destroy replaces it. */
class DeposedObjectsTest {
  @TempDir Path dir;

  static ResourceInstance instance(String address, String json) {
    return new ResourceInstance(address, "provider.local", 0, json, "[]", List.of(), false, null);
  }

  @Test
  void aDeposedObjectIsKeptBesideTheNewOneUntilRemovedAndEveryVersionReadsBack() throws StateException {
    try (JdbcStateStore store = JdbcStateStore.h2(dir.resolve("state"))) {
      try (StateStore.Lock lock = store.lock("me", "apply", Duration.ZERO)) {
        lock.begin("me", "kplan apply");
        lock.record(new StateChange.Put(instance("local_file.a", "{\"v\":1}")));
        lock.commit();
        lock.begin("me", "kplan apply");
        lock.record(new StateChange.Depose("local_file.a", "1a2b3c4d"));
        lock.record(new StateChange.Put(instance("local_file.a", "{\"v\":2}")));
        lock.commit();
      }
      StateSnapshot both = store.read();
      assertEquals("{\"v\":2}", both.resources().get("local_file.a").attributesJson());
      DeposedObject d = both.deposed().get(DeposedObject.id("local_file.a", "1a2b3c4d"));
      assertEquals("{\"v\":1}", d.instance().attributesJson());
      assertEquals("local_file.a", d.instance().address());

      try (StateStore.Lock lock = store.lock("me", "apply", Duration.ZERO)) {
        lock.begin("me", "kplan apply");
        lock.record(new StateChange.RemoveDeposed("local_file.a", "1a2b3c4d"));
        lock.commit();
      }
      assertTrue(store.read().deposed().isEmpty());
      assertEquals(Set.of(DeposedObject.id("local_file.a", "1a2b3c4d")), store.readVersion(2).deposed().keySet());
      assertTrue(store.readVersion(1).deposed().isEmpty());
    }
  }

  @Test
  void aDeposedObjectThatNothingReplacedIsRestored() throws StateException {
    try (JdbcStateStore store = JdbcStateStore.h2(dir.resolve("state"))) {
      try (StateStore.Lock lock = store.lock("me", "apply", Duration.ZERO)) {
        lock.begin("me", "kplan apply");
        lock.record(new StateChange.Put(instance("local_file.a", "{\"v\":1}")));
        lock.record(new StateChange.Depose("local_file.a", "00000001"));
        assertThrows(StateException.class, () -> lock.record(new StateChange.Depose("local_file.a", "00000002")),
            "nothing is left to depose");
        lock.record(new StateChange.Restore("local_file.a", "00000001"));
        lock.commit();
      }
      StateSnapshot s = store.read();
      assertEquals("{\"v\":1}", s.resources().get("local_file.a").attributesJson());
      assertTrue(s.deposed().isEmpty());
    }
  }
}
