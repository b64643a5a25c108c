package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KplanCommandTest {
  @Test
  void helpListsTheCommands() {
    CliRun r = CliRun.run("", "--help");
    assertEquals(0, r.exitCode());
    for (String c : new String[] {"plan", "apply", "destroy", "output", "console", "fmt", "graph", "version", "completion"}) {
      assertTrue(r.out().contains(c), r.out());
    }
  }

  @Test
  void versionNamesKplan() {
    assertTrue(CliRun.run("", "version").out().startsWith("kplan v"));
  }

  @Test
  void completionPrintsABashScript() {
    assertTrue(CliRun.run("", "completion", "bash").out().contains("complete -F"));
  }

  @Test
  void anUnknownCommandIsAUsageErrorWithASuggestion() {
    CliRun r = CliRun.run("", "consol");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("Did you mean") || r.err().contains("console"), r.err());
  }

  @Test
  void aMissingChdirFolderIsAUsageError() {
    CliRun r = CliRun.run("", "-chdir=/no/such/folder", "console");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("no such directory"), r.err());
  }
}
