package dev.kplan.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each fixture plan rendered as text and as JSON equals its golden file under
 * {@code golden/plan/}. Run with {@code -Dkplan.golden.update=true} to rewrite the files after an
 * intended change (then review the diff).
 */
class PlanGoldenTest {
  static final String VERSION = "0.1.0-test";
  private static final Path DIR = Path.of("src/test/resources/golden/plan");

  @TestFactory
  Stream<DynamicTest> textMatchesGoldenFile() {
    return PlanFixtures.all().stream().map(f -> DynamicTest.dynamicTest(f.name() + ".txt",
        () -> check(f.name() + ".txt", PlanRenderer.render(f.plan(), f.priorOutputs(), f.schemas(), false))));
  }

  @TestFactory
  Stream<DynamicTest> jsonMatchesGoldenFile() {
    return PlanFixtures.all().stream().map(f -> DynamicTest.dynamicTest(f.name() + ".json",
        () -> check(f.name() + ".json", PlanJson.render(f.plan(), f.priorOutputs(), VERSION, true) + "\n")));
  }

  private static void check(String file, String actual) throws IOException {
    Path p = DIR.resolve(file);
    if (Boolean.getBoolean("kplan.golden.update")) {
      Files.createDirectories(DIR);
      Files.writeString(p, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(p, StandardCharsets.UTF_8), actual, file);
  }
}
