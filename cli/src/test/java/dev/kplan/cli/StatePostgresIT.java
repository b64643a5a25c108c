package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.jdbc.JdbcStateStore;
import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kplan end to end on the sandbox's PostgreSQL: plan and apply with a {@code state "postgres"}
 * block (the password only in PGPASSWORD), {@code state verify} on an edited row, and
 * {@code state migrate} from an H2 file to PostgreSQL and back. Each test has a schema of its own.
 */
@KplanSandbox(SandboxService.POSTGRES)
class StatePostgresIT {
  @TempDir Path dir;
  private String adminUrl;
  private String password;
  private String schema;
  private String url; // without the password

  @BeforeEach
  void schema(Sandbox sandbox) throws Exception {
    adminUrl = sandbox.postgresUrl();
    password = adminUrl.replaceAll(".*[?&]password=([^&]*).*", "$1");
    schema = "kplan_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    url = adminUrl.replaceAll("([?&])password=[^&]*&?", "$1").replaceAll("[?&]$", "") + "&currentSchema=" + schema;
  }

  @AfterEach
  void drop() throws Exception {
    try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
  }

  CliRun kplan(Map<String, String> env, String... args) {
    return CliRun.in(env, "", dir, args);
  }

  private Map<String, String> pg() {
    return Map.of("PGPASSWORD", password, "HOME", dir.toString());
  }

  private void writeConfig(boolean postgresBlock) throws Exception {
    String block = postgresBlock ? "kplan {\n  state \"postgres\" {\n    url = \"" + url + "\"\n  }\n}\n" : "";
    Files.writeString(dir.resolve("main.kp.hcl"), block + StateIntegrityCommandContract.CONFIG);
  }

  @Test
  void planAndApplyKeepTheStateInPostgresAndNeverShowThePassword() throws Exception {
    writeConfig(true);
    CliRun plan = kplan(pg(), "plan", "-detailed-exitcode");
    assertEquals(2, plan.exitCode(), plan.err());
    CliRun apply = kplan(pg(), "apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.err());
    CliRun again = kplan(pg(), "plan", "-detailed-exitcode");
    assertEquals(0, again.exitCode(), again.err());
    assertEquals(0, kplan(pg(), "apply", "-auto-approve", "-var", "word=two").exitCode());
    CliRun output = kplan(pg(), "output", "-raw", "b");
    assertEquals(0, output.exitCode(), output.err());
    assertFalse(Files.exists(dir.resolve(".kplan")), "no H2 file beside the configuration");

    CliRun verify = kplan(pg(), "state", "verify");
    assertEquals(0, verify.exitCode(), verify.err());
    assertTrue(verify.out().contains("All 2 state versions at " + url), verify.out());
    for (CliRun r : new CliRun[] {plan, apply, again, output, verify}) {
      assertFalse(r.out().contains(password) || r.err().contains(password), r.out() + r.err());
    }
  }

  @Test
  void aWrongPasswordOrAnUnreachableServerIsADiagnosticWithExitOne() throws Exception {
    writeConfig(true);
    CliRun wrong = kplan(Map.of("PGPASSWORD", "not-the-password-77", "HOME", dir.toString()), "plan");
    assertEquals(1, wrong.exitCode());
    assertTrue(wrong.err().contains("refused the credentials"), wrong.err());
    assertFalse(wrong.err().contains("not-the-password-77"), wrong.err());
    assertFalse(wrong.err().contains("Exception"), wrong.err());

    CliRun unreachable = kplan(Map.of("KPLAN_STATE_URL", "jdbc:postgresql://127.0.0.1:1/kplan?password=hunter22"),
        "plan");
    assertEquals(1, unreachable.exitCode());
    assertTrue(unreachable.err().contains("Cannot reach the state database"), unreachable.err());
    assertFalse(unreachable.err().contains("hunter22"), unreachable.err());
  }

  @Test
  void verifyReportsAnEditedRowWithExitOneAndLeavesItAsItIs() throws Exception {
    writeConfig(true);
    assertEquals(0, kplan(pg(), "apply", "-auto-approve").exitCode());
    assertEquals(0, kplan(pg(), "apply", "-auto-approve", "-var", "word=two").exitCode());
    try (Connection c = DriverManager.getConnection(adminUrl + "&currentSchema=" + schema);
        Statement s = c.createStatement()) {
      assertEquals(1, s.executeUpdate("UPDATE resource_instance SET attributes_json = REPLACE(attributes_json, 'one',"
          + " 'evil') WHERE address = 'kplan_data.a' AND since_serial = 1"));
    }
    String before = rows();
    CliRun verify = kplan(pg(), "state", "verify");
    assertEquals(1, verify.exitCode(), verify.out());
    assertTrue(verify.out().contains("1  failed  "), verify.out());
    assertTrue(verify.out().contains("2  ok  "), verify.out());
    assertTrue(verify.err().contains("Error: State version 1 fails verification"), verify.err());
    assertEquals(before, rows());
  }

  @Test
  void migrateCopiesAnH2StateToPostgresAndBackWithItsHistory() throws Exception {
    writeConfig(false);
    assertEquals(0, kplan(Map.of(), "apply", "-auto-approve").exitCode());
    assertEquals(0, kplan(Map.of(), "apply", "-auto-approve", "-var", "word=two").exitCode());

    CliRun toPg = kplan(pg(), "state", "migrate", "-to=" + url);
    assertEquals(0, toPg.exitCode(), toPg.err());
    assertTrue(toPg.out().contains("Copied 2 state versions"), toPg.out());
    assertFalse(toPg.out().contains(password), toPg.out());

    Map<String, String> onPg = Map.of("PGPASSWORD", password, "HOME", dir.toString(), "KPLAN_STATE_URL", url,
        "KPLAN_VAR_word", "two");
    CliRun plan = kplan(onPg, "plan", "-detailed-exitcode");
    assertEquals(0, plan.exitCode(), plan.out() + plan.err());
    assertEquals(0, kplan(onPg, "apply", "-auto-approve", "-var", "word=three").exitCode());

    Path back = dir.resolve("back/state.mv.db");
    CliRun toH2 = kplan(onPg, "state", "migrate", "-to=" + back);
    assertEquals(0, toH2.exitCode(), toH2.err());
    assertTrue(toH2.out().contains("Copied 3 state versions (latest serial 3"), toH2.out());
    try (JdbcStateStore original = JdbcStateStore.h2(dir.resolve(".kplan/state.mv.db"));
        JdbcStateStore roundTrip = JdbcStateStore.h2(back)) {
      for (long serial = 1; serial <= 2; serial++) {
        assertEquals(original.readVersion(serial), roundTrip.readVersion(serial));
      }
      assertEquals(original.history(), roundTrip.history().subList(1, 3));
      assertTrue(roundTrip.read().resources().get("kplan_data.a").attributesJson().contains("three"));
    }
    CliRun refused = kplan(pg(), "state", "migrate", "-to=" + url);
    assertEquals(1, refused.exitCode());
    assertTrue(refused.err().contains("is not empty"), refused.err());
  }

  private String rows() throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = DriverManager.getConnection(adminUrl + "&currentSchema=" + schema);
        Statement s = c.createStatement()) {
      for (String table : new String[] {"state_meta", "state_version", "resource_instance", "output_value"}) {
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY 1, 2")) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= n; i++) {
              out.append(rs.getString(i)).append(" | ");
            }
            out.append('\n');
          }
        }
      }
    }
    return out.toString();
  }
}
