package dev.kplan.state.jdbc;

import dev.kplan.state.DeposedObject;
import dev.kplan.state.ResourceInstance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The rows of {@code resource_deposed}: deposed objects, versioned as resource_instance is
 * ({@code [since_serial, until_serial)}). Each method runs inside its caller's transaction.
 */
final class DeposedRows {
  private DeposedRows() {}

  private static final String COLUMNS =
      "provider, schema_version, attributes_json, sensitive_paths_json, dependencies_json, tainted, private_data";

  /** The current object at {@code address}, or null. */
  static ResourceInstance current(Connection c, String address) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM resource_instance WHERE address = ? AND until_serial IS NULL")) {
      s.setString(1, address);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? instance(address, rs, 1) : null;
      }
    }
  }

  /** The current row of deposed object {@code key} at {@code address}, or null. */
  static ResourceInstance select(Connection c, String address, String key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS
        + " FROM resource_deposed WHERE address = ? AND deposed_key = ? AND until_serial IS NULL")) {
      s.setString(1, address);
      s.setString(2, key);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? instance(address, rs, 1) : null;
      }
    }
  }

  static void insert(Connection c, long serial, String key, ResourceInstance r) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO resource_deposed (" + COLUMNS
        + ", address, deposed_key, since_serial, until_serial) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
      JdbcLock.bindResource(s, r);
      s.setString(8, r.address());
      s.setString(9, key);
      s.setLong(10, serial);
      s.executeUpdate();
    }
  }

  /** A row begun in this version disappears; else the current row ends here. */
  static void remove(Connection c, long serial, String address, String key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "DELETE FROM resource_deposed WHERE address = ? AND deposed_key = ? AND since_serial = ?")) {
      s.setString(1, address);
      s.setString(2, key);
      s.setLong(3, serial);
      if (s.executeUpdate() == 1) {
        return;
      }
    }
    try (PreparedStatement s = c.prepareStatement("UPDATE resource_deposed SET until_serial = ?"
        + " WHERE address = ? AND deposed_key = ? AND until_serial IS NULL")) {
      s.setLong(1, serial);
      s.setString(2, address);
      s.setString(3, key);
      s.executeUpdate();
    }
  }

  /** The deposed objects of a version; {@code rows} is the version's WHERE clause, bound by {@code bind}. */
  static Map<String, DeposedObject> read(Connection c, String rows, Binder bind) throws SQLException {
    Map<String, DeposedObject> out = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT address, deposed_key, " + COLUMNS + " FROM resource_deposed" + rows)) {
      bind.bind(s);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          DeposedObject d = new DeposedObject(rs.getString(2), instance(rs.getString(1), rs, 3));
          out.put(d.id(), d);
        }
      }
    }
    return out;
  }

  @FunctionalInterface
  interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private static ResourceInstance instance(String address, ResultSet rs, int first) throws SQLException {
    return new ResourceInstance(address, rs.getString(first), rs.getInt(first + 1), rs.getString(first + 2),
        rs.getString(first + 3), Json.strings(rs.getString(first + 4), "dependencies of " + address),
        rs.getBoolean(first + 5), rs.getString(first + 6));
  }
}
