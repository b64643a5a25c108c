package dev.kplan.lang.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.console.ConsoleEvaluator;
import dev.kplan.lang.console.ConsoleResult;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.SourceRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Mutated expressions through the whole console path (parse and evaluate): kplan must answer
 * every one with a value or diagnostics, never an internal error, and every diagnostic about the
 * input must point inside it. The seeds are the differential corpus, so every function and
 * construct is exercised with broken arguments.
 */
class EvaluatorFuzzTest {
  private static final List<String> CORPUS = corpus();
  private static final ConsoleEvaluator CONSOLE = ConsoleEvaluator.standard();
  private static final List<String> TOKENS = List.of("(", ")", "[", "]", "{", "}", "\"", "${", "%{", ",", ".",
      "...", "*", "[*]", "?", ":", "=>", "null", "true", "-", "!", "1e400", "0", "-1", "\"x\"", "[]", "{}",
      "var.x", "for", "in", "if", " ", "\\", "é");

  private static List<String> corpus() {
    Path file = Path.of("src/test/resources/differential/corpus.txt");
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<String> mutatedExpressions() {
    Arbitrary<List<Tuple.Tuple3<Integer, Double, String>>> edits = Combinators.combine(
            Arbitraries.integers().between(0, 2), Arbitraries.doubles().between(0, 1), Arbitraries.of(TOKENS))
        .as(Tuple::of).list().ofMinSize(0).ofMaxSize(3);
    return Combinators.combine(Arbitraries.of(CORPUS), edits).as((expr, es) -> {
      StringBuilder sb = new StringBuilder(expr);
      for (Tuple.Tuple3<Integer, Double, String> e : es) {
        int at = Math.max(0, Math.min(sb.length(), (int) (e.get2() * sb.length())));
        switch (e.get1()) {
          case 0 -> sb.insert(at, e.get3());
          case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + at % 5));
          default -> sb.replace(at, Math.min(sb.length(), at + e.get3().length()), e.get3());
        }
      }
      return sb.toString().replace('\n', ' ');
    });
  }

  @Property(tries = 3000, seed = "42")
  void everyMutatedExpressionGetsAValueOrDiagnosticsInsideTheInput(@ForAll("mutatedExpressions") String line) {
    ConsoleResult r = CONSOLE.evaluate(line);
    for (Diagnostic d : r.diagnostics()) {
      assertTrue(!d.summary().equals("Internal error"), () -> "internal error for " + line + ": " + d.detail());
      SourceRange s = d.subject();
      if (s != null && s.file().equals(ConsoleEvaluator.INPUT_NAME)) {
        assertTrue(s.startOffset() >= 0 && s.endOffset() <= line.length(),
            () -> "range " + s + " outside of " + line.length() + " chars: " + line);
      }
    }
  }
}
