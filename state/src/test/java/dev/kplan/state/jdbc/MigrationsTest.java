package dev.kplan.state.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The quick check that lets a current schema skip Flyway, and the constant it relies on. */
class MigrationsTest {
  private static JdbcDataSource memory(String name) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    return ds;
  }

  @Test
  void latestNamesTheNewestMigrationScript() throws Exception {
    URL scripts = Migrations.class.getClassLoader().getResource("db/migration");
    try (Stream<Path> files = Files.list(Path.of(scripts.toURI()))) {
      String newest = files.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("V[0-9.]+__.*\\.sql"))
          .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.'))
          .max(Migrations::compare).orElseThrow();
      assertEquals(newest, Migrations.LATEST);
    }
  }

  @Test
  void aNewDatabaseIsNotCurrentAndIsCurrentOnceMigrated() throws Exception {
    JdbcDataSource ds = memory("fresh");
    assertFalse(Migrations.isCurrent(ds));
    Migrations.migrate(ds, "memory");
    assertTrue(Migrations.isCurrent(ds));
    Migrations.migrate(ds, "memory"); // the quick path leaves a current schema as it is
    assertTrue(Migrations.isCurrent(ds));
  }

  @Test
  void aFailedOrFutureMigrationIsLeftToFlyway() throws Exception {
    JdbcDataSource failed = memory("failed");
    Migrations.migrate(failed, "memory");
    try (Connection c = failed.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE \"kplan_schema_history\" SET \"success\" = FALSE");
    }
    assertFalse(Migrations.isCurrent(failed));

    JdbcDataSource future = memory("future");
    Migrations.migrate(future, "memory");
    try (Connection c = future.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO \"kplan_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\","
          + " \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
          + " VALUES (99, '999.1', 'from the future', 'SQL', 'V999_1__from_the_future.sql', 0, 'sa', 1, TRUE)");
    }
    assertFalse(Migrations.isCurrent(future));
  }

  @Test
  void versionsCompareAsFlywayOrdersThem() {
    assertTrue(Migrations.compare("10", "9") > 0);
    assertTrue(Migrations.compare("1.1", "1") > 0);
    assertEquals(0, Migrations.compare("1.0", "1"));
  }
}
