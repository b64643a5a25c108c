package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input variables for {@code plan}/{@code apply}: where values come from, and validation. */
class VariablesCommandTest {
  @TempDir Path dir;

  static final String CONFIG = """
      variable "word" {
        type    = string
        default = "from-default"
      }
      variable "replicas" {
        type    = number
        default = 1
        validation {
          condition     = var.replicas > 0 && var.replicas < 10
          error_message = "Replicas must be between 1 and 9."
        }
      }
      resource "kplan_data" "d" {
        input = "${var.word} x${var.replicas}"
      }
      output "word" {
        value = var.word
      }
      """;

  CliRun kplan(Map<String, String> env, String... args) {
    return CliRun.in(env, "", dir, args);
  }

  /** The value the plan shows for output "word". */
  String planned(Map<String, String> env, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "plan";
    System.arraycopy(args, 0, all, 1, args.length);
    CliRun r = kplan(env, all);
    assertEquals(0, r.exitCode(), r.err());
    int at = r.out().indexOf("+ word = \"");
    assertTrue(at >= 0, r.out());
    return r.out().substring(at + 10, r.out().indexOf('"', at + 10));
  }

  @Test
  void valuesFollowTerraformsPrecedenceFromDefaultToEnvironmentToAutoFilesToTheCommandLine() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG);
    Map<String, String> env = Map.of("KPLAN_VAR_word", "from-env");
    assertEquals("from-default", planned(Map.of()));
    assertEquals("from-env", planned(env));

    Files.writeString(dir.resolve("a.auto.kpvars.hcl"), "word = \"from-a-auto\"\n");
    Files.writeString(dir.resolve("b.auto.kpvars.hcl"), "word = \"from-b-auto\"\n");
    assertEquals("from-b-auto", planned(env), "auto files in name order, after the environment");

    Files.writeString(dir.resolve("extra.kpvars.hcl"), "word = \"from-var-file\"\n");
    assertEquals("from-var-file", planned(env, "-var-file=extra.kpvars.hcl"));
    assertEquals("from-var", planned(env, "-var-file=extra.kpvars.hcl", "-var", "word=from-var"));
    assertEquals("from-var-file", planned(env, "-var", "word=from-var", "-var-file=extra.kpvars.hcl"),
        "the command line in the order given: the last one wins");
  }

  @Test
  void aValueThatFailsValidationStopsThePlanWithTheRulesMessage() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), CONFIG);
    CliRun r = kplan(Map.of(), "plan", "-var", "replicas=12");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.err().contains("Error: Invalid value for variable"), r.err());
    assertTrue(r.err().contains("Replicas must be between 1 and 9."), r.err());
    assertTrue(r.err().contains("on main.kp.hcl line 5, column 1:\n   5: variable \"replicas\" {"), r.err());
    assertTrue(r.err().contains("This was checked by the validation rule at main.kp.hcl:8,3-13."), r.err());
    assertFalse(r.out().contains("Plan:"), r.out());

    CliRun env = kplan(Map.of("KPLAN_VAR_replicas", "0"), "apply", "-auto-approve");
    assertEquals(1, env.exitCode(), env.out());
    assertTrue(env.err().contains("Replicas must be between 1 and 9."), env.err());
    assertFalse(env.out().contains("Creating..."), env.out());
    assertTrue(kplan(Map.of(), "output").err().contains("No outputs found"));
  }
}
