package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares command output with a golden file under {@code src/test/resources/golden}; with
 * {@code -Dkplan.golden.update=true} writes the file instead (review the diff).
 */
final class Golden {
  private static final Path ROOT = Path.of("src/test/resources/golden");

  private Golden() {}

  static void check(String name, String actual) {
    Path file = ROOT.resolve(name);
    try {
      if (Boolean.getBoolean("kplan.golden.update") || !Files.exists(file)) {
        Files.createDirectories(file.getParent());
        Files.writeString(file, actual);
        if (!Boolean.getBoolean("kplan.golden.update")) {
          throw new AssertionError("golden file " + file + " was missing and has been written; review it and re-run");
        }
        return;
      }
      assertEquals(Files.readString(file), actual, "output differs from " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
