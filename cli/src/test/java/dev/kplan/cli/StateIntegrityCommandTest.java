package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.jdbc.JdbcStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The integrity suite on the default H2 file, and what only a file can suffer: being cut short. */
class StateIntegrityCommandTest extends StateIntegrityCommandContract {
  @BeforeEach
  void h2() {
    backend = TestingStateBackend.h2(dir);
  }

  @Test
  void aTruncatedStateFileIsADiagnosticWithExitOneForEveryCommandAndStaysByteForByteAsItWas() throws Exception {
    applyTwice(Map.of());
    Path file = JdbcStateStore.defaultFile(dir);
    byte[] whole = Files.readAllBytes(file);
    byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
    Files.write(file, truncated);

    for (String[] args : new String[][] {{"plan"}, {"apply", "-auto-approve"}, {"state", "list"},
        {"state", "verify"}, {"state", "pull"}, {"state", "rm", "kplan_data.a"}, {"workspace", "list"}}) {
      CliRun r = kplan(Map.of(), args);
      assertEquals(1, r.exitCode(), String.join(" ", args) + ":\n" + r.out() + r.err());
      assertTrue(r.err().contains("Error: ") && r.err().contains(file.toAbsolutePath().toString()),
          String.join(" ", args) + ":\n" + r.err());
      assertFalse(r.err().contains("Exception"), r.err());
      assertArrayEquals(truncated, Files.readAllBytes(file), "after " + String.join(" ", args));
    }
  }
}
