package dev.kplan.state.jdbc;

import dev.kplan.state.ResourceInstance;
import dev.kplan.state.OutputValue;
import dev.kplan.state.StateException;
import dev.kplan.state.crypto.StateKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The {@code state_encryption} row (salt, iterations, key check) and what changes it: the first
 * passphrase given to a state, and {@code kplan state rekey}, which re-seals every sensitive value
 * of every version under a new passphrase in one transaction and records the versions' new
 * checksums (their stored text changed, their meaning did not).
 */
final class Encryption {
  private static final String CHECK_TEXT = "kplan state key";
  private static final String CHECK_CONTEXT = "kplan key check";

  private Encryption() {}

  record Row(byte[] salt, int iterations, String keyCheck) {}

  /** The key of {@code passphrase} for this state, fixing the salt when it has none yet. */
  static StateKey key(DataSource pool, String where, char[] passphrase) throws StateException {
    try (Connection c = pool.getConnection()) {
      Optional<Row> row = select(c);
      if (row.isEmpty()) {
        byte[] salt = StateKey.newSalt();
        StateKey key = StateKey.derive(passphrase, salt, StateKey.DEFAULT_ITERATIONS);
        try {
          insert(c, salt, StateKey.DEFAULT_ITERATIONS, key);
          return key;
        } catch (SQLException e) {
          if (!JdbcStateStore.isConstraintViolation(e)) {
            throw e;
          }
          row = select(c); // another process fixed it at the same moment: use theirs
        }
      }
      return check(row.orElseThrow(), passphrase, where);
    } catch (SQLException e) {
      throw Failures.of(where, "read its encryption settings", e);
    }
  }

  private static StateKey check(Row row, char[] passphrase, String where) throws StateException {
    StateKey key = StateKey.derive(passphrase, row.salt(), row.iterations());
    try {
      key.open(row.keyCheck(), CHECK_CONTEXT);
      return key;
    } catch (StateKey.WrongKeyException e) {
      throw new StateException("The state passphrase is wrong: the sensitive values of the state at " + where
          + " were encrypted with another one. Give the passphrase they were encrypted with (KPLAN_STATE_PASSPHRASE"
          + " or kplan { encryption { passphrase = … } }); kplan read nothing from the state and changed nothing.");
    }
  }

  static Optional<Row> select(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT salt, iterations, key_check FROM state_encryption WHERE id = 1");
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? Optional.of(new Row(Base64.getDecoder().decode(rs.getString(1)), rs.getInt(2), rs.getString(3)))
          : Optional.empty();
    }
  }

  private static void insert(Connection c, byte[] salt, int iterations, StateKey key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO state_encryption (id, salt, iterations, key_check,"
        + " created) VALUES (1, ?, ?, ?, ?)")) {
      s.setString(1, Base64.getEncoder().encodeToString(salt));
      s.setInt(2, iterations);
      s.setString(3, key.seal(CHECK_TEXT, CHECK_CONTEXT));
      s.setObject(4, JdbcStateStore.now());
      s.executeUpdate();
    }
  }

  /**
   * Re-seals every sensitive value of every version with the key of {@code newPassphrase}
   * ({@code oldPassphrase} opens the current ones; null when the state was never encrypted), seals
   * sensitive values stored in plain text before encryption was configured, and records each
   * sealed version's new checksum. One transaction: all or nothing. Returns the values re-sealed.
   */
  static int rekey(Connection c, String where, char[] oldPassphrase, char[] newPassphrase)
      throws SQLException, StateException {
    Optional<Row> row = select(c);
    SensitiveCipher old = SensitiveCipher.NONE;
    if (row.isPresent()) {
      if (oldPassphrase == null) {
        throw new StateException("The state at " + where + " is encrypted: give its current passphrase in"
            + " KPLAN_STATE_OLD_PASSPHRASE (or at the prompt) to re-encrypt it; nothing was changed.");
      }
      old = SensitiveCipher.of(check(row.get(), oldPassphrase, where), where);
    }
    byte[] salt = StateKey.newSalt();
    StateKey key = StateKey.derive(newPassphrase, salt, StateKey.DEFAULT_ITERATIONS);
    SensitiveCipher next = SensitiveCipher.of(key, where);
    int n = 0;
    n += resealObjects(c, "resource_instance", "", old, next);
    n += resealObjects(c, "resource_deposed", " AND deposed_key = ?", old, next);
    n += resealOutputs(c, old, next);
    try (PreparedStatement s = c.prepareStatement("DELETE FROM state_encryption")) {
      s.executeUpdate();
    }
    insert(c, salt, StateKey.DEFAULT_ITERATIONS, key);
    long latest = JdbcStateStore.latestSerial(c);
    for (long serial = 1; serial <= latest; serial++) {
      Optional<VersionRows.Meta> meta = VersionRows.meta(c, serial);
      if (meta.isEmpty() || meta.get().checksum() == null) {
        continue; // an open version gets its checksum when sealed
      }
      try (PreparedStatement s = c.prepareStatement("UPDATE state_version SET checksum = ? WHERE serial = ?")) {
        s.setString(1, VersionRows.computeChecksum(c, meta.get(), serial == latest));
        s.setLong(2, serial);
        s.executeUpdate();
      }
    }
    return n;
  }

  private static int resealObjects(Connection c, String table, String keyClause, SensitiveCipher old,
      SensitiveCipher next) throws SQLException, StateException {
    boolean deposed = !keyClause.isEmpty();
    record Stored(String address, String deposedKey, long since, String attributes, String paths) {}
    List<Stored> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT address, " + (deposed ? "deposed_key" : "NULL")
        + ", since_serial, attributes_json, sensitive_paths_json FROM " + table);
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        rows.add(new Stored(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5)));
      }
    }
    int n = 0;
    for (Stored r : rows) {
      if (r.paths() == null || r.paths().equals("[]")) {
        continue;
      }
      ResourceInstance stored = new ResourceInstance(r.address(), "", 0, r.attributes(), r.paths(), List.of(), false,
          null);
      ResourceInstance resealed = next.seal(old.openInstance(stored));
      try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET attributes_json = ? WHERE address = ?"
          + " AND since_serial = ?" + keyClause)) {
        s.setString(1, resealed.attributesJson());
        s.setString(2, r.address());
        s.setLong(3, r.since());
        if (deposed) {
          s.setString(4, r.deposedKey());
        }
        s.executeUpdate();
      }
      n++;
    }
    return n;
  }

  private static int resealOutputs(Connection c, SensitiveCipher old, SensitiveCipher next)
      throws SQLException, StateException {
    record Stored(String name, long since, String value) {}
    List<Stored> rows = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT name, since_serial, value_json FROM output_value WHERE sensitive = TRUE");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        rows.add(new Stored(rs.getString(1), rs.getLong(2), rs.getString(3)));
      }
    }
    for (Stored r : rows) {
      OutputValue resealed = next.seal(old.openOutput(new OutputValue(r.name(), r.value(), true)));
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE output_value SET value_json = ? WHERE name = ? AND since_serial = ?")) {
        s.setString(1, resealed.valueJson());
        s.setString(2, r.name());
        s.setLong(3, r.since());
        s.executeUpdate();
      }
    }
    return rows.size();
  }
}
