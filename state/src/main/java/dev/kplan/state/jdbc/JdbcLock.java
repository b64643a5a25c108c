package dev.kplan.state.jdbc;

import dev.kplan.state.LockInfo;
import dev.kplan.state.OutputValue;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

/**
 * A held state lock and the version it writes. Every write runs in its own transaction that first
 * checks the lock row is still ours, so a lock removed by {@code force-unlock} stops the writes of
 * the process that lost it.
 */
final class JdbcLock implements StateStore.Lock {
  private final JdbcStateStore store;
  private final LockInfo info;
  private final SessionLock session; // PostgreSQL: proves to others that we are alive; null on H2
  private final Object guard = new Object();
  private long openSerial; // 0: no version open
  private boolean released;

  JdbcLock(JdbcStateStore store, LockInfo info, SessionLock session) {
    this.store = store;
    this.info = info;
    this.session = session;
  }

  @Override
  public LockInfo info() {
    return info;
  }

  @Override
  public void begin(String who, String command) throws StateException {
    synchronized (guard) {
      requireHeld();
      if (openSerial != 0) {
        throw new IllegalStateException("version " + openSerial + " is already open");
      }
      openSerial = write("open a new state version", c -> insertVersion(c, who, command, null));
    }
  }

  /** Inserts the next version row (unsealed) and returns its serial; {@code lineage} null keeps the state's. */
  private static long insertVersion(Connection c, String who, String command, String lineage) throws SQLException {
    // The latest version, sealed or not: a version left open by a process that died is the
    // truth about what exists, so the next one continues from it, after sealing it (its rows
    // cannot change any more: we hold the lock) so that it too carries a checksum.
    long latest = JdbcStateStore.latestSerial(c);
    if (latest > 0 && !VersionRows.meta(c, latest).map(VersionRows.Meta::sealed).orElse(true)) {
      VersionRows.seal(c, latest, true);
    }
    long next = latest + 1;
    String current;
    try (PreparedStatement s = c.prepareStatement("SELECT lineage FROM state_meta WHERE id = 1");
        java.sql.ResultSet rs = s.executeQuery()) {
      current = rs.next() ? rs.getString(1) : null;
    }
    if (lineage != null && !lineage.equals(current)) {
      try (PreparedStatement s = c.prepareStatement("UPDATE state_meta SET lineage = ? WHERE id = 1")) {
        s.setString(1, lineage);
        s.executeUpdate();
      }
      current = lineage;
    }
    try (PreparedStatement s = c.prepareStatement("INSERT INTO state_version (serial, lineage, created, who, command,"
        + " added, changed, removed, sealed, host, moved) VALUES (?, ?, ?, ?, ?, 0, 0, 0, FALSE, ?, 0)")) {
      s.setLong(1, next);
      s.setString(2, current);
      s.setObject(3, JdbcStateStore.now());
      s.setString(4, who == null ? "" : who);
      s.setString(5, command == null ? "" : command);
      s.setString(6, Holder.CURRENT.host());
      s.executeUpdate();
    }
    return next;
  }

  @Override
  public StateSnapshot writeVersion(String who, String command, java.util.List<StateChange> changes, String lineage)
      throws StateException {
    synchronized (guard) {
      requireHeld();
      if (openSerial != 0) {
        throw new IllegalStateException("version " + openSerial + " is already open");
      }
      write("write a new state version", c -> {
        long serial = insertVersion(c, who, command, lineage);
        for (StateChange change : changes) {
          apply(c, serial, change);
        }
        VersionRows.seal(c, serial, true);
        return null;
      });
    }
    return store.read();
  }

