package dev.kplan.state.jdbc;

import dev.kplan.state.DeposedObject;
import dev.kplan.state.OutputValue;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateSnapshot;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The content of one version read from its rows, its {@code state_version} row, and sealing: one
 * place that knows how a version's content and checksum are found, used by reads, commits,
 * {@code state verify} and {@code state migrate}. Each method runs in its caller's transaction.
 */
final class VersionRows {
  private VersionRows() {}

  /** A version's row: its lineage, its checksum (null while open, or damaged), whether it was sealed. */
  record Meta(long serial, String lineage, String checksum, boolean sealed) {}

  static Optional<Meta> meta(Connection c, long serial) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT lineage, checksum, sealed FROM state_version WHERE serial = ?")) {
      s.setLong(1, serial);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? Optional.of(new Meta(serial, rs.getString(1), rs.getString(2), rs.getBoolean(3)))
            : Optional.empty();
      }
    }
  }

  /**
   * Version {@code serial}'s content. {@code latest}: it is the newest version, whose rows are the
   * ones no version has ended (one indexed scan); else the rows begun at or before it and not ended by it.
   */
  static StateSnapshot read(Connection c, long serial, boolean latest, String lineage) throws SQLException {
    String rows = latest ? " WHERE until_serial IS NULL" : " WHERE since_serial <= ? AND (until_serial IS NULL OR until_serial > ?)";
    DeposedRows.Binder bind = s -> {
      if (!latest) {
        s.setLong(1, serial);
        s.setLong(2, serial);
      }
    };
    Map<String, ResourceInstance> resources = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT address, provider, schema_version, attributes_json,"
        + " sensitive_paths_json, dependencies_json, tainted, private_data FROM resource_instance" + rows)) {
      bind.bind(s);
      s.setFetchSize(1000);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String address = rs.getString(1);
          resources.put(address, new ResourceInstance(address, rs.getString(2), rs.getInt(3), rs.getString(4),
              rs.getString(5), Json.strings(rs.getString(6), "dependencies of " + address), rs.getBoolean(7),
              rs.getString(8)));
        }
      }
    }
    Map<String, OutputValue> outputs = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT name, value_json, sensitive FROM output_value" + rows)) {
      bind.bind(s);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          outputs.put(rs.getString(1), new OutputValue(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
        }
      }
    }
    Map<String, DeposedObject> deposed = DeposedRows.read(c, rows, bind);
    return new StateSnapshot(serial, lineage, resources, outputs, deposed);
  }

  /** The checksum version {@code serial}'s rows give now (its lineage from its own row). */
  static String computeChecksum(Connection c, Meta meta, boolean latest) throws SQLException {
    return Checksum.of(read(c, meta.serial(), latest, meta.lineage()));
  }

  /** Seals an open version: its change counts and its checksum, computed from its rows as they are now. */
  static void seal(Connection c, long serial, boolean latest) throws SQLException {
    Meta meta = meta(c, serial).orElseThrow(() -> new SQLException("state version " + serial + " has no row"));
    Counts n = Counts.of(c, serial);
    String checksum = computeChecksum(c, meta, latest);
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE state_version SET added = ?, changed = ?, removed = ?, sealed = TRUE, checksum = ?,"
        // a version opened before moves were recorded (moved NULL) stays "moves unknown"
        + " moved = CASE WHEN moved IS NULL THEN NULL ELSE CAST(? AS INTEGER) END WHERE serial = ?")) {
      s.setInt(1, n.added());
      s.setInt(2, n.changed());
      s.setInt(3, n.removed());
      s.setString(4, checksum);
      s.setInt(5, n.moved());
      s.setLong(6, serial);
      s.executeUpdate();
    }
  }

  /**
   * Gives a checksum to every version written before kplan stored them whose rows can no longer
   * change: sealed ones, and unsealed ones that a later version followed (their process died).
   */
  static int backfill(Connection c) throws SQLException {
    long latest = JdbcStateStore.latestSerial(c);
    Map<Long, Meta> missing = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT serial, lineage, sealed FROM state_version WHERE checksum IS NULL AND (sealed = TRUE OR serial < ?)")) {
      s.setLong(1, latest);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          missing.put(rs.getLong(1), new Meta(rs.getLong(1), rs.getString(2), null, rs.getBoolean(3)));
        }
      }
    }
    for (Meta m : missing.values()) {
      try (PreparedStatement s = c.prepareStatement(
          "UPDATE state_version SET checksum = ? WHERE serial = ? AND checksum IS NULL")) {
        s.setString(1, computeChecksum(c, m, m.serial() == latest));
        s.setLong(2, m.serial());
        s.executeUpdate();
      }
    }
    return missing.size();
  }
}
