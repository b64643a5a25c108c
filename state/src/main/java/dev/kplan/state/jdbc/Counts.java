package dev.kplan.state.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What one version did to resources, derived from the rows rather than kept in memory, so a
 * version left open by a crash counts the same as one that was sealed. An address whose row ends
 * and another begins at the version was changed (updated or replaced); a row that only begins was
 * added, one that only ends was removed.
 */
record Counts(int added, int changed, int removed) {
  static Counts of(Connection c, long serial) throws SQLException {
    int begun = count(c, "SELECT COUNT(*) FROM resource_instance WHERE since_serial = ?", serial, 1);
    int ended = count(c, "SELECT COUNT(*) FROM resource_instance WHERE until_serial = ?", serial, 1);
    int changed = count(c, "SELECT COUNT(*) FROM resource_instance n WHERE n.since_serial = ? AND EXISTS"
        + " (SELECT 1 FROM resource_instance o WHERE o.address = n.address AND o.until_serial = ?)", serial, 2);
    return new Counts(begun - changed, changed, ended - changed);
  }

  private static int count(Connection c, String sql, long serial, int parameters) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 1; i <= parameters; i++) {
        s.setLong(i, serial);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
