package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code kplan drift} with the local provider: exit codes, the text, and the JSON report written with -out. */
class DriftCommandTest {
  @TempDir Path dir;

  CliRun kplan(String... args) {
    return CliRun.in(dir, args);
  }

  @Test
  void exitsZeroWithoutDriftAndTwoWithItWritingTheReport() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), """
        resource "local_file" "motd" {
          filename = "motd.txt"
          content  = "hello\\n"
        }
        """);
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    CliRun none = kplan("drift");
    assertEquals(0, none.exitCode(), none.out() + none.err());
    assertTrue(none.out().contains("No drift."), none.out());

    Files.delete(dir.resolve("motd.txt"));
    CliRun gone = kplan("drift", "-out", "reports/drift.json");
    assertEquals(2, gone.exitCode(), gone.out() + gone.err());
    assertTrue(gone.out().contains("# local_file.motd has been deleted\n"), gone.out());
    JsonNode report = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("reports/drift.json")));
    assertTrue(report.get("drifted").asBoolean());
    assertEquals("local_file.motd", report.get("drift").get(0).get("address").asString());
    assertEquals("[\"deleted\"]", report.get("drift").get(0).get("classification").toString());

    CliRun json = kplan("drift", "-json");
    assertEquals(2, json.exitCode());
    assertEquals("deleted", JsonMapper.builder().build().readTree(json.out()).get("drift").get(0).get("cause")
        .asString());
    assertFalse(Files.exists(dir.resolve("motd.txt")), "drift changes nothing");
  }
}
