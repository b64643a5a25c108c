package dev.kplan.state.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What one version did to resources, derived from the rows rather than kept in memory, so a
 * version left open by a crash counts the same as one that was sealed. An address whose row ends
 * and another begins at the version was changed (updated or replaced); a row that only begins was
 * added, one that only ends was removed. A recorded move (schema 6) is one object moved, not one
 * removed and one added: its new address's row is not counted as added (unless an object was
 * there before), nor its old address's end as removed (unless another object took that address).
 */
record Counts(int added, int changed, int removed, int moved) {
  static Counts of(Connection c, long serial) throws SQLException {
    int begun = count(c, "SELECT COUNT(*) FROM resource_instance WHERE since_serial = ?", serial, 1);
    int ended = count(c, "SELECT COUNT(*) FROM resource_instance WHERE until_serial = ?", serial, 1);
    int changed = count(c, "SELECT COUNT(*) FROM resource_instance n WHERE n.since_serial = ? AND EXISTS"
        + " (SELECT 1 FROM resource_instance o WHERE o.address = n.address AND o.until_serial = ?)", serial, 2);
    int moved = count(c, "SELECT COUNT(*) FROM state_move WHERE serial = ?", serial, 1);
    int movedIn = count(c, "SELECT COUNT(*) FROM state_move m WHERE m.serial = ? AND NOT EXISTS"
        + " (SELECT 1 FROM resource_instance o WHERE o.address = m.to_address AND o.until_serial = ?)", serial, 2);
    int movedOut = count(c, "SELECT COUNT(*) FROM state_move m WHERE m.serial = ? AND NOT EXISTS"
        + " (SELECT 1 FROM resource_instance n WHERE n.address = m.from_address AND n.since_serial = ?)", serial, 2);
    return new Counts(begun - changed - movedIn, changed, ended - changed - movedOut, moved);
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
