package dev.kplan.cli;

import org.junit.jupiter.api.BeforeEach;

/** The {@code kplan workspace …} suite on the default H2 file. */
class WorkspaceCommandTest extends WorkspaceCommandContract {
  @BeforeEach
  void h2() {
    backend = TestingStateBackend.h2(dir);
  }
}
