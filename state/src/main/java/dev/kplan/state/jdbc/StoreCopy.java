package dev.kplan.state.jdbc;

import dev.kplan.state.MigrationReport;
import dev.kplan.state.StateException;
import dev.kplan.state.StateStore;
import dev.kplan.state.VersionCheck;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code state migrate}: copies every row of one store into another (H2 file and PostgreSQL, either
 * way) and proves the copy. The source is verified first (a damaged store is not spread), both
 * stores are locked while rows move, the destination is written in one transaction (all or
 * nothing), and afterwards every version of the destination must match the checksum the source
 * recorded for it. The tables come from the database's own catalogue, ordered by their foreign
 * keys, so a table a later schema adds is copied without a change here; only Flyway's history
 * (each store has its own) and the lock row are left behind.
 */
final class StoreCopy {
  private static final Set<String> NOT_COPIED = Set.of("kplan_schema_history", "state_lock");
  private static final int BATCH = 500;

  private StoreCopy() {}

  static MigrationReport copy(JdbcStateStore from, JdbcStateStore to, boolean force, String who, Duration lockTimeout)
      throws StateException {
    List<String> damaged = from.verify().stream().filter(v -> v.outcome() == VersionCheck.Outcome.FAILED)
        .map(VersionCheck::message).toList();
    if (!damaged.isEmpty()) {
      throw new StateException("The state at " + from.where() + " fails verification, so kplan will not copy it:\n  "
          + String.join("\n  ", damaged));
    }
    try (StateStore.Lock source = from.lock(who, "state migrate", lockTimeout);
        StateStore.Lock destination = to.lock(who, "state migrate", lockTimeout)) {
      Map<Long, String> expected;
      Map<String, Integer> rows = new LinkedHashMap<>();
      try (Connection in = from.connection(); Connection out = to.connection()) {
        in.setAutoCommit(false);
        in.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        out.setAutoCommit(false);
        try {
          List<String> tables = tablesInOrder(in);
          List<String> missing = new ArrayList<>(tables);
          missing.removeAll(tablesInOrder(out));
          if (!missing.isEmpty()) {
            throw new StateException("The state at " + to.where() + " lacks the tables " + missing + " that "
                + from.where() + " has; kplan copied nothing.");
          }
          requireEmpty(out, to.where(), force);
          for (String table : reversed(tables)) {
            try (PreparedStatement s = out.prepareStatement("DELETE FROM " + table)) {
              s.executeUpdate();
            }
          }
          for (String table : tables) {
            rows.put(table, copyTable(in, out, table));
          }
          expected = from.recordedChecksums(in);
          out.commit();
          in.commit();
        } catch (SQLException | StateException | RuntimeException e) {
          out.rollback();
          in.rollback();
          throw e;
        } finally {
          out.setAutoCommit(true);
          in.setAutoCommit(true);
        }
      } catch (SQLException e) {
        throw Failures.of(to.where(), "copy the state from " + from.where(), e);
      }
      List<VersionCheck> checks = to.verify();
      List<String> problems = new ArrayList<>();
      for (VersionCheck c : checks) {
        String recorded = expected.get(c.serial());
        if (c.outcome() == VersionCheck.Outcome.FAILED) {
          problems.add(c.message());
        } else if (recorded != null && !recorded.equals(c.checksum())) {
          problems.add("State version " + c.serial() + " reads back with SHA-256 " + c.checksum() + " at "
              + to.where() + ", not " + recorded + " as at " + from.where() + ".");
        }
      }
      if (checks.size() != expected.size()) {
        problems.add(to.where() + " holds " + checks.size() + " versions after the copy, not " + expected.size() + ".");
      }
      if (!problems.isEmpty()) {
        throw new StateException("The copy at " + to.where() + " does not match " + from.where() + ":\n  "
            + String.join("\n  ", problems));
      }
      long latest = expected.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
      return new MigrationReport(expected.size(), latest, from.read().lineage(), rows);
    }
  }

