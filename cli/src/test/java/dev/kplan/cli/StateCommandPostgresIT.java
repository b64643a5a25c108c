package dev.kplan.cli;

import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import org.junit.jupiter.api.BeforeEach;

/** The {@code kplan state …} suite on the sandbox's PostgreSQL, a fresh schema per test. */
@KplanSandbox(SandboxService.POSTGRES)
class StateCommandPostgresIT extends StateCommandContract {
  @BeforeEach
  void postgres(Sandbox sandbox) throws Exception {
    backend = TestingStateBackend.postgres(sandbox.postgresUrl(), dir);
  }
}
