package dev.kplan.state.jdbc;

import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The store contract on the sandbox's PostgreSQL; every store is a schema of its own, dropped afterwards. */
@KplanSandbox(SandboxService.POSTGRES)
class PostgresStateStoreContractIT extends StateStoreContract {
  private String baseUrl;
  private final List<String> schemas = new ArrayList<>();

  @BeforeEach
  void sandbox(Sandbox sandbox) {
    baseUrl = sandbox.postgresUrl();
  }

  @Override
  JdbcStateStore newStore() throws Exception {
    String schema = "kplan_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    schemas.add(schema);
    return JdbcStateStore.of(url(schema), null, null);
  }

  @Override
  JdbcStateStore reopen() throws Exception {
    return JdbcStateStore.of(url(schemas.get(schemas.size() - 1)), null, null);
  }

  String url(String schema) {
    return baseUrl + "&currentSchema=" + schema;
  }

  @AfterEach
  void dropSchemas() throws Exception {
    closeStores();
    try (Connection c = DriverManager.getConnection(baseUrl); Statement s = c.createStatement()) {
      for (String schema : schemas) {
        s.execute("DROP SCHEMA " + schema + " CASCADE");
      }
    }
  }
}
