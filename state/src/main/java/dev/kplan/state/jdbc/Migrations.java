package dev.kplan.state.jdbc;

import dev.kplan.state.StateException;
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
 */
final class Migrations {
  private Migrations() {}

  /** {@code schema}: a workspace's schema, created beforehand (null: the connection's own). */
  static void migrate(DataSource dataSource, String where, String schema) throws StateException {
    org.flywaydb.core.api.configuration.FluentConfiguration config = Flyway.configure();
    if (schema != null) {
      config.schemas(schema).defaultSchema(schema).createSchemas(false);
    }
    Flyway flyway = config
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .table("kplan_schema_history")
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
}
