package dev.kplan.state.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.OutputValue;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateException;
import dev.kplan.state.StateStore;
import dev.kplan.state.VersionCheck;
import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Workspaces and encryption on the sandbox's PostgreSQL, with the same JDBC code as on H2: a
 * workspace is a schema beside the store's own, and a dump of every row of both schemas holds no
 * sensitive value in clear.
 */
@KplanSandbox(SandboxService.POSTGRES)
class PostgresWorkspacesAndEncryptionIT {
  private static final String SECRET = "pg-s3cr3t-never-in-a-dump";

  private String baseUrl;
  private String schema;

  @BeforeEach
  void sandbox(Sandbox sandbox) throws Exception {
    baseUrl = sandbox.postgresUrl();
    schema = "kplan_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
  }

  @AfterEach
  void drop() throws Exception {
    try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
      for (String name : schemasOfThisTest(c)) {
        s.execute("DROP SCHEMA \"" + name + "\" CASCADE");
      }
    }
  }

  private List<String> schemasOfThisTest(Connection c) throws Exception {
    List<String> names = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT schema_name FROM information_schema.schemata");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        if (rs.getString(1).startsWith(schema)) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  /** Every row of every table of this test's schemas, as text. */
  private String dump() throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = DriverManager.getConnection(baseUrl)) {
      for (String name : schemasOfThisTest(c)) {
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = ?")) {
          s.setString(1, name);
          try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              tables.add(rs.getString(1));
            }
          }
        }
        for (String table : tables) {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT * FROM \"" + name + "\".\"" + table + "\"")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
              for (int i = 1; i <= columns; i++) {
                out.append(rs.getString(i)).append('\t');
              }
              out.append('\n');
            }
          }
        }
      }
    }
    return out.toString();
  }

  private static void apply(StateStore s, StateChange... changes) throws StateException {
    try (StateStore.Lock lock = s.lock("it", "apply", Duration.ZERO)) {
      lock.begin("it", "apply");
      for (StateChange c : changes) {
        lock.record(c);
      }
      lock.commit();
    }
  }

  private static ResourceInstance secretObject(String address) {
    return new ResourceInstance(address, "provider.local", 1,
        "{\"name\":\"db\",\"password\":\"" + SECRET + "\"}", "[[{\"type\":\"get_attr\",\"value\":\"password\"}]]",
        List.of(), false, null);
  }

  @Test
  void workspacesAreIndependentAndNoDumpHoldsASensitiveValue() throws Exception {
    try (JdbcStateStore store = JdbcStateStore.of(baseUrl + "&currentSchema=" + schema, null, null)) {
      store.createWorkspace("prod");
      assertEquals(List.of("default", "prod"), store.workspaces());
      store.usePassphrase("pg passphrase".toCharArray());
      apply(store, new StateChange.Put(secretObject("local_file.a")),
          new StateChange.SetOutput(new OutputValue("token", "{\"value\":\"" + SECRET + "\",\"type\":\"string\"}", true)));
      try (JdbcStateStore prod = store.workspace("prod")) {
        prod.usePassphrase("pg passphrase".toCharArray());
        assertEquals(0, prod.read().serial());
        apply(prod, new StateChange.Put(secretObject("local_file.b")));
        assertTrue(prod.read().resources().get("local_file.b").attributesJson().contains(SECRET));
        assertTrue(prod.verify().stream().allMatch(v -> v.outcome() == VersionCheck.Outcome.OK));
      }
      assertEquals(List.of("local_file.a"), List.copyOf(store.read().resources().keySet()));
      assertTrue(store.read().outputs().get("token").valueJson().contains(SECRET));

      String dump = dump();
      assertTrue(dump.contains("local_file.b") && dump.contains("local_file.a"), "the dump covers both workspaces");
      assertFalse(dump.contains(SECRET), "a sensitive value is in clear in the PostgreSQL tables");

      store.rekey("pg passphrase".toCharArray(), "another".toCharArray(), "it", Duration.ZERO);
      assertTrue(store.verify().stream().allMatch(v -> v.outcome() == VersionCheck.Outcome.OK));
      assertFalse(dump().contains(SECRET));

      assertThrows(StateException.class, () -> store.deleteWorkspace("prod", false));
      store.deleteWorkspace("prod", true);
      assertEquals(List.of("default"), store.workspaces());
    }
    try (JdbcStateStore again = JdbcStateStore.of(baseUrl + "&currentSchema=" + schema, null, null)) {
      assertThrows(StateException.class, again::read);
      assertThrows(StateException.class, () -> again.usePassphrase("pg passphrase".toCharArray()));
      again.usePassphrase("another".toCharArray());
      assertTrue(again.read().resources().get("local_file.a").attributesJson().contains(SECRET));
    }
  }
}
