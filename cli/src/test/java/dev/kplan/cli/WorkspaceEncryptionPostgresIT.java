package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workspaces and encrypted sensitive values end to end on the sandbox's PostgreSQL: apply in two
 * workspaces of one database, then dump every row of every table of the test's schemas over JDBC:
 * the secret is in none of them.
 */
@KplanSandbox(SandboxService.POSTGRES)
class WorkspaceEncryptionPostgresIT {
  @TempDir Path dir;
  private String adminUrl;
  private String schema;
  private String url;

  @BeforeEach
  void schema(Sandbox sandbox) throws Exception {
    adminUrl = sandbox.postgresUrl();
    schema = "kplan_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    url = adminUrl + "&currentSchema=" + schema;
  }

  @AfterEach
  void drop() throws Exception {
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      for (String name : schemas(c)) {
        s.execute("DROP SCHEMA \"" + name + "\" CASCADE");
      }
    }
  }

  private List<String> schemas(Connection c) throws Exception {
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

  private String dump() throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = DriverManager.getConnection(adminUrl)) {
      for (String name : schemas(c)) {
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
            while (rs.next()) {
              for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
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

  CliRun kplan(Map<String, String> env, String... args) {
    return CliRun.in(env, "", dir, args);
  }

  private Map<String, String> env(String... pairs) {
    Map<String, String> m = new HashMap<>(Map.of("KPLAN_STATE_URL", url, "HOME", dir.toString(),
        "KPLAN_VAR_db_password", StateEncryptionCommandContract.SECRET));
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void twoWorkspacesInOneDatabaseAndNoSecretInAnyTable() throws Exception {
    Files.writeString(dir.resolve("main.kp.hcl"), StateEncryptionCommandContract.CONFIG
        + "resource \"local_file\" \"env\" {\n  filename = \"out/${kplan.workspace}.txt\"\n  content = \"x\"\n}\n");
    CliRun first = kplan(env("KPLAN_STATE_PASSPHRASE", "pg pass"), "apply", "-auto-approve");
    assertEquals(0, first.exitCode(), first.err());
    assertEquals(0, kplan(env(), "workspace", "new", "eu").exitCode());
    CliRun second = kplan(env("KPLAN_STATE_PASSPHRASE", "pg pass"), "apply", "-auto-approve");
    assertEquals(0, second.exitCode(), second.err());
    assertTrue(Files.exists(dir.resolve("out/default.txt")) && Files.exists(dir.resolve("out/eu.txt")));
    assertEquals("  default\n* eu\n", kplan(env(), "workspace", "list").out());

    String dump = dump();
    assertTrue(dump.contains("kplan_data.creds") && dump.contains("visible"), dump);
    assertFalse(dump.contains(StateEncryptionCommandContract.SECRET), "the secret is in clear in a PostgreSQL table");

    CliRun noKey = kplan(env(), "plan");
    assertEquals(1, noKey.exitCode());
    assertTrue(noKey.err().contains("KPLAN_STATE_PASSPHRASE"), noKey.err());
    CliRun plan = kplan(env("KPLAN_STATE_PASSPHRASE", "pg pass"), "plan");
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.out().contains("No changes"), plan.out());
  }
}
