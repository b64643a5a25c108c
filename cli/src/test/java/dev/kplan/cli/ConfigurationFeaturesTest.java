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
    return CliRun.in(dir, args);
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

  @Test
  void aPostconditionFailingAfterApplyStopsItsDependentsButNotIndependentResources() throws IOException {
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
        resource "local_file" "uses_id" {
          filename = "out/id.txt"
          content  = random_id.r.hex
        }
        resource "local_file" "independent" {
          filename = "out/other.txt"
          content  = "x"
        }
        """);
    CliRun r = kplan("apply", "-auto-approve");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.out().contains("random_id.r: Creation complete"), r.out());
    assertTrue(r.err().contains("Error: Resource postcondition failed"), r.err());
    assertTrue(r.err().contains("on main.kp.hcl line 5"), r.err());
    assertEquals(r.err().indexOf("Resource postcondition failed"), r.err().lastIndexOf("Resource postcondition failed"),
        "reported once: " + r.err());
    // the dependent was never started; the independent resource was applied
    assertFalse(r.out().contains("local_file.uses_id: Creating"), r.out());
    assertFalse(Files.exists(dir.resolve("out/id.txt")));
    assertTrue(r.out().contains("local_file.independent: Creation complete"), r.out());
    assertTrue(Files.exists(dir.resolve("out/other.txt")));
    CliRun state = kplan("show");
    assertTrue(state.out().contains("resource \"random_id\" \"r\""), state.out());
    assertFalse(state.out().contains("uses_id"), state.out());
  }

  static final String FIREWALL = """
      variable "rules" {
        default = {
          web = { port = 443, sources = ["10.0.0.0/8", "192.168.0.0/16"] }
          ssh = { port = 22, sources = ["10.1.0.0/16"] }
        }
      }
      resource "testblocks_firewall" "fw" {
        name = "edge"
        dynamic "rule" {
          for_each = var.rules
          iterator = r
          content {
            port  = r.value.port
            proto = "tcp-${r.key}"
            dynamic "source" {
              for_each = r.value.sources
              content {
                cidr = source.value
              }
            }
          }
        }
        dynamic "label" {
          for_each = { team = "net", tier = "edge" }
          labels   = [label.key]
          content {
            value = upper(label.value)
          }
        }
      }
      output "ports" {
        value = [for x in testblocks_firewall.fw.rule : "${x.proto}:${x.port}"]
      }
      output "cidrs" {
        value = sort(flatten([for x in testblocks_firewall.fw.rule : [for s in x.source : s.cidr]]))
      }
      output "labels" {
        value = { for k, l in testblocks_firewall.fw.label : k => l.value }
      }
      """;

  @Test
  void dynamicBlocksGenerateNestedBlocksIncludingNestedDynamicBlocks() throws IOException {
    write(FIREWALL);
    CliRun plan = kplan("plan");
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.out().contains("+ proto = \"tcp-ssh\""), plan.out());
    assertTrue(plan.out().contains("+ cidr = \"192.168.0.0/16\""), plan.out());
    assertTrue(plan.out().contains("+ value = \"EDGE\""), plan.out());
    CliRun r = kplan("apply", "-auto-approve");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("ports = [\n  \"tcp-ssh:22\",\n  \"tcp-web:443\",\n]"), r.out());
    assertTrue(r.out().contains("\"10.0.0.0/8\",\n  \"10.1.0.0/16\",\n  \"192.168.0.0/16\","), r.out());
    assertTrue(r.out().contains("\"team\" = \"NET\""), r.out());
    CliRun again = kplan("plan");
    assertTrue(again.out().contains("No changes."), again.out() + again.err());
  }

  @Test
  void theContentOfADynamicBlockIsCheckedAgainstTheSchemaOfTheBlocksItMakes() throws IOException {
    write("""
        resource "testblocks_firewall" "fw" {
          name = "edge"
          dynamic "rule" {
            for_each = [1, 2]
            content {
              prot = "udp"
            }
          }
          dynamic "rules" {
            for_each = []
            content {}
          }
        }
        """);
    CliRun r = kplan("plan");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.err().contains("Error: Unsupported argument"), r.err());
    assertTrue(r.err().contains("Did you mean \"proto\"?"), r.err());
    assertTrue(r.err().contains("Error: Missing required argument"), r.err());
    assertTrue(r.err().contains("The argument \"port\" is required"), r.err());
    assertTrue(r.err().contains("Blocks of type \"rules\" are not expected here. Did you mean \"rule\"?"), r.err());
  }

  @Test
  void anImportBlockAdoptsAnExistingFileWithoutRecreatingIt() throws IOException {
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("out/made-by-hand.txt"), "hello\n");
    write("""
        import {
          to = local_file.adopted
          id = "out/made-by-hand.txt"
        }
        resource "local_file" "adopted" {
          filename = "out/made-by-hand.txt"
          content  = "hello\\n"
        }
        """);
    CliRun plan = kplan("plan");
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.out().contains("  # local_file.adopted will be imported\n"), plan.out());
    assertTrue(plan.out().contains("Plan: 1 to import, 0 to add, 0 to change, 0 to destroy."), plan.out());
    CliRun json = kplan("plan", "-json");
    assertTrue(json.out().contains("\"importing\":{\"id\":\"out/made-by-hand.txt\"}"), json.out());

    Files.setLastModifiedTime(dir.resolve("out/made-by-hand.txt"), java.nio.file.attribute.FileTime.fromMillis(0));
    CliRun r = kplan("apply", "-auto-approve");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("local_file.adopted: Importing..."), r.out());
    assertTrue(r.out().contains("Apply complete! Resources: 1 imported, 0 added, 0 changed, 0 destroyed."), r.out());
    assertEquals(0, Files.getLastModifiedTime(dir.resolve("out/made-by-hand.txt")).toMillis(), "not written again");
    CliRun again = kplan("plan");
    assertTrue(again.out().contains("No changes."), again.out());
  }

  @Test
  void anImportWhoseContentDiffersIsImportedAndUpdatedInOneApply() throws IOException {
    Files.createDirectories(dir.resolve("out"));
    Files.writeString(dir.resolve("out/a.txt"), "old\n");
    write("""
        import {
          to = local_file.a
          id = "out/a.txt"
        }
        resource "local_file" "a" {
          filename = "out/a.txt"
          content  = "new\\n"
        }
        """);
    CliRun plan = kplan("plan");
    assertTrue(plan.out().contains("# (imported from \"out/a.txt\")"), plan.out());
    assertTrue(plan.out().contains("Plan: 1 to import, 1 to add, 0 to change, 1 to destroy."), plan.out());
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    assertEquals("new\n", Files.readString(dir.resolve("out/a.txt")));
    assertTrue(kplan("plan").out().contains("No changes."));
  }

  @Test
  void importingWhatDoesNotExistIsADiagnosticAtTheImportBlock() throws IOException {
    write("""
        import {
          to = local_file.ghost
          id = "out/ghost.txt"
        }
        resource "local_file" "ghost" {
          filename = "out/ghost.txt"
          content  = "x"
        }
        import {
          to = local_file.nowhere
          id = "x"
        }
        """);
    CliRun r = kplan("plan");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.err().contains("Error: Configuration for import target does not exist"), r.err());
    assertTrue(r.err().contains("on main.kp.hcl line 9"), r.err());
    write("""
        import {
          to = local_file.ghost
          id = "out/ghost.txt"
        }
        resource "local_file" "ghost" {
          filename = "out/ghost.txt"
          content  = "x"
        }
        """);
    r = kplan("plan");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.err().contains("Error: Cannot import non-existent file"), r.err());
    assertTrue(r.err().contains("on main.kp.hcl line 1"), r.err());
  }

  @Test
  void aRemovedBlockForgetsTheObjectOrDestroysItWhenAsked() throws IOException {
    write("""
        resource "local_file" "keep" {
          filename = "out/keep.txt"
          content  = "keep"
        }
        resource "local_file" "drop" {
          filename = "out/drop.txt"
          content  = "drop"
        }
        """);
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    write("""
        removed {
          from = local_file.keep
          lifecycle {
            destroy = false
          }
        }
        removed {
          from = local_file.drop
          lifecycle {
            destroy = true
          }
        }
        """);
    CliRun plan = kplan("plan");
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.out().contains("  # local_file.keep will no longer be managed by kplan\n"), plan.out());
    assertTrue(plan.out().contains("  # local_file.drop will be destroyed"), plan.out());
    assertTrue(plan.out().contains("Plan: 0 to add, 0 to change, 1 to destroy, 1 to forget."), plan.out());
    CliRun r = kplan("apply", "-auto-approve");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(Files.exists(dir.resolve("out/keep.txt")), "forgotten, not destroyed");
    assertFalse(Files.exists(dir.resolve("out/drop.txt")));
    assertTrue(kplan("plan").out().contains("No changes."));
  }

  @Test
  void aRemovedBlockForAResourceStillConfiguredIsAnError() throws IOException {
    write("""
        resource "local_file" "keep" {
          filename = "out/keep.txt"
          content  = "keep"
        }
        removed {
          from = local_file.keep
          lifecycle {
            destroy = false
          }
        }
        """);
    CliRun r = kplan("plan");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.err().contains("Error: Removed resource still exists"), r.err());
  }

  @Test
  void anOldObjectThatCannotBeDestroyedStaysDeposedAndTheNextPlanDestroysIt() throws IOException {
    write("""
        variable "name" {}
        resource "local_file" "f" {
          filename = "out/${var.name}.txt"
          content  = "x"
          lifecycle {
            create_before_destroy = true
          }
        }
        """);
    assertEquals(0, kplan("apply", "-auto-approve", "-var", "name=old").exitCode());
    // the old file becomes a non-empty folder, which deleting it cannot remove (without refresh, kplan does not notice)
    Files.delete(dir.resolve("out/old.txt"));
    Files.createDirectories(dir.resolve("out/old.txt"));
    Files.writeString(dir.resolve("out/old.txt/keep"), "in the way");
    CliRun r = kplan("apply", "-auto-approve", "-refresh=false", "-var", "name=new");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.err().contains("Error: Old object left behind"), r.err());
    assertTrue(r.err().contains("kept in the state as deposed object"), r.err());
    assertTrue(Files.exists(dir.resolve("out/new.txt")), "the replacement exists");
    // as Terraform, the lines about the old object name it as deposed
    assertTrue(r.out().matches("(?s).*\nlocal_file\\.f \\(deposed object [0-9a-f]{8}\\): Destroying\\.\\.\\. \\[id=.*"),
        r.out());

    Files.delete(dir.resolve("out/old.txt/keep"));
    Files.delete(dir.resolve("out/old.txt"));
    Files.writeString(dir.resolve("out/old.txt"), "x"); // the old object is still there: refreshing finds it
    CliRun plan = kplan("plan", "-var", "name=new");
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.out().matches("(?s).*  # local_file\\.f \\(deposed object [0-9a-f]{8}\\) will be destroyed\n.*"),
        plan.out());
    assertTrue(plan.out().contains("Plan: 0 to add, 0 to change, 1 to destroy."), plan.out());
    CliRun json = kplan("plan", "-json", "-var", "name=new");
    assertTrue(json.out().matches("(?s).*\"deposed\":\"[0-9a-f]{8}\".*"), json.out());
    CliRun cleanup = kplan("apply", "-auto-approve", "-var", "name=new");
    assertEquals(0, cleanup.exitCode(), cleanup.err());
    assertTrue(cleanup.out().contains("0 added, 0 changed, 1 destroyed."), cleanup.out());
    assertTrue(cleanup.out().matches(
        "(?s).*\nlocal_file\\.f \\(deposed object [0-9a-f]{8}\\): Destruction complete after \\d+s\n.*"),
        cleanup.out());
    assertFalse(Files.exists(dir.resolve("out/old.txt")));
    assertTrue(Files.exists(dir.resolve("out/new.txt")));
    assertTrue(kplan("plan", "-var", "name=new").out().contains("No changes."));
  }

  @Test
  void aDeposedObjectDeletedOutsideKplanIsNotDestroyedButDroppedFromTheState() throws IOException {
    write("""
        variable "name" {}
        resource "local_file" "f" {
          filename = "out/${var.name}.txt"
          content  = "x"
          lifecycle {
            create_before_destroy = true
          }
        }
        """);
    assertEquals(0, kplan("apply", "-auto-approve", "-var", "name=old").exitCode());
    Files.delete(dir.resolve("out/old.txt"));
    Files.createDirectories(dir.resolve("out/old.txt"));
    Files.writeString(dir.resolve("out/old.txt/keep"), "in the way");
    CliRun r = kplan("apply", "-auto-approve", "-refresh=false", "-var", "name=new");
    assertTrue(r.err().contains("kept in the state as deposed object"), r.err());
    // someone removes the old object by hand
    Files.delete(dir.resolve("out/old.txt/keep"));
    Files.delete(dir.resolve("out/old.txt"));

    CliRun plan = kplan("plan", "-var", "name=new");
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.out().contains("No changes."), plan.out());
    assertFalse(plan.out().contains("deposed"), plan.out());
    CliRun json = kplan("plan", "-json", "-var", "name=new");
    assertFalse(json.out().contains("\"deposed\""), json.out());
    CliRun apply = kplan("apply", "-auto-approve", "-var", "name=new");
    assertEquals(0, apply.exitCode(), apply.err());
    assertTrue(apply.out().contains("0 added, 0 changed, 0 destroyed."), apply.out());
    // gone from the state: even without refreshing, nothing is left to destroy
    CliRun after = kplan("plan", "-refresh=false", "-var", "name=new");
    assertTrue(after.out().contains("No changes."), after.out());
  }

  @Test
  void anImportBlockInAChildModuleIsAnError() throws IOException {
    Files.createDirectories(dir.resolve("child"));
    Files.writeString(dir.resolve("child/main.kp.hcl"), """
        import {
          to = local_file.f
          id = "out/f.txt"
        }
        resource "local_file" "f" {
          filename = "out/f.txt"
          content  = "x"
        }
        """);
    write("""
        module "child" {
          source = "./child"
        }
        """);
    CliRun r = kplan("plan");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.err().contains("Error: Invalid import configuration"), r.err());
    assertTrue(r.err().contains("Import blocks are only allowed in the root module."), r.err());
  }
}
