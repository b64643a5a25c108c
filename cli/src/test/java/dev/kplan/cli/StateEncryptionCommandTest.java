package dev.kplan.cli;

import org.junit.jupiter.api.BeforeEach;

/** The encryption ({@code state rekey}, {@code (encrypted)}) suite on the default H2 file. */
class StateEncryptionCommandTest extends StateEncryptionCommandContract {
  @BeforeEach
  void h2() {
    backend = TestingStateBackend.h2(dir);
  }
}
