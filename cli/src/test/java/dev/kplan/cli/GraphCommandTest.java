package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphCommandTest {
  @TempDir Path dir;

  @Test
  void printsReferencesAndDependsOnAsDotEdges() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), """
        variable "name" {
          default = "x"
        }
        resource "kplan_data" "a" {
          input = var.name
        }
        resource "kplan_data" "b" {
          input      = kplan_data.a.output
          depends_on = [kplan_data.a]
        }
        """);
    CliRun r = CliRun.run("", "-chdir=" + dir, "graph");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().startsWith("digraph {"), r.out());
    assertTrue(r.out().contains("\"kplan_data.b\" -> \"kplan_data.a\""), r.out());
    assertTrue(r.out().contains("\"kplan_data.a\" -> \"var.name\""), r.out());
  }

  @Test
  void reportsACycleNamingItsMembers() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), """
        resource "kplan_data" "a" {
          input = kplan_data.b.output
        }
        resource "kplan_data" "b" {
          input = kplan_data.a.output
        }
        """);
    CliRun r = CliRun.run("", "-chdir=" + dir, "graph");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("kplan_data.a") && r.err().contains("kplan_data.b"), r.err());
    assertTrue(r.err().toLowerCase().contains("cycle"), r.err());
  }
}
