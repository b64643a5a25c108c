package dev.kplan.cli;

import dev.kplan.state.jdbc.JdbcStateStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where the state of a CLI test lives, so that one suite runs on both backends: the default H2
 * file beside the configuration, or a fresh schema of the sandbox's PostgreSQL reached through
 * {@code KPLAN_STATE_URL} with the password only in {@code PGPASSWORD}. Tests reach the stored rows
 * through it (to edit one, or to prove that nothing changed).
 */
sealed interface TestingStateBackend extends AutoCloseable {
  /** What kplan needs in its environment to find the state (merged under the test's own variables). */
  Map<String, String> env();

  /** The state as {@code state migrate -to=…} and {@code KPLAN_STATE_URL} name it. */
  String location();

  /** Opens the store directly, for what a test sets up or checks behind kplan's back. */
  JdbcStateStore open() throws Exception;

  /** Runs one SQL update on the default workspace's tables; returns the rows changed. */
  int update(String sql) throws Exception;

  /** Every row of every kplan table of every workspace, in a stable order: equal before and after means untouched. */
  String rows() throws Exception;

  /** The raw stored bytes as text (the H2 file; on PostgreSQL, {@link #rows()}) to search for what must not be there. */
  String raw() throws Exception;

  /** Whether kplan created a state (the H2 file; on PostgreSQL, a version). */
  boolean exists() throws Exception;

  @Override
  void close() throws Exception;

  /** {@code env} merged over the backend's variables. */
  default Map<String, String> env(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env());
    all.putAll(env);
    return all;
  }

  /** The default H2 file {@code .kplan/state.mv.db} of the working folder {@code dir}. */
  static TestingStateBackend h2(Path dir) {
    return new H2(dir);
  }

  /** A new schema of the sandbox's database {@code adminUrl} (user and password in the URL), dropped on close. */
  static TestingStateBackend postgres(String adminUrl, Path home) throws SQLException {
    return new Postgres(adminUrl, home);
  }

  final class H2 implements TestingStateBackend {
    private final Path dir;

    H2(Path dir) {
      this.dir = dir;
    }

    @Override
    public Map<String, String> env() {
      return Map.of();
    }

    @Override
    public String location() {
      return JdbcStateStore.defaultFile(dir).toString();
    }

    @Override
    public JdbcStateStore open() throws Exception {
      return JdbcStateStore.h2(JdbcStateStore.defaultFile(dir));
    }

    private String url() {
      return "jdbc:h2:file:" + dir.resolve(".kplan/state").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    }

    @Override
    public int update(String sql) throws Exception {
      try (Connection c = DriverManager.getConnection(url(), "sa", ""); Statement s = c.createStatement()) {
        return s.executeUpdate(sql);
      }
    }

    @Override
    public String rows() throws Exception {
      StringBuilder out = new StringBuilder();
      try (Connection c = DriverManager.getConnection(url(), "sa", "")) {
        for (String name : schemas(c, "PUBLIC")) {
          out.append(dump(c, name));
        }
      }
      return out.toString();
    }

    @Override
    public String raw() throws Exception {
      return new String(Files.readAllBytes(JdbcStateStore.defaultFile(dir)), StandardCharsets.ISO_8859_1);
    }

    @Override
    public boolean exists() {
      return Files.exists(JdbcStateStore.defaultFile(dir));
    }

    @Override
    public void close() {}
  }

  final class Postgres implements TestingStateBackend {
    private final String adminUrl;
    private final String schema;
    private final String url;
    private final Map<String, String> env;

    Postgres(String adminUrl, Path home) throws SQLException {
      this.adminUrl = adminUrl;
      this.schema = "kplan_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
      try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA " + schema);
      }
      String password = adminUrl.replaceAll(".*[?&]password=([^&]*).*", "$1");
      this.url = adminUrl.replaceAll("([?&])password=[^&]*&?", "$1").replaceAll("[?&]$", "")
          + "&currentSchema=" + schema;
      this.env = Map.of("KPLAN_STATE_URL", url, "PGPASSWORD", password, "HOME", home.toString());
    }

    @Override
    public Map<String, String> env() {
      return env;
    }

    @Override
    public String location() {
      return url;
    }

    @Override
    public JdbcStateStore open() throws Exception {
      return JdbcStateStore.of(adminUrl + "&currentSchema=" + schema, null, null);
    }

    @Override
    public int update(String sql) throws Exception {
      try (Connection c = DriverManager.getConnection(adminUrl + "&currentSchema=" + schema);
          Statement s = c.createStatement()) {
        return s.executeUpdate(sql);
      }
    }

    @Override
    public String rows() throws Exception {
      StringBuilder out = new StringBuilder();
      try (Connection c = DriverManager.getConnection(adminUrl)) {
        for (String name : schemas(c, schema)) {
          out.append(dump(c, name));
        }
      }
      return out.toString();
    }

    @Override
    public String raw() throws Exception {
      return rows();
    }

    /** Whether a version was written (opening a PostgreSQL state creates its empty tables: that is no state yet). */
    @Override
    public boolean exists() throws Exception {
      try (Connection c = DriverManager.getConnection(adminUrl + "&currentSchema=" + schema)) {
        if (tables(c, schema).stream().noneMatch(t -> t.equalsIgnoreCase("state_version"))) {
          return false;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM state_version")) {
          rs.next();
          return rs.getInt(1) > 0;
        }
      }
    }

    @Override
    public void close() throws Exception {
      try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
        for (String name : schemas(c, schema)) {
          s.execute("DROP SCHEMA \"" + name + "\" CASCADE");
        }
      }
    }
  }

  /** The schema {@code base} and its workspaces' schemas beside it ({@code BASE_ws_NAME}), in name order. */
  private static List<String> schemas(Connection c, String base) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT schema_name FROM information_schema.schemata WHERE schema_name = ? OR schema_name LIKE ? ORDER BY 1")) {
      s.setString(1, base);
      s.setString(2, base + "\\_ws\\_%");
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  /** The tables of {@code schema} but Flyway's history, in name order. */
  private static List<String> tables(Connection c, String schema) throws SQLException {
    List<String> tables = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT table_name FROM information_schema.tables"
        + " WHERE table_schema = ? AND table_type IN ('BASE TABLE', 'TABLE') ORDER BY 1")) {
      s.setString(1, schema);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          if (!rs.getString(1).equalsIgnoreCase("kplan_schema_history")) {
            tables.add(rs.getString(1));
          }
        }
      }
    }
    return tables;
  }

  /** Every row of every table of {@code schema}, each table ordered by all its columns. */
  private static String dump(Connection c, String schema) throws SQLException {
    StringBuilder out = new StringBuilder();
    for (String table : tables(c, schema)) {
      String qualified = "\"" + schema + "\".\"" + table + "\"";
      int columns;
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + qualified + " WHERE 1 = 0")) {
        columns = rs.getMetaData().getColumnCount();
      }
      StringBuilder order = new StringBuilder();
      for (int i = 1; i <= columns; i++) {
        order.append(i == 1 ? "" : ", ").append(i);
      }
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT * FROM " + qualified + " ORDER BY " + order)) {
        while (rs.next()) {
          out.append(schema).append('.').append(table);
          for (int i = 1; i <= columns; i++) {
            out.append(" | ").append(rs.getString(i));
          }
          out.append('\n');
        }
      }
    }
    return out.toString();
  }
}
