package dev.kplan.lang.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kplan.lang.conformance.DifferentialTofuTest.Comparison;
import dev.kplan.lang.conformance.DifferentialTofuTest.KplanRunner;
import dev.kplan.lang.conformance.DifferentialTofuTest.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Hand-picked edge cases of type conversion, unification, set order and the collection, numeric
 * and conversion functions, compared with the OpenTofu peer as {@link DifferentialTofuTest} does.
 * With {@code -Dkplan.differential.messages=true} the report also puts OpenTofu's error message
 * beside kplan's for every expression both reject.
 */
class ConversionDifferentialTest {
  static final Path CORPUS = Paths.get("src/test/resources/differential/conversion-corpus.txt");
  static final Path REPORT = Paths.get("target/conversion-differential-report.txt");

  @Test
  void conversionEdgeCasesAgreeWithOpenTofu() throws IOException {
    Optional<Path> tofu = TofuConsole.locate();
    if (tofu.isEmpty()) {
      if (System.getenv("CI") != null) {
        fail("the OpenTofu peer is missing: .ci/run must call scripts/peer-tofu path before the tests");
      }
      assumeTrue(false, "OpenTofu peer not built; run scripts/peer-tofu path to enable this test");
    }
    List<String> expressions = Files.readAllLines(CORPUS, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    Map<String, String> intended = DifferentialTofuTest.intendedDifferences();
    boolean withMessages = Boolean.getBoolean("kplan.differential.messages");

    long t0 = System.nanoTime();
    TofuConsole console = new TofuConsole(tofu.get(), 2);
    List<TofuConsole.Outcome> peer = console.evaluate(expressions, withMessages);
    long tofuMillis = (System.nanoTime() - t0) / 1_000_000;
    t0 = System.nanoTime();
    List<Comparison> comparisons = new ArrayList<>();
    try (KplanRunner kplan = new KplanRunner()) {
      for (int i = 0; i < expressions.size(); i++) {
        comparisons.add(DifferentialTofuTest.compare(expressions.get(i), peer.get(i), kplan.evaluate(expressions.get(i))));
      }
    }
    long kplanMillis = (System.nanoTime() - t0) / 1_000_000;
    if (!withMessages) {
      comparisons = DifferentialTofuTest.withTofuMessages(comparisons, console);
    }
    StringBuilder report = new StringBuilder(
        DifferentialTofuTest.report(comparisons, intended, tofu.get(), tofuMillis, kplanMillis));
    if (withMessages) {
      report.append("\nerror messages where both fail:\n");
      for (Comparison c : comparisons) {
        if (c.verdict() == Verdict.BOTH_ERROR) {
          report.append("  ").append(c.expr()).append("\n      tofu:  ").append(c.tofu())
              .append("\n      kplan: ").append(c.kplan()).append('\n');
        }
      }
    }
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, report, StandardCharsets.UTF_8);
    List<Comparison> unexplained =
        comparisons.stream().filter(c -> !c.verdict().agrees && !intended.containsKey(c.expr())).toList();
    assertTrue(unexplained.isEmpty(), () -> unexplained.size() + " of " + expressions.size()
        + " expressions disagree with OpenTofu (details in lang/" + REPORT + ")");
  }
}
