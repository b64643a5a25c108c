package dev.kplan.state.jdbc;

import dev.kplan.state.StateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * Creates and upgrades the schema with Flyway, and refuses a database that a newer kplan has
 * migrated further than this build knows (Flyway alone would ignore those "future" migrations).
 *
 * <p>Every kplan command opens the state, and starting Flyway (loading it, scanning the class path
 * for migrations, validating them) costs more than the rest of opening an H2 file. So a database
 * whose history already ends, successfully, at exactly {@link #LATEST} is taken as it is, with one
 * query; anything else (a new database, an older schema, a failed or a future migration) goes
 * through Flyway as before.
 */
final class Migrations {
  /** The version of the newest script in {@code db/migration} (a test keeps the two in step). */
  static final String LATEST = "7";

  static final String HISTORY_TABLE = "kplan_schema_history";

  private Migrations() {}

  /** {@code schema}: a workspace's schema, created beforehand (null: the connection's own). */
  static void migrate(DataSource dataSource, String where, String schema) throws StateException {
    if (isCurrent(dataSource)) {
      return;
    }
    org.flywaydb.core.api.configuration.FluentConfiguration config = Flyway.configure();
    if (schema != null) {
      config.schemas(schema).defaultSchema(schema).createSchemas(false);
    }
    Flyway flyway = config
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .table(HISTORY_TABLE)
        .load();
    try {
      MigrationInfo[] future = Arrays.stream(flyway.info().applied())
          .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED)
          .toArray(MigrationInfo[]::new);
      if (future.length > 0) {
        throw new StateException("The state database " + where + " was written by a newer kplan (schema "
            + Arrays.stream(future).map(m -> m.getVersion() + " " + m.getDescription()).collect(Collectors.joining(", "))
            + " is unknown to this version). Upgrade kplan to use it; kplan changed nothing.");
      }
      flyway.migrate();
    } catch (FlywayException e) {
      throw Failures.of(where, "create or upgrade its schema", e);
    }
  }

  /**
   * Whether Flyway's history holds only successful versioned migrations, the newest being
   * {@link #LATEST}. Any doubt (no history table yet, another layout) answers false, and Flyway decides.
   */
  static boolean isCurrent(DataSource dataSource) {
    String sql = "SELECT \"version\", \"success\" FROM \"" + HISTORY_TABLE + "\" WHERE \"version\" IS NOT NULL";
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(sql);
        ResultSet rs = s.executeQuery()) {
      boolean latestSeen = false;
      while (rs.next()) {
        String version = rs.getString(1);
        if (!rs.getBoolean(2) || compare(version, LATEST) > 0) {
          return false;
        }
        latestSeen |= compare(version, LATEST) == 0;
      }
      return latestSeen;
    } catch (SQLException | NumberFormatException e) {
      return false;
    }
  }

  /** Flyway's version order: dot-separated numbers, compared part by part. */
  static int compare(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      java.math.BigInteger p = i < x.length ? new java.math.BigInteger(x[i]) : java.math.BigInteger.ZERO;
      java.math.BigInteger q = i < y.length ? new java.math.BigInteger(y[i]) : java.math.BigInteger.ZERO;
      int c = p.compareTo(q);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
