package dev.kplan.state.jdbc;

import dev.kplan.state.Intent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The rows of {@code intent_journal} (schema 7), inside the caller's transaction. */
final class IntentRows {
  private IntentRows() {}

  static void insert(Connection c, Intent i) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO intent_journal (id, address, provider, resource_type,"
        + " identity_json, created, owner, result_serial) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)")) {
      s.setString(1, i.id());
      s.setString(2, i.address());
      s.setString(3, i.providerAddress());
      s.setString(4, i.resourceType());
      s.setString(5, Json.stringMap(i.identity()));
      s.setObject(6, OffsetDateTime.ofInstant(i.created(), ZoneOffset.UTC));
      s.setString(7, i.owner());
      s.executeUpdate();
    }
  }

  /** The provider's answer was recorded in version {@code serial}. */
  static void answer(Connection c, String id, long serial) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE intent_journal SET result_serial = ? WHERE id = ?")) {
      s.setLong(1, serial);
      s.setString(2, id);
      s.executeUpdate();
    }
  }

  static void delete(Connection c, String id) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM intent_journal WHERE id = ?")) {
      s.setString(1, id);
      s.executeUpdate();
    }
  }

  /** Every intent not closed, oldest first (then by address). */
  static List<Intent> open(Connection c) throws SQLException {
    List<Intent> out = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT id, address, provider, resource_type, identity_json, created,"
        + " owner, result_serial FROM intent_journal ORDER BY created, address, id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        String id = rs.getString(1);
        OffsetDateTime created = rs.getObject(6, OffsetDateTime.class);
        rs.getLong(8);
        boolean answered = !rs.wasNull();
        out.add(new Intent(id, rs.getString(2), rs.getString(3), rs.getString(4),
            Json.stringMap(rs.getString(5), "the identity of intent " + id), created.toInstant(), rs.getString(7),
            answered));
      }
    }
    return out;
  }
}