  @Override
  public int prune(int keep) throws StateException {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1");
    }
    synchronized (guard) {
      requireHeld();
      return write("prune the state history", c -> Prune.run(c, keep));
    }
  }

  @Override
  public void record(StateChange change) throws StateException {
    long serial = requireOpen();
    String doing = "record the change to " + subject(change);
    write(doing, c -> {
      apply(c, serial, change);
      return null;
    });
  }

  @Override
  public void recordAll(java.util.List<StateChange> changes) throws StateException {
    if (changes.isEmpty()) {
      return;
    }
    long serial = requireOpen();
    String doing = changes.size() == 1 ? "record the change to " + subject(changes.get(0))
        : "record the changes to " + changes.size() + " objects";
    write(doing, c -> {
      for (StateChange change : changes) {
        apply(c, serial, change);
      }
      return null;
    });
  }

  @Override
  public void recordIntent(dev.kplan.state.Intent intent) throws StateException {
    requireHeld();
    write("record the intent to create " + intent.address(), c -> {
      IntentRows.insert(c, intent);
      return null;
    });
  }

  @Override
  public void recordResult(String intentId, StateChange change) throws StateException {
    long serial = requireOpen();
    write("record the change to " + subject(change), c -> {
      apply(c, serial, change);
      IntentRows.answer(c, intentId, serial);
      return null;
    });
  }

  @Override
  public void closeIntent(String intentId) throws StateException {
    requireHeld();
    write("close the intent " + intentId, c -> {
      IntentRows.delete(c, intentId);
      return null;
    });
  }

  /** One change to version {@code serial}, inside the caller's transaction. */
  private void apply(Connection c, long serial, StateChange change) throws SQLException, StateException {
    // sensitive values are sealed on their way in (SensitiveCipher); rows moved by SQL keep theirs
    if (change instanceof StateChange.Put put) {
      putResource(c, serial, store.cipher().seal(put.instance()));
    } else if (change instanceof StateChange.Remove remove) {
      removeRow(c, "resource_instance", "address", remove.address(), serial);
    } else if (change instanceof StateChange.Move move) {
      removeRow(c, "resource_instance", "address", move.from(), serial);
      putResource(c, serial, store.cipher().seal(move.instance()));
      MoveRows.insert(c, serial, move.from(), move.instance().address());
    } else if (change instanceof StateChange.Depose d) {
      ResourceInstance current = DeposedRows.current(c, d.address());
      if (current == null) {
        throw new StateException("Cannot depose " + d.address() + ": the state holds no object there.");
      }
      removeRow(c, "resource_instance", "address", d.address(), serial);
      DeposedRows.insert(c, serial, d.deposedKey(), current);
    } else if (change instanceof StateChange.Restore r) {
      ResourceInstance deposed = DeposedRows.select(c, r.address(), r.deposedKey());
      if (deposed == null) {
        throw new StateException("Cannot restore " + r.address() + ": the state holds no deposed object "
            + r.deposedKey() + ".");
      }
      DeposedRows.remove(c, serial, r.address(), r.deposedKey());
      putResource(c, serial, deposed);
    } else if (change instanceof StateChange.RemoveDeposed r) {
      DeposedRows.remove(c, serial, r.address(), r.deposedKey());
    } else if (change instanceof StateChange.SetOutput set) {
      putOutput(c, serial, store.cipher().seal(set.output()));
    } else if (change instanceof StateChange.RemoveOutput remove) {
      removeRow(c, "output_value", "name", remove.name(), serial);
    } else {
      throw new IllegalArgumentException("unknown change " + change);
    }
  }

  @Override
  public StateSnapshot commit() throws StateException {
    synchronized (guard) {
      long serial = requireOpen();
      write("seal state version " + serial, c -> {
        VersionRows.seal(c, serial, true);
        return null;
      });
      openSerial = 0;
    }
    return store.read();
  }

  @Override
  public void close() throws StateException {
    synchronized (guard) {
      if (released) {
        return;
      }
      released = true;
      openSerial = 0;
    }
    try (Connection c = store.connection();
        PreparedStatement s = c.prepareStatement("DELETE FROM state_lock WHERE slot = ? AND lock_id = ?")) {
      s.setString(1, JdbcStateStore.SLOT);
      s.setString(2, info.id());
      s.executeUpdate();
    } catch (SQLException e) {
      throw Failures.of(store.where(), "release the state lock " + info.id(), e);
    } finally {
      closeSession();
    }
  }

  /** After the row is gone: the row never outlives the session that proves its holder alive. */
  private void closeSession() throws StateException {
    if (session == null) {
      return;
    }
    try {
      session.close();
    } catch (SQLException e) {
      throw Failures.of(store.where(), "end the session of the state lock " + info.id(), e);
    }
  }

  static void putResource(Connection c, long serial, ResourceInstance r) throws SQLException {
    // Changed already in this version: overwrite that row. Else end the current row and start one.
    try (PreparedStatement s = c.prepareStatement("UPDATE resource_instance SET provider = ?, schema_version = ?,"
        + " attributes_json = ?, sensitive_paths_json = ?, dependencies_json = ?, tainted = ?, private_data = ?"
        + " WHERE address = ? AND since_serial = ?")) {
      bindResource(s, r);
      s.setString(8, r.address());
      s.setLong(9, serial);
      if (s.executeUpdate() == 1) {
        return;
      }
    }
    endCurrent(c, "resource_instance", "address", r.address(), serial);
    try (PreparedStatement s = c.prepareStatement("INSERT INTO resource_instance (provider, schema_version,"
        + " attributes_json, sensitive_paths_json, dependencies_json, tainted, private_data, address, since_serial,"
        + " until_serial) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
      bindResource(s, r);
      s.setString(8, r.address());
      s.setLong(9, serial);
      s.executeUpdate();
    }
  }

  static void bindResource(PreparedStatement s, ResourceInstance r) throws SQLException {
    s.setString(1, r.providerAddress());
    s.setInt(2, r.schemaVersion());
    s.setString(3, r.attributesJson());
    s.setString(4, r.sensitivePathsJson());
    s.setString(5, Json.strings(r.dependencies()));
    s.setBoolean(6, r.tainted());
    s.setString(7, r.privateData());
  }

  private static void putOutput(Connection c, long serial, OutputValue o) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "UPDATE output_value SET value_json = ?, sensitive = ? WHERE name = ? AND since_serial = ?")) {
      s.setString(1, o.valueJson());
      s.setBoolean(2, o.sensitive());
      s.setString(3, o.name());
      s.setLong(4, serial);
      if (s.executeUpdate() == 1) {
        return;
      }
    }
    endCurrent(c, "output_value", "name", o.name(), serial);
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO output_value (value_json, sensitive, name, since_serial, until_serial) VALUES (?, ?, ?, ?, NULL)")) {
      s.setString(1, o.valueJson());
      s.setBoolean(2, o.sensitive());
      s.setString(3, o.name());
      s.setLong(4, serial);
      s.executeUpdate();
    }
  }

  /** Removal: a row begun in this version disappears (any earlier row already ends here); else the current row ends. */
  private static void removeRow(Connection c, String table, String key, String id, long serial) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE " + key + " = ? AND since_serial = ?")) {
      s.setString(1, id);
      s.setLong(2, serial);
      if (s.executeUpdate() == 1) {
        return;
      }
    }
    endCurrent(c, table, key, id, serial);
  }

  /**
   * Ends the key's current row. The current row is the key's latest (rows of one key follow each
   * other), so it is found by the whole primary key: with {@code until_serial IS NULL} alone, H2
   * plans a prepared statement on the until_serial index and scans every current row, which made
   * each record() of an apply slower than the last.
   */
  private static void endCurrent(Connection c, String table, String key, String id, long serial) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE " + table + " SET until_serial = ? WHERE " + key + " = ?"
        + " AND since_serial = (SELECT MAX(since_serial) FROM " + table + " WHERE " + key + " = ?)"
        + " AND until_serial IS NULL")) {
      s.setLong(1, serial);
      s.setString(2, id);
      s.setString(3, id);
      s.executeUpdate();
    }
  }

  /** Runs {@code work} in one transaction after checking that this lock still holds the state. */
  private <T> T write(String doing, Work<T> work) throws StateException {
    Object writes = store.writeGuard();
    if (writes == null) {
      return writeNow(doing, work);
    }
    synchronized (writes) {
      return writeNow(doing, work);
    }
  }

  private <T> T writeNow(String doing, Work<T> work) throws StateException {
    try (Connection c = store.connection()) {
      c.setAutoCommit(false);
      try {
        Optional<JdbcStateStore.HeldLock> holder = JdbcStateStore.selectHolder(c);
        if (holder.isEmpty() || !holder.get().info().id().equals(info.id())) {
          throw new StateException("Cannot " + doing + ": this process no longer holds the state lock " + info.id()
              + holder.map(h -> " (it is now held by " + h.info().owner() + ", lock ID " + h.info().id() + ")")
                  .orElse(" (it was removed, probably by force-unlock)") + ".");
        }
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | StateException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw Failures.of(store.where(), doing, e);
    }
  }

  private void requireHeld() {
    if (released) {
      throw new IllegalStateException("the state lock " + info.id() + " was released");
    }
  }

  private long requireOpen() {
    synchronized (guard) {
      requireHeld();
      if (openSerial == 0) {
        throw new IllegalStateException("no state version is open: call begin() first");
      }
      return openSerial;
    }
  }

  private static String subject(StateChange change) {
    if (change instanceof StateChange.Put put) {
      return put.instance().address();
    } else if (change instanceof StateChange.Remove remove) {
      return remove.address();
    } else if (change instanceof StateChange.Move move) {
      return move.instance().address();
    } else if (change instanceof StateChange.Depose d) {
      return d.address();
    } else if (change instanceof StateChange.Restore r) {
      return r.address();
    } else if (change instanceof StateChange.RemoveDeposed r) {
      return dev.kplan.state.DeposedObject.id(r.address(), r.deposedKey());
    } else if (change instanceof StateChange.SetOutput set) {
      return "output " + set.output().name();
    } else if (change instanceof StateChange.RemoveOutput remove) {
      return "output " + remove.name();
    }
    return String.valueOf(change);
  }

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException, StateException;
  }
}
