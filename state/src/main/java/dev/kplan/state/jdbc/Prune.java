package dev.kplan.state.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Deletes the oldest versions, keeping the newest {@code keep}, inside the caller's transaction.
 * With {@code first} the oldest version kept: rows that ended by {@code first} belong only to
 * deleted versions and go; rows begun before {@code first} and still alive in it now begin at
 * {@code first} (an object has one row per range, so that key is free). Every version kept then
 * reads exactly as before.
 */
final class Prune {
  private static final String[] TABLES = {"resource_instance", "output_value", "resource_deposed"};

  private Prune() {}

  static int run(Connection c, int keep) throws SQLException {
    long latest = JdbcStateStore.latestSerial(c);
    long first = latest - keep + 1;
    if (first <= JdbcStateStore.oldestSerial(c)) {
      return 0;
    }
    for (String table : TABLES) {
      try (PreparedStatement s = c.prepareStatement(
          "DELETE FROM " + table + " WHERE until_serial IS NOT NULL AND until_serial <= ?")) {
        s.setLong(1, first);
        s.executeUpdate();
      }
      try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET since_serial = ? WHERE since_serial < ?")) {
        s.setLong(1, first);
        s.setLong(2, first);
        s.executeUpdate();
      }
    }
    try (PreparedStatement s = c.prepareStatement("DELETE FROM state_move WHERE serial < ?")) {
      s.setLong(1, first);
      s.executeUpdate();
    }
    try (PreparedStatement s = c.prepareStatement("DELETE FROM state_version WHERE serial < ?")) {
      s.setLong(1, first);
      return s.executeUpdate();
    }
  }
}
