package dev.kplan.state.jdbc;

import dev.kplan.state.RecordedMoves;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code state_move} rows (schema 6): which objects a version moved, from where to where.
 * Recording happens in the transaction that moves the rows; reading composes the moves of a range
 * of versions and keeps only those whose object provably stayed at each address in between.
 */
final class MoveRows {
  private MoveRows() {}

  /**
   * Records that version {@code serial} moved the object at {@code from} to {@code to}. An object
   * moved twice in one version keeps one row from its first address; moved back, none.
   */
  static void insert(Connection c, long serial, String from, String to) throws SQLException {
    String origin = from;
    try (PreparedStatement s = c.prepareStatement(
        "SELECT from_address FROM state_move WHERE serial = ? AND to_address = ?")) {
      s.setLong(1, serial);
      s.setString(2, from);
      try (ResultSet rs = s.executeQuery()) {
        if (rs.next()) {
          origin = rs.getString(1);
        }
      }
    }
    try (PreparedStatement s = c.prepareStatement(
        "DELETE FROM state_move WHERE serial = ? AND (to_address = ? OR to_address = ?)")) {
      s.setLong(1, serial);
      s.setString(2, from);
      s.setString(3, to);
      s.executeUpdate();
    }
    if (origin.equals(to)) {
      return;
    }
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO state_move (serial, to_address, from_address) VALUES (?, ?, ?)")) {
      s.setLong(1, serial);
      s.setString(2, to);
      s.setString(3, origin);
      s.executeUpdate();
    }
  }

  /** How many objects version {@code serial} moved. */
  static int count(Connection c, long serial) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM state_move WHERE serial = ?")) {
      s.setLong(1, serial);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** The moves from version {@code a} to version {@code b}, either being the later one. */
  static RecordedMoves between(Connection c, long a, long b) throws SQLException {
    if (a == b) {
      return new RecordedMoves(Map.of(), true);
    }
    long lo = Math.min(a, b);
    long hi = Math.max(a, b);
    boolean complete;
    try (PreparedStatement s = c.prepareStatement(
        "SELECT COUNT(*) FROM state_version WHERE serial > ? AND serial <= ? AND moved IS NULL")) {
      s.setLong(1, lo);
      s.setLong(2, hi);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        complete = rs.getInt(1) == 0;
      }
    }
    Map<Long, List<String[]>> byVersion = new LinkedHashMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT serial, from_address, to_address FROM state_move"
        + " WHERE serial > ? AND serial <= ? ORDER BY serial, to_address")) {
      s.setLong(1, lo);
      s.setLong(2, hi);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          byVersion.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
              .add(new String[] {rs.getString(2), rs.getString(3)});
        }
      }
    }
    Map<String, Chain> byAddress = new HashMap<>();
    for (Map.Entry<Long, List<String[]>> version : byVersion.entrySet()) {
      long v = version.getKey();
      // one version's moves happen at once: take every object from its old address first
      List<Chain> moved = new ArrayList<>();
      for (String[] m : version.getValue()) {
        Chain chain = byAddress.remove(m[0]);
        if (chain == null) {
          chain = new Chain(m[0], lo);
        }
        chain.moveTo(m[1], v);
        moved.add(chain);
      }
      moved.forEach(chain -> byAddress.put(chain.at, chain));
    }
    Map<String, String> out = new HashMap<>();
    for (Chain chain : byAddress.values()) {
      chain.segments.add(new Segment(chain.at, chain.since, hi));
      if (!chain.origin.equals(chain.at) && stayed(c, chain.segments)) {
        if (a < b) {
          out.put(chain.origin, chain.at);
        } else {
          out.put(chain.at, chain.origin);
        }
      }
    }
    return new RecordedMoves(out, complete);
  }

  /** Whether an object was at each segment's address in every version of the segment, without a gap. */
  private static boolean stayed(Connection c, List<Segment> segments) throws SQLException {
    for (Segment seg : segments) {
      if (!present(c, seg)) {
        return false;
      }
    }
    return true;
  }

  private static boolean present(Connection c, Segment seg) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT since_serial, until_serial FROM resource_instance"
        + " WHERE address = ? AND since_serial <= ? AND (until_serial IS NULL OR until_serial > ?)"
        + " ORDER BY since_serial")) {
      s.setString(1, seg.address);
      s.setLong(2, seg.last);
      s.setLong(3, seg.first);
      try (ResultSet rs = s.executeQuery()) {
        long covered = seg.first; // every version before this one is covered
        boolean any = false;
        while (rs.next()) {
          long since = rs.getLong(1);
          long until = rs.getLong(2);
          boolean open = rs.wasNull();
          if (since > covered) {
            return false;
          }
          any = true;
          if (open) {
            return true;
          }
          covered = Math.max(covered, until);
        }
        return any && covered > seg.last;
      }
    }
  }

  /** Versions {@code first} to {@code last}, both included, during which an object sat at {@code address}. */
  private record Segment(String address, long first, long last) {}

  /** One object's path through the versions: where it started and each address it has been at since. */
  private static final class Chain {
    final String origin;
    final List<Segment> segments = new ArrayList<>();
    String at;
    long since;

    Chain(String origin, long since) {
      this.origin = origin;
      this.at = origin;
      this.since = since;
    }

    void moveTo(String to, long version) {
      segments.add(new Segment(at, since, version - 1));
      at = to;
      since = version;
    }
  }
}
