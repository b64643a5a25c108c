package dev.kplan.state.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.OutputValue;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import dev.kplan.state.VersionCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspacesAndEncryptionTest {
  private static final String SECRET = "hunter2-very-secret";
  private static final String SENSITIVE_PASSWORD = "[[{\"type\":\"get_attr\",\"value\":\"password\"}]]";

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

  private static void apply(StateStore s, StateChange... changes) throws StateException {
    try (StateStore.Lock lock = s.lock("test", "apply", Duration.ZERO)) {
      lock.begin("test", "apply");
      for (StateChange c : changes) {
        lock.record(c);
      }
      lock.commit();
    }
  }

  private static ResourceInstance secretObject(String address) {
    return new ResourceInstance(address, "provider.local", 1,
        "{\"name\":\"db\",\"password\":\"" + SECRET + "\",\"port\":5432}", SENSITIVE_PASSWORD, List.of(), false, null);
  }

  @Test
  void workspacesHaveTheirOwnVersionsLineageAndLock() throws StateException {
    store.createWorkspace("staging");
    assertEquals(List.of("default", "staging"), store.workspaces());
    apply(store, new StateChange.Put(secretObject("local_file.a")));
    try (JdbcStateStore staging = store.workspace("staging")) {
      assertEquals(0, staging.read().serial());
      assertNotEquals(store.read().lineage(), staging.read().lineage());
      try (StateStore.Lock held = store.lock("other", "apply", Duration.ZERO)) {
        apply(staging, new StateChange.Put(secretObject("local_file.b")));
      }
      assertEquals(List.of("local_file.b"), List.copyOf(staging.read().resources().keySet()));
    }
    assertEquals(List.of("local_file.a"), List.copyOf(store.read().resources().keySet()));
  }

  @Test
  void deletingRefusesDefaultMissingAndNonEmptyWorkspacesUnlessForced() throws StateException {
    assertThrows(StateException.class, () -> store.deleteWorkspace("default", true));
    assertThrows(StateException.class, () -> store.workspace("nope"));
    assertThrows(StateException.class, () -> store.createWorkspace("bad name"));
    store.createWorkspace("dev");
    try (JdbcStateStore ws = store.workspace("dev")) {
      apply(ws, new StateChange.Put(secretObject("local_file.a")));
    }
    StateException e = assertThrows(StateException.class, () -> store.deleteWorkspace("dev", false));
    assertTrue(e.getMessage().contains("not empty"), e.getMessage());
    assertEquals(List.of("default", "dev"), store.workspaces());
    store.deleteWorkspace("dev", true);
    assertEquals(List.of("default"), store.workspaces());
  }

  @Test
  void sensitiveValuesAreStoredEncryptedAndReadBackWithThePassphrase() throws Exception {
    store.usePassphrase("correct horse".toCharArray());
    apply(store, new StateChange.Put(secretObject("local_file.a")),
        new StateChange.SetOutput(new OutputValue("token", "{\"value\":\"" + SECRET + "\",\"type\":\"string\"}", true)));
    StateSnapshot read = store.read();
    assertTrue(read.resources().get("local_file.a").attributesJson().contains(SECRET));
    assertTrue(read.outputs().get("token").valueJson().contains(SECRET));
    assertTrue(store.verify().stream().allMatch(v -> v.outcome() == VersionCheck.Outcome.OK));
    store.close();
    assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(SECRET));

    store = JdbcStateStore.h2(file);
    StateException noKey = assertThrows(StateException.class, store::read);
    assertTrue(noKey.getMessage().contains("KPLAN_STATE_PASSPHRASE"), noKey.getMessage());
    StateSnapshot shown = store.readForDisplay();
    assertTrue(shown.resources().get("local_file.a").attributesJson().contains("\"password\":\"(encrypted)\""));
    assertTrue(shown.resources().get("local_file.a").attributesJson().contains("\"port\":5432"));
    StateException wrong = assertThrows(StateException.class, () -> store.usePassphrase("wrong".toCharArray()));
    assertTrue(wrong.getMessage().contains("passphrase is wrong"), wrong.getMessage());
  }

  @Test
  void rekeyReencryptsEveryVersionAndChecksumsStillVerify() throws Exception {
    apply(store, new StateChange.Put(secretObject("local_file.a"))); // before encryption: plain text
    store.usePassphrase("one".toCharArray());
    apply(store, new StateChange.Put(secretObject("local_file.b")));
    int n = store.rekey("one".toCharArray(), "two".toCharArray(), "test", Duration.ZERO);
    assertEquals(2, n);
    assertTrue(store.verify().stream().allMatch(v -> v.outcome() == VersionCheck.Outcome.OK));
    store.close();
    assertFalse(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(SECRET));
    store = JdbcStateStore.h2(file);
    assertThrows(StateException.class, () -> store.usePassphrase("one".toCharArray()));
    store.usePassphrase("two".toCharArray());
    assertTrue(store.readVersion(1).resources().get("local_file.a").attributesJson().contains(SECRET));
    assertTrue(store.read().resources().get("local_file.b").attributesJson().contains(SECRET));
  }
}
