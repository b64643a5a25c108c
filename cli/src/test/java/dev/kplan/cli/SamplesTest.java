package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every sample runs as its README says. */
class SamplesTest {
  private static final Path SAMPLES = Path.of(System.getProperty("kplan.root.dir", ".."), "samples");

  @Test
  void quickstartEvaluatesInTheConsoleAsItsReadmeShows() {
    CliRun r = CliRun.run("local.rendered[\"fr\"]\nlocal.file_names\nupper(var.team)\n",
        "-chdir=" + SAMPLES.resolve("quickstart"), "console");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("""
        <<EOT
        BONJOUR from the platform team (French)

        EOT
        tolist([
          "greetings/de.txt",
          "greetings/en.txt",
          "greetings/fr.txt",
        ])
        "PLATFORM"
        """, r.out());
  }

  @Test
  void quickstartIsFormatted() {
    assertEquals(0, CliRun.run("", "-chdir=" + SAMPLES.resolve("quickstart"), "fmt", "-check").exitCode());
  }
}
