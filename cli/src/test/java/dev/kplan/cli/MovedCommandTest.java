package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.StateStore;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code moved} blocks end to end: objects change address without being replaced. */
class MovedCommandTest {
  @TempDir Path dir;

  CliRun kplan(String... args) {
    return CliRun.in(dir, args);
  }

  void write(String text) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), text);
  }

  Set<String> stored() {
    try (StateStore store = JdbcStateStore.h2(JdbcStateStore.defaultFile(dir))) {
      return new TreeSet<>(store.read().resources().keySet());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Applies {@code before}, switches to {@code after}, and returns the plan of the switch. */
  CliRun applyThenPlan(String before, String after) throws IOException {
    write(before);
    CliRun first = kplan("apply", "-auto-approve");
    assertEquals(0, first.exitCode(), first.out() + first.err());
    write(after);
    return kplan("plan");
  }

  @Test
  void aRenamedResourceMovesWithoutReplacementAndTheFileIsUntouched() throws IOException {
    String before = """
        resource "local_file" "a" {
          filename = "note.txt"
          content  = "kept\\n"
        }
        """;
    String after = """
        resource "local_file" "b" {
          filename = "note.txt"
          content  = "kept\\n"
        }
        moved {
          from = local_file.a
          to   = local_file.b
        }
        """;
    CliRun plan = applyThenPlan(before, after);
    Path note = dir.resolve("note.txt");
    FileTime written = FileTime.fromMillis(1_000_000_000L);
    Files.setLastModifiedTime(note, written);
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.out().contains("  # local_file.a has moved to local_file.b\n"), plan.out());
    assertTrue(plan.out().contains("Plan: 0 to add, 0 to change, 0 to destroy."), plan.out());
    assertFalse(plan.out().contains("must be replaced"), plan.out());

    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.out().contains("Apply complete! Resources: 0 added, 0 changed, 0 destroyed."), apply.out());
    assertEquals(Set.of("local_file.b"), stored());
    assertEquals(written, Files.getLastModifiedTime(note), "the file was not written again");
    assertEquals("kept\n", Files.readString(note));

    CliRun again = kplan("plan", "-detailed-exitcode");
    assertEquals(0, again.exitCode(), again.out() + again.err());
    assertTrue(again.out().contains("No changes."), again.out());
  }

  @Test
  void anInstanceMovesToAForEachKey() throws IOException {
    CliRun plan = applyThenPlan("""
        resource "kplan_data" "d" {
          count = 1
          input = "x"
        }
        """, """
        resource "kplan_data" "d" {
          for_each = toset(["x"])
          input    = each.key
        }
        moved {
          from = kplan_data.d[0]
          to   = kplan_data.d["x"]
        }
        """);
    assertTrue(plan.out().contains("  # kplan_data.d[0] has moved to kplan_data.d[\"x\"]\n"), plan.out());
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    assertEquals(Set.of("kplan_data.d[\"x\"]"), stored());
  }

  @Test
  void aResourceMovesIntoAModuleAndChainedMovesEndAtTheLastAddress() throws IOException {
    Files.createDirectories(dir.resolve("files"));
    Files.writeString(dir.resolve("files/main.kp.hcl"), """
        resource "local_file" "x" {
          filename = "moved.txt"
          content  = "same\\n"
        }
        """);
    CliRun plan = applyThenPlan("""
        resource "local_file" "x" {
          filename = "moved.txt"
          content  = "same\\n"
        }
        """, """
        module "files" {
          source = "./files"
        }
        moved {
          from = local_file.x
          to   = local_file.y
        }
        moved {
          from = local_file.y
          to   = module.files.local_file.x
        }
        """);
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.out().contains("  # local_file.x has moved to module.files.local_file.x\n"), plan.out());
    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertEquals(Set.of("module.files.local_file.x"), stored());
    assertTrue(kplan("plan").out().contains("No changes."));

    // and the whole module moves on: module.files → module.docs
    write("""
        module "docs" {
          source = "./files"
        }
        moved {
          from = module.files
          to   = module.docs
        }
        """);
    CliRun renamed = kplan("plan");
    assertTrue(renamed.out().contains("  # module.files.local_file.x has moved to module.docs.local_file.x\n"),
        renamed.out());
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());
    assertEquals(Set.of("module.docs.local_file.x"), stored());
  }

  @Test
  void movesThatCannotBeMadeAreReported() throws IOException {
    CliRun stillThere = applyThenPlan("""
        resource "kplan_data" "a" { input = "a" }
        resource "kplan_data" "b" { input = "b" }
        """, """
        resource "kplan_data" "a" { input = "a" }
        resource "kplan_data" "b" { input = "b" }
        moved {
          from = kplan_data.a
          to   = kplan_data.b
        }
        """);
    assertEquals(1, stillThere.exitCode());
    assertTrue(stillThere.err().contains("Moved object still exists"), stillThere.err());

    write("""
        resource "kplan_data" "b" { input = "b" }
        moved {
          from = kplan_data.a
          to   = kplan_data.b
        }
        """);
    CliRun occupied = kplan("plan");
    assertEquals(0, occupied.exitCode(), occupied.err());
    assertTrue(occupied.err().contains("Unresolved resource instance address changes"), occupied.err());
    assertTrue(occupied.err().contains("kplan_data.a could not move to kplan_data.b"), occupied.err());
    assertTrue(occupied.out().contains("# kplan_data.a will be destroyed"), occupied.out());

    write("""
        resource "kplan_data" "c" { input = "c" }
        moved {
          from = kplan_data.a
          to   = kplan_data.b
        }
        moved {
          from = kplan_data.b
          to   = kplan_data.a
        }
        """);
    CliRun cycle = kplan("plan");
    assertEquals(1, cycle.exitCode());
    assertTrue(cycle.err().contains("Cyclic dependency in move statements"), cycle.err());

    write("""
        module "m" {
          source = "./m"
        }
        moved {
          from = kplan_data.a
          to   = module.m
        }
        """);
    Files.createDirectories(dir.resolve("m"));
    Files.writeString(dir.resolve("m/main.kp.hcl"), "");
    CliRun kinds = kplan("plan");
    assertEquals(1, kinds.exitCode());
    assertTrue(kinds.err().contains("the target address must be of the same kind as the origin"), kinds.err());
  }
}
