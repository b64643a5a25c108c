package dev.kplan.state.jdbc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * PostgreSQL's proof that a lock holder is alive, across machines. Before inserting its lock row,
 * the holder takes a session-level advisory lock keyed by its lock ID on a connection it keeps for
 * the whole operation; PostgreSQL releases that lock when the session ends, however the holder
 * died (kill -9, power loss, network gone). Another process that finds the row and can take the
 * row's advisory lock itself knows the holder is gone: the row is stale. The row stays the mutex
 * (and names owner, operation and time), so {@code force-unlock} works as on H2.
 */
final class SessionLock implements AutoCloseable {
  private final Connection session;
  private final long key;

  private SessionLock(Connection session, long key) {
    this.session = session;
    this.key = key;
  }

  /** Takes the advisory lock of {@code lockId} (a fresh ID: nobody else wants it) on a connection kept until {@link #close}. */
  static SessionLock take(DataSource pool, String lockId) throws SQLException {
    Connection c = pool.getConnection();
    try {
      long key = key(lockId);
      if (!tryLock(c, key)) {
        throw new SQLException("the advisory lock of the new lock ID " + lockId + " is taken");
      }
      return new SessionLock(c, key);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** Whether the process that wrote the lock row {@code lockId} still holds its session (is alive). */
  static boolean isHeld(Connection c, String lockId) throws SQLException {
    long key = key(lockId);
    if (!tryLock(c, key)) {
      return true;
    }
    unlock(c, key);
    return false;
  }

  @Override
  public void close() throws SQLException {
    try {
      unlock(session, key);
    } finally {
      session.close();
    }
  }

  private static boolean tryLock(Connection c, long key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
      s.setLong(1, key);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  private static void unlock(Connection c, long key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
      s.setLong(1, key);
      s.executeQuery().close();
    }
  }

  /** The first 8 bytes of the SHA-256 of "kplan-state-lock:" + ID: stable, and apart from other users' keys. */
  static long key(String lockId) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256")
          .digest(("kplan-state-lock:" + lockId).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(hash, 0, Long.BYTES).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
