package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Language features at the resource level, end to end: conditions, dynamic blocks, import and
 * removed blocks, and the deposed objects of create_before_destroy.
 */
class ConfigurationFeaturesTest {
  @TempDir Path dir;

  CliRun kplan(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "-chdir=" + dir;
    all[1] = "-no-color";
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.run("", all);
  }

  void write(String hcl) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), hcl);
  }

  @Test
  void aFailedPreconditionStopsThePlanWithItsMessageAndLocation() throws IOException {
    write("""
        variable "name" {
          default = "bad name"
        }
        resource "local_file" "f" {
          filename = "out/${var.name}.txt"
          content  = "x"
          lifecycle {
            precondition {
              condition     = !strcontains(var.name, " ")
              error_message = "The file name must not contain spaces."
            }
          }
        }
        """);
    CliRun r = kplan("apply", "-auto-approve");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.err().contains("Error: Resource precondition failed"), r.err());
    assertTrue(r.err().contains("on main.kp.hcl line 9"), r.err());
    assertTrue(r.err().contains("The file name must not contain spaces."), r.err());
    assertFalse(Files.exists(dir.resolve("out")));
  }

  @Test
  void aPostconditionUnknownAtPlanIsCheckedAfterApply() throws IOException {
    write("""
        resource "random_id" "r" {
          byte_length = 4
          lifecycle {
            postcondition {
              condition     = length(self.hex) == 3
              error_message = "The id ${self.hex} is not three digits long."
            }
          }
        }
        """);
    CliRun r = kplan("apply", "-auto-approve");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.err().contains("Error: Resource postcondition failed"), r.err());
    assertTrue(r.err().contains("on main.kp.hcl line 5"), r.err());
    assertTrue(r.err().contains("is not three digits long."), r.err());
    // as in Terraform, the object exists and is kept in the state; the next plan fails on it at once
    CliRun plan = kplan("plan");
    assertEquals(1, plan.exitCode(), plan.out());
    assertTrue(plan.err().contains("Resource postcondition failed"), plan.err());
  }
}
