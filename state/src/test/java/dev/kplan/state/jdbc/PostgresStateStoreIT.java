package dev.kplan.state.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.LockInfo;
import dev.kplan.state.StateException;
import dev.kplan.state.StateLockedException;
import dev.kplan.state.StateStore;
import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What only PostgreSQL has: credentials from the environment, and locks that end with their holder's session. */
@KplanSandbox(SandboxService.POSTGRES)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PostgresStateStoreIT {
  @TempDir Path dir;
  private String adminUrl;
  private String password;
  private String schema;

  @BeforeEach
  void schema(Sandbox sandbox) throws Exception {
    adminUrl = sandbox.postgresUrl();
    password = System.getenv().getOrDefault("KPLAN_TEST_PG_PASSWORD",
        adminUrl.replaceAll(".*[?&]password=([^&]*).*", "$1"));
    schema = "kplan_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
  }

  @AfterEach
  void drop() throws Exception {
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  private String url() {
    return adminUrl + "&currentSchema=" + schema;
  }

  /** The URL without its password parameter. */
  private String urlWithoutPassword() {
    return url().replaceAll("([?&])password=[^&]*&?", "$1");
  }

  @Test
  void thePasswordComesFromPgpasswordOrThePasswordFileAndIsNeverShown() throws Exception {
    try (JdbcStateStore store = JdbcStateStore.postgres(urlWithoutPassword(), Map.of("PGPASSWORD", password))) {
      assertEquals(0, store.read().serial());
      assertFalse(store.where().contains(password));
    }
    Path pgpass = dir.resolve("pgpass");
    String host = url().replaceAll("jdbc:postgresql://([^:/]+):(\\d+)/.*", "$1");
    String port = url().replaceAll("jdbc:postgresql://([^:/]+):(\\d+)/.*", "$2");
    Files.writeString(pgpass, "# kplan\nother:1:x:y:nope\n" + host + ":" + port + ":kplan:*:" + password + "\n");
    try (JdbcStateStore store = JdbcStateStore.postgres(urlWithoutPassword(), Map.of("PGPASSFILE", pgpass.toString()))) {
      assertEquals(0, store.read().serial());
    }
  }

  @Test
  void aWrongPasswordIsReportedWithoutThePassword() {
    String wrong = url().replaceAll("password=[^&]*", "password=wrong-secret-42");
    StateException e = assertThrows(StateException.class, () -> JdbcStateStore.postgres(wrong, Map.of()));
    assertTrue(e.getMessage().contains("refused the credentials"), e.getMessage());
    assertFalse(e.getMessage().contains("wrong-secret-42"), e.getMessage());
    assertFalse(e.getMessage().contains(password), e.getMessage());

    StateException none = assertThrows(StateException.class, () -> JdbcStateStore.postgres(urlWithoutPassword(),
        Map.of("PGPASSFILE", dir.resolve("absent").toString())));
    assertTrue(none.getMessage().contains("PGPASSWORD"), none.getMessage());
  }

  @Test
  void anUnknownDatabaseAndABadUrlAreReportedClearly() {
    String missing = url().replaceFirst("/kplan\\?", "/kplan_no_such_db?");
    StateException e = assertThrows(StateException.class, () -> JdbcStateStore.postgres(missing, Map.of()));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertFalse(e.getMessage().contains(password), e.getMessage());
    StateException bad = assertThrows(StateException.class,
        () -> JdbcStateStore.postgres("jdbc:postgresql://[bad/x?password=" + password, Map.of()));
    assertTrue(bad.getMessage().contains("not a valid PostgreSQL JDBC URL"), bad.getMessage());
    assertFalse(bad.getMessage().contains(password), bad.getMessage());
  }

  @Test
  void aSchemaFromANewerKplanIsRefusedAndLeftAlone() throws Exception {
    JdbcStateStore.of(url(), null, null).close();
    try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO kplan_schema_history (installed_rank, version, description, type, script,"
          + " checksum, installed_by, execution_time, success)"
          + " VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'kplan', 1, TRUE)");
    }
    StateException e = assertThrows(StateException.class, () -> JdbcStateStore.of(url(), null, null));
    assertTrue(e.getMessage().contains("newer kplan"), e.getMessage());
    assertFalse(e.getMessage().contains(password), e.getMessage());
  }

  @Test
  void aLockRowWhoseSessionEndedIsTakenOverEvenWhenItNamesAnotherMachine() throws Exception {
    try (JdbcStateStore store = JdbcStateStore.of(url(), null, null)) {
      // A row as a holder on another host leaves it when its session dies: on H2 only force-unlock clears that.
      try (Connection c = DriverManager.getConnection(url()); PreparedStatement s = c.prepareStatement(
          "INSERT INTO state_lock (slot, lock_id, owner, operation, created, holder_host, holder_pid)"
              + " VALUES ('default', 'dead-lock-id', 'erin@build-7', 'apply', ?, 'build-7.example', 4242)")) {
        s.setObject(1, OffsetDateTime.now());
        s.executeUpdate();
      }
      assertEquals("erin@build-7", store.lockHolder().map(LockInfo::owner).orElse(""));
      try (StateStore.Lock lock = store.lock("alice@laptop", "apply", Duration.ZERO)) {
        assertEquals(Optional.of(lock.info()), store.lockHolder());
      }
    }
  }

  @Test
  void aLockHeldByAProcessKilledWithSigkillIsReleasedWithItsSession() throws Exception {
    try (ChildProcess holder = ChildProcess.start(dir, "hold", url(), "alice@laptop");
        JdbcStateStore store = JdbcStateStore.of(url(), null, null)) {
      String lockId = holder.expect("LOCKED ").substring("LOCKED ".length());
      StateLockedException held = assertThrows(StateLockedException.class,
          () -> store.lock("bob@desk", "apply", Duration.ofMillis(500)));
      assertEquals(lockId, held.holder().id());
      assertEquals("alice@laptop", held.holder().owner());

      holder.kill(); // SIGKILL: no chance to delete its row; PostgreSQL ends its session
      try (StateStore.Lock lock = store.lock("bob@desk", "apply", Duration.ofSeconds(60))) {
        assertNotEquals(lockId, lock.info().id());
        assertEquals(Optional.of(lock.info()), store.lockHolder());
      }
    }
  }
}
