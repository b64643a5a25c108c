package dev.kplan.cli;

import org.junit.jupiter.api.BeforeEach;

/** The {@code kplan state …} suite on the default H2 file. */
class StateCommandTest extends StateCommandContract {
  @BeforeEach
  void h2() {
    backend = TestingStateBackend.h2(dir);
  }
}
