package dev.kplan.lang.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.kplan.lang.console.ConsoleEvaluator;
import dev.kplan.lang.console.ConsoleResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every line of the shared {@code conformance/expressions.jsonl} through {@link ConsoleEvaluator},
 * the path {@code kplan console -json} takes: the value must equal the documented JSON (numbers
 * with a small tolerance, sets as multisets), and a documented failure must fail. Failing lines
 * are also written, grouped by function, to {@code target/conformance-report.txt}.
 */
class ConformanceExpressionsTest {

  /**
   * Lines whose documented result is believed wrong, with the reason. Every line was checked
   * against OpenTofu 1.10 (see {@code docs/conformance.md}): all that it can evaluate agree with
   * the docs, so nothing is excused here today.
   */
  static final Map<String, String> BELIEVED_WRONG_IN_DOCS = Map.of();

  private static final ConsoleEvaluator EVALUATOR = ConsoleEvaluator.standard();
  private static final Map<Integer, String> FAILURES = new ConcurrentHashMap<>();
  private static final Map<Integer, ConformanceData.Line> LINES = new ConcurrentHashMap<>();

  @TestFactory
  Stream<DynamicTest> documentedExpressionsEvaluateAsDocumented() {
    return ConformanceData.expressions().stream()
        .filter(l -> !BELIEVED_WRONG_IN_DOCS.containsKey(l.expr()))
        .map(l -> DynamicTest.dynamicTest("L" + l.number() + " " + l.expr(), () -> check(l)));
  }

  @TestFactory
  Stream<DynamicTest> excusedLinesStillDisagreeWithTheDocs() {
    return ConformanceData.expressions().stream()
        .filter(l -> BELIEVED_WRONG_IN_DOCS.containsKey(l.expr()))
        .map(l -> DynamicTest.dynamicTest("L" + l.number() + " excused: " + l.expr(), () -> {
          String problem = problem(l, EVALUATOR.evaluate(l.expr()));
          assertTrue(problem != null, "now matches the docs; remove it from BELIEVED_WRONG_IN_DOCS");
        }));
  }

  private static void check(ConformanceData.Line line) {
    LINES.put(line.number(), line);
    ConsoleResult result = EVALUATOR.evaluate(line.expr());
    String problem = problem(line, result);
    if (problem != null) {
      FAILURES.put(line.number(), problem);
      fail(problem);
    }
  }

  /** Why {@code result} does not match the line, or null when it does. */
  static String problem(ConformanceData.Line line, ConsoleResult result) {
    if (line.error()) {
      return result instanceof ConsoleResult.Failure ? null : "expected an error, got " + result.toJsonLine();
    }
    if (result instanceof ConsoleResult.Failure f) {
      return "expected " + line.expectedJson() + ", got error " + String.join("; ", f.messages());
    }
    String actual = result.toJsonLine();
    return JsonEquivalence.equivalent(line.expectedJson(), actual, line.unordered())
        ? null
        : "expected " + line.expectedJson() + ", got " + actual;
  }

  @AfterAll
  static void writeReport() throws IOException {
    Map<String, List<String>> byFamily = new TreeMap<>();
    FAILURES.forEach((n, problem) -> {
      ConformanceData.Line l = LINES.get(n);
      byFamily.computeIfAbsent(family(l), k -> new ArrayList<>()).add("  L" + n + " " + l.expr() + "\n      " + problem);
    });
    StringBuilder sb = new StringBuilder();
    sb.append("conformance expressions: ").append(LINES.size() - FAILURES.size()).append(" of ").append(LINES.size())
        .append(" pass\n");
    byFamily.forEach((family, items) -> {
      sb.append(family).append(" (").append(items.size()).append(" failing)\n");
      items.stream().sorted().forEach(i -> sb.append(i).append('\n'));
    });
    Path out = Paths.get("target/conformance-report.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
    System.out.println(sb.toString().lines().limit(1).findFirst().orElse(""));
  }

  /** The function a line documents ({@code functions/lower.mdx} → {@code lower}), else its source page. */
  static String family(ConformanceData.Line l) {
    String s = l.source();
    int slash = s.lastIndexOf('/');
    int dot = s.lastIndexOf('.');
    return slash >= 0 && dot > slash ? s.substring(slash + 1, dot) : s;
  }
}
