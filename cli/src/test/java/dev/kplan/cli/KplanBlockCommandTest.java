package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.engine.version.KplanVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code kplan} block: {@code required_version} and {@code state "h2" { path }}. */
class KplanBlockCommandTest {
  @TempDir Path dir;

  CliRun kplan(String... args) {
    return CliRun.in(dir, args);
  }

  @Test
  void aRequiredVersionThisKplanDoesNotMeetIsAnErrorNamingBoth() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), """
        kplan {
          required_version = ">= 99.0"
        }
        resource "kplan_data" "d" {
          input = 1
        }
        """);
    for (String command : new String[] {"plan", "validate"}) {
      CliRun r = kplan(command);
      assertEquals(1, r.exitCode(), command);
      assertTrue(r.err().contains("Error: Unsupported kplan version"), r.err());
      assertTrue(r.err().contains("kplan version " + KplanVersion.current()), r.err());
      assertTrue(r.err().contains("\">= 99.0\""), r.err());
      assertTrue(r.err().contains("on main.kp.hcl line 2"), r.err());
    }
    assertFalse(Files.exists(dir.resolve(".kplan")));
  }

  @Test
  void aRequiredVersionThisKplanMeetsIsSilent() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), """
        kplan {
          required_version = ">= 0.0.1, < 99"
        }
        """);
    CliRun r = kplan("validate");
    assertEquals(0, r.exitCode(), r.err());
  }

  @Test
  void theStateBlockMovesTheStateFileRelativeToTheConfiguration() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), """
        kplan {
          state "h2" {
            path = "states/prod.mv.db"
          }
        }
        resource "kplan_data" "d" {
          input = "x"
        }
        output "d" {
          value = kplan_data.d.output
        }
        """);
    Path elsewhere = dir.resolveSibling(dir.getFileName() + "-cwd");
    CliRun r = kplan("apply", "-auto-approve");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.exists(dir.resolve("states/prod.mv.db")));
    assertFalse(Files.exists(dir.resolve(".kplan/state.mv.db")));
    assertFalse(Files.exists(elsewhere));
    assertEquals("d = \"x\"\n", kplan("output").out());
    assertTrue(kplan("show").out().contains("# kplan_data.d:"));
    assertTrue(kplan("plan").out().contains("No changes."));
  }

  @Test
  void unknownStateBackendsAndPostgresWithoutAUrlAreDiagnostics() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), """
        kplan {
          state "s3" {}
        }
        """);
    CliRun unknown = kplan("plan");
    assertEquals(1, unknown.exitCode());
    assertTrue(unknown.err().contains("Error: Unsupported state backend"), unknown.err());
    assertTrue(unknown.err().contains("\"s3\""), unknown.err());

    Files.writeString(dir.resolve("main.kp.hcl"), """
        kplan {
          state "postgres" {
            url = "postgres://db.example/kplan"
          }
        }
        """);
    CliRun notJdbc = kplan("validate");
    assertEquals(1, notJdbc.exitCode());
    assertTrue(notJdbc.err().contains("Error: Invalid state URL"), notJdbc.err());
    assertTrue(notJdbc.err().contains("jdbc:postgresql://HOST[:PORT]/DATABASE"), notJdbc.err());

    Files.writeString(dir.resolve("main.kp.hcl"), """
        kplan {
          state "postgres" {}
        }
        """);
    assertEquals(0, kplan("validate").exitCode());
    CliRun noUrl = kplan("plan");
    assertEquals(1, noUrl.exitCode());
    assertTrue(noUrl.err().contains("has no url, and KPLAN_STATE_URL is not set"), noUrl.err());

    Files.writeString(dir.resolve("main.kp.hcl"), """
        kplan {
          state "h2" {
            file = "x.mv.db"
          }
        }
        """);
    CliRun typo = kplan("validate");
    assertEquals(1, typo.exitCode());
    assertTrue(typo.err().contains("Error: Unsupported argument"), typo.err());
    assertTrue(typo.err().contains("Did you mean \"path\"?") || typo.err().contains("\"file\" is not expected"),
        typo.err());
  }
}
