package dev.kplan.state.jdbc;

import dev.kplan.state.StateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Workspaces as database schemas: {@code default} is the connection's own schema (where a store
 * without workspaces always was), workspace {@code NAME} is the schema {@code BASE_ws_NAME} beside
 * it, holding the same tables (migrated by Flyway on open). A workspace thus has its own versions,
 * lineage, checksums and lock row without a single query of {@link JdbcStateStore} changing, and
 * the same code serves H2 and PostgreSQL, both of which scope unqualified names by the connection's
 * schema. Identifiers are always quoted (exact case).
 */
final class Workspaces {
  static final String DEFAULT = "default";

  private static final String INFIX = "_ws_";
  // Terraform's rule (letters, digits, '-', '_'), short enough for PostgreSQL's 63-byte identifiers.
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

  private Workspaces() {}

  static void checkName(String name) throws StateException {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new StateException("\"" + name + "\" is not a valid workspace name: use 1 to 40 letters, digits, '-'"
          + " and '_', starting with a letter or digit.");
    }
  }

  static String schemaOf(String baseSchema, String name) {
    return (baseSchema == null ? "" : baseSchema) + INFIX + name;
  }

  /** {@code default} first, then the other workspaces by name. */
  static List<String> list(Connection c, String baseSchema) throws SQLException {
    String prefix = schemaOf(baseSchema, "");
    List<String> names = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT schema_name FROM information_schema.schemata");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String schema = rs.getString(1);
        if (schema.startsWith(prefix) && NAME.matcher(schema.substring(prefix.length())).matches()) {
          names.add(schema.substring(prefix.length()));
        }
      }
    }
    names.sort(null);
    names.add(0, DEFAULT);
    return List.copyOf(names);
  }

  static void create(Connection c, String baseSchema, String name) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + quote(schemaOf(baseSchema, name)));
    }
  }

  static void drop(Connection c, String baseSchema, String name) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + quote(schemaOf(baseSchema, name)) + " CASCADE");
    }
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
