package dev.kplan.state.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on H2 files. */
class H2StateStoreContractTest extends StateStoreContract {
  @TempDir Path dir;
  private Path last;
  private int count;

  @Override
  JdbcStateStore newStore() throws Exception {
    last = dir.resolve("store-" + (++count) + "/state.mv.db");
    return JdbcStateStore.h2(last);
  }

  @Override
  JdbcStateStore reopen() throws Exception {
    return JdbcStateStore.h2(last);
  }
}
