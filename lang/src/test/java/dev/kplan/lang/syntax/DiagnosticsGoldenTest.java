package dev.kplan.lang.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.ast.Body;
import dev.kplan.lang.diag.DiagnosticRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Each {@code golden/diagnostics/NAME.kp.hcl} must render, without colour, exactly as
 * {@code NAME.txt}. Run with {@code -Dgolden.update=true} to rewrite the expected files after a
 * deliberate change, then review the diff.
 */
class DiagnosticsGoldenTest {
  static final Path DIR = Path.of("src/test/resources/golden/diagnostics");

  static List<Path> inputs() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".kp.hcl")).sorted().toList();
    }
  }

  static String render(Path input) throws IOException {
    String name = input.getFileName().toString();
    String src = Files.readString(input, StandardCharsets.UTF_8);
    ParseResult<Body> r = Parser.parseFile(src, name);
    return DiagnosticRenderer.plain(Map.of(name, src)).render(r.diagnostics());
  }

  @TestFactory
  Stream<DynamicTest> rendersSyntaxErrorsAsRecorded() throws IOException {
    boolean update = Boolean.getBoolean("golden.update");
    return inputs().stream().map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
      String actual = render(input);
      Path expectedFile = DIR.resolve(input.getFileName().toString().replace(".kp.hcl", ".txt"));
      if (update) {
        Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      }
      assertFalse(actual.isEmpty(), "golden inputs must contain syntax errors");
      assertEquals(Files.readString(expectedFile, StandardCharsets.UTF_8), actual);
    }));
  }

  @Test
  void coversAtLeastTenDistinctSummariesAndOneFileWithSeveralErrors() throws IOException {
    java.util.Set<String> summaries = new java.util.TreeSet<>();
    int mostInOneFile = 0;
    for (Path input : inputs()) {
      String src = Files.readString(input);
      var diags = Parser.parseFile(src, "x").diagnostics();
      diags.forEach(d -> summaries.add(d.summary()));
      mostInOneFile = Math.max(mostInOneFile, diags.size());
    }
    assertTrue(summaries.size() >= 10, summaries::toString);
    assertTrue(mostInOneFile >= 4, "several_errors should report each independent error");
  }
}