  private static void requireEmpty(Connection out, String where, boolean force) throws SQLException, StateException {
    try (PreparedStatement s = out.prepareStatement("SELECT COUNT(*), MAX(serial) FROM state_version");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      int versions = rs.getInt(1);
      if (versions > 0 && !force) {
        throw new StateException("The state at " + where + " is not empty: it holds " + versions
            + " versions (the latest is serial " + rs.getLong(2) + "). kplan copied nothing; to replace them with the"
            + " copy, run the command again with -force.");
      }
    }
  }

  private static int copyTable(Connection in, Connection out, String table) throws SQLException {
    Map<String, Integer> columns = columns(in, table);
    String names = String.join(", ", columns.keySet());
    String marks = columns.keySet().stream().map(c -> "?").collect(Collectors.joining(", "));
    int count = 0;
    try (PreparedStatement select = in.prepareStatement("SELECT " + names + " FROM " + table);
        PreparedStatement insert = out.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")")) {
      select.setFetchSize(1000);
      List<Integer> types = List.copyOf(columns.values());
      try (ResultSet rs = select.executeQuery()) {
        while (rs.next()) {
          for (int i = 1; i <= types.size(); i++) {
            int type = types.get(i - 1);
            Object value = isTimestamp(type) ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i);
            if (value == null) {
              insert.setNull(i, type);
            } else {
              insert.setObject(i, value);
            }
          }
          insert.addBatch();
          if (++count % BATCH == 0) {
            insert.executeBatch();
          }
        }
      }
      insert.executeBatch();
    }
    return count;
  }

  private static boolean isTimestamp(int type) {
    return type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE;
  }

  /** The columns of {@code table}, in order, with their JDBC types. */
  private static Map<String, Integer> columns(Connection c, String table) throws SQLException {
    Map<String, Integer> columns = new LinkedHashMap<>();
    DatabaseMetaData md = c.getMetaData();
    try (ResultSet rs = md.getColumns(c.getCatalog(), c.getSchema(), storedName(md, table), "%")) {
      while (rs.next()) {
        columns.put(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), rs.getInt("DATA_TYPE"));
      }
    }
    return columns;
  }

  /** The store's tables (lower case), each after the tables its foreign keys point to. */
  private static List<String> tablesInOrder(Connection c) throws SQLException {
    DatabaseMetaData md = c.getMetaData();
    Map<String, Set<String>> dependsOn = new TreeMap<>();
    try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
        if (!NOT_COPIED.contains(name)) {
          dependsOn.put(name, new LinkedHashSet<>());
        }
      }
    }
    for (Map.Entry<String, Set<String>> e : dependsOn.entrySet()) {
      try (ResultSet rs = md.getImportedKeys(c.getCatalog(), c.getSchema(), storedName(md, e.getKey()))) {
        while (rs.next()) {
          String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
          if (!parent.equals(e.getKey())) {
            e.getValue().add(parent);
          }
        }
      }
    }
    List<String> ordered = new ArrayList<>();
    while (ordered.size() < dependsOn.size()) {
      boolean progress = false;
      for (Map.Entry<String, Set<String>> e : dependsOn.entrySet()) {
        if (!ordered.contains(e.getKey()) && ordered.containsAll(e.getValue())) {
          ordered.add(e.getKey());
          progress = true;
        }
      }
      if (!progress) {
        throw new SQLException("the foreign keys between the state tables form a cycle: " + dependsOn);
      }
    }
    return ordered;
  }

  /** H2 keeps unquoted names in upper case, PostgreSQL in lower case. */
  private static String storedName(DatabaseMetaData md, String name) throws SQLException {
    return md.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
  }

  private static List<String> reversed(List<String> list) {
    List<String> out = new ArrayList<>(list);
    java.util.Collections.reverse(out);
    return out;
  }
}
