package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every sample runs as its README says. */
class SamplesTest {
  private static final Path SAMPLES = Path.of(System.getProperty("kplan.root.dir", ".."), "samples");

  /**
   * The samples this class runs; a new sample needs its test here. Those that need a cluster are run end to end
   * by an integration test against the sandbox ({@code kubernetes}: {@link KubernetesSampleIT}, {@code aws}:
   * {@link AwsSampleIT}, {@code platform}: {@link PlatformSampleIT}); here they are only checked offline.
   */
  private static final java.util.Set<String> RUN_HERE = java.util.Set.of("quickstart", "kubernetes", "aws", "platform");

  @Test
  void everySampleHasAReadmeAndIsRunByThisTest() throws IOException {
    java.util.Set<String> samples = new java.util.TreeSet<>();
    try (java.util.stream.Stream<Path> s = Files.list(SAMPLES)) {
      s.filter(Files::isDirectory).forEach(p -> samples.add(p.getFileName().toString()));
    }
    for (String sample : samples) {
      Path readme = SAMPLES.resolve(sample).resolve("README.md");
      assertTrue(Files.isRegularFile(readme), sample + " has no README.md");
      assertTrue(Files.readString(readme).contains("./kplan -chdir=samples/" + sample), sample + "'s README shows no command");
    }
    assertEquals(new java.util.TreeSet<>(RUN_HERE), samples, "samples without a test here (or tests of missing samples)");
  }

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
  void kubernetesIsFormattedAndValid() {
    assertEquals(0, CliRun.run("", "-chdir=" + SAMPLES.resolve("kubernetes"), "fmt", "-check").exitCode());
    CliRun valid = CliRun.run("", "-chdir=" + SAMPLES.resolve("kubernetes"), "-no-color", "validate");
    assertEquals(0, valid.exitCode(), valid.out() + valid.err());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"aws", "platform"})
  void cloudSamplesAreFormattedAndValid(String sample) {
    assertEquals(0, CliRun.run("", "-chdir=" + SAMPLES.resolve(sample), "fmt", "-check").exitCode());
    CliRun valid = CliRun.run("", "-chdir=" + SAMPLES.resolve(sample), "-no-color", "validate");
    assertEquals(0, valid.exitCode(), valid.out() + valid.err());
  }

  @Test
  void quickstartIsFormatted() {
    assertEquals(0, CliRun.run("", "-chdir=" + SAMPLES.resolve("quickstart"), "fmt", "-check").exitCode());
  }

  @Test
  void quickstartAppliesThenDetectsAHandEditThenDestroysAsItsReadmeShows(@TempDir Path dir) throws IOException {
    // a copy: the sample folder itself stays free of state and generated files
    Files.copy(SAMPLES.resolve("quickstart/main.kp.hcl"), dir.resolve("main.kp.hcl"));
    String chdir = "-chdir=" + dir;

    CliRun applied = CliRun.run("", chdir, "-no-color", "apply", "-auto-approve");
    assertEquals(0, applied.exitCode(), applied.err());
    assertTrue(applied.out().contains("Apply complete! Resources: 5 added, 0 changed, 0 destroyed."), applied.out());
    assertTrue(applied.out().contains("files = [\n  \"greetings/de.txt\",\n  \"greetings/en.txt\",\n  \"greetings/fr.txt\",\n]"),
        applied.out());
    assertEquals("BONJOUR from the platform team (French)\n", Files.readString(dir.resolve("greetings/fr.txt")));

    CliRun clean = CliRun.run("", chdir, "-no-color", "plan", "-detailed-exitcode");
    assertEquals(0, clean.exitCode(), clean.out() + clean.err());
    assertTrue(clean.out().contains("No changes."), clean.out());

    Files.writeString(dir.resolve("greetings/fr.txt"), "edited\n");
    CliRun drift = CliRun.run("", chdir, "-no-color", "plan", "-detailed-exitcode");
    assertEquals(2, drift.exitCode(), drift.err());
    assertTrue(drift.out().contains("# local_file.greeting[\"fr\"] has changed"), drift.out());
    assertTrue(drift.out().contains("Plan: 1 to add, 0 to change, 1 to destroy."), drift.out());

    CliRun fixed = CliRun.run("", chdir, "-no-color", "apply", "-auto-approve");
    assertEquals(0, fixed.exitCode(), fixed.err());
    assertTrue(fixed.out().contains("Apply complete! Resources: 1 added, 0 changed, 1 destroyed."), fixed.out());
    assertEquals("BONJOUR from the platform team (French)\n", Files.readString(dir.resolve("greetings/fr.txt")));
    assertEquals(0, CliRun.run("", chdir, "-no-color", "plan", "-detailed-exitcode").exitCode());

    CliRun destroyed = CliRun.run("", chdir, "-no-color", "destroy", "-auto-approve");
    assertEquals(0, destroyed.exitCode(), destroyed.err());
    assertTrue(destroyed.out().contains("Destroy complete! Resources: 5 destroyed."), destroyed.out());
    assertFalse(Files.exists(dir.resolve("greetings/fr.txt")));
    assertFalse(Files.exists(dir.resolve("greetings/en.txt")));
  }
}
