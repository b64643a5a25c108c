package dev.kplan.cli;

import org.junit.jupiter.api.BeforeEach;

/** The {@code kplan import} suite on the default H2 file. */
class ImportCommandTest extends ImportCommandContract {
  @BeforeEach
  void h2() {
    backend = TestingStateBackend.h2(dir);
  }
}
