package dev.kplan.lang.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kplan.lang.console.ConsoleEvaluator;
import dev.kplan.lang.console.ConsoleResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * kplan against real OpenTofu: every conformance expression and every line of the seeded corpus
 * ({@code src/test/resources/differential/corpus.txt}) goes to {@code tofu console} as
 * {@code jsonencode(<expr>)} and to {@link ConsoleEvaluator}; both must give the same value (or
 * both a sensitive value), or both an error. Differences kplan means to have are listed, each with
 * its reason, in {@code src/test/resources/differential/intended-differences.txt}.
 *
 * <p>The peer is built by {@code scripts/peer-tofu path}. Without it the test is skipped on a
 * developer machine and fails under CI (environment variable {@code CI} set). The agreement
 * figure and every disagreement, grouped by function, go to {@code target/differential-report.txt}.
 */
class DifferentialTofuTest {
  static final Path CORPUS = Paths.get("src/test/resources/differential/corpus.txt");
  static final Path INTENDED = Paths.get("src/test/resources/differential/intended-differences.txt");
  static final Path REPORT = Paths.get("target/differential-report.txt");
  private static final long KPLAN_TIMEOUT_SECONDS = 10;

  /** How the two sides relate for one expression. */
  enum Verdict {
    SAME_VALUE(true),
    BOTH_SENSITIVE(true),
    BOTH_ERROR(true),
    DIFFERENT_VALUE(false),
    DIFFERENT_ORDER(false),
    KPLAN_ERROR_TOFU_VALUE(false),
    KPLAN_VALUE_TOFU_ERROR(false),
    SENSITIVITY(false),
    KPLAN_CRASH(false);

    final boolean agrees;

    Verdict(boolean agrees) {
      this.agrees = agrees;
    }
  }

  record Comparison(String expr, Verdict verdict, String tofu, String kplan) {}

  @Test
  void kplanAgreesWithOpenTofuOnEveryExpression() throws IOException {
    Optional<Path> tofu = TofuConsole.locate();
    if (tofu.isEmpty()) {
      if (System.getenv("CI") != null) {
        fail("the OpenTofu peer is missing: .ci/run must call scripts/peer-tofu path before the tests");
      }
      assumeTrue(false, "OpenTofu peer not built; run scripts/peer-tofu path to enable this test");
    }

    List<String> expressions = expressions();
    Map<String, String> intended = intendedDifferences();

    long t0 = System.nanoTime();
    TofuConsole console = new TofuConsole(tofu.get(), 2);
    List<TofuConsole.Outcome> peer = new ArrayList<>(console.evaluate(expressions, false));
    long tofuMillis = (System.nanoTime() - t0) / 1_000_000;

    t0 = System.nanoTime();
    List<Comparison> raw = new ArrayList<>();
    KplanRunner kplan = new KplanRunner();
    try {
      for (int i = 0; i < expressions.size(); i++) {
        raw.add(compare(expressions.get(i), peer.get(i), kplan.evaluate(expressions.get(i))));
      }
    } finally {
      kplan.close();
    }
    long kplanMillis = (System.nanoTime() - t0) / 1_000_000;
    List<Comparison> comparisons = withTofuMessages(raw, console);

    String report = report(comparisons, intended, tofu.get(), tofuMillis, kplanMillis);
    if (Boolean.getBoolean("kplan.differential.messages")) {
      report = report + errorMessageReport(comparisons, console);
    }
    Files.createDirectories(REPORT.getParent());
    Files.writeString(REPORT, report, StandardCharsets.UTF_8);
    System.out.println(report.lines().limit(4).reduce((a, b) -> a + "\n" + b).orElse(""));

    List<Comparison> unexplained =
        comparisons.stream().filter(c -> !c.verdict().agrees && !intended.containsKey(c.expr())).toList();
    assertTrue(
        unexplained.isEmpty(),
        () -> unexplained.size() + " of " + comparisons.size()
            + " expressions disagree with OpenTofu (details in lang/" + REPORT + "); first ones:\n"
            + unexplained.stream().limit(15).map(DifferentialTofuTest::describe).reduce("", (a, b) -> a + b + "\n"));
  }

  @Test
  void intendedDifferencesEachGiveAReason() throws IOException {
    for (String line : Files.readAllLines(INTENDED, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int sep = line.lastIndexOf(" ## ");
      assertTrue(sep > 0 && !line.substring(sep + 4).isBlank(), "no reason given: " + line);
    }
  }

  /** OpenTofu's message for the errors kplan did not reproduce (bounded: one console process each). */
  static List<Comparison> withTofuMessages(List<Comparison> comparisons, TofuConsole console) {
    List<Integer> wanted = new ArrayList<>();
    for (int i = 0; i < comparisons.size() && wanted.size() < 400; i++) {
      if (comparisons.get(i).verdict() == Verdict.KPLAN_VALUE_TOFU_ERROR) {
        wanted.add(i);
      }
    }
    List<TofuConsole.Outcome> messages = console.evaluate(wanted.stream().map(i -> comparisons.get(i).expr()).toList(), true);
    List<Comparison> out = new ArrayList<>(comparisons);
    for (int k = 0; k < wanted.size(); k++) {
      Comparison c = out.get(wanted.get(k));
      out.set(wanted.get(k), new Comparison(c.expr(), c.verdict(), describe(messages.get(k)), c.kplan()));
    }
    return out;
  }

  /**
   * Not asserted, for routing: where both sides fail, whether kplan's first error reads as
   * OpenTofu's ({@code summary: detail}, whitespace collapsed). Costs one console process per
   * error (about 50 s), so it runs only with {@code -Dkplan.differential.messages=true}.
   */
  static String errorMessageReport(List<Comparison> comparisons, TofuConsole console) {
    List<Comparison> both = comparisons.stream().filter(c -> c.verdict() == Verdict.BOTH_ERROR).toList();
    List<TofuConsole.Outcome> tofu = console.evaluate(both.stream().map(Comparison::expr).toList(), true);
    Map<String, int[]> byFamily = new TreeMap<>();
    StringBuilder details = new StringBuilder();
    int same = 0;
    for (int i = 0; i < both.size(); i++) {
      String t = normalise(describe(tofu.get(i)));
      String k = normalise(both.get(i).kplan());
      int[] counts = byFamily.computeIfAbsent(family(both.get(i).expr()), f -> new int[2]);
      if (k.startsWith(t) || t.startsWith(k)) {
        same++;
        counts[0]++;
      } else {
        counts[1]++;
        details.append("  ").append(both.get(i).expr()).append("\n      tofu:  ").append(abbreviate(t))
            .append("\n      kplan: ").append(abbreviate(k)).append('\n');
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("%nerror messages where both fail: %d of %d read the same%n", same, both.size()));
    sb.append(String.format("%-22s %6s %9s%n", "family", "same", "different"));
    byFamily.entrySet().stream()
        .sorted((x, y) -> Integer.compare(y.getValue()[1], x.getValue()[1]))
        .forEach(e -> sb.append(String.format("%-22s %6d %9d%n", e.getKey(), e.getValue()[0], e.getValue()[1])));
    return sb.append("\nmessages that differ:\n").append(details).toString();
  }

  private static String normalise(String message) {
    return message.replaceAll("\\s+", " ").strip();
  }

  /** Conformance expressions first, then the corpus; each once. */
  static List<String> expressions() throws IOException {
    Set<String> all = new LinkedHashSet<>();
    ConformanceData.expressions().forEach(l -> all.add(l.expr()));
    for (String line : Files.readAllLines(CORPUS, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        all.add(line);
      }
    }
    return new ArrayList<>(all);
  }

  /** {@code <expression> ## <reason>} per line; {@code #} starts a comment line. */
  static Map<String, String> intendedDifferences() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(INTENDED, StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int sep = line.lastIndexOf(" ## ");
      if (sep > 0) {
        out.put(line.substring(0, sep).strip(), line.substring(sep + 4).strip());
      }
    }
    return out;
  }

  static Comparison compare(String expr, TofuConsole.Outcome tofu, KplanOutcome kplan) {
    String tofuText = describe(tofu);
    if (kplan instanceof KplanOutcome.Crash c) {
      return new Comparison(expr, Verdict.KPLAN_CRASH, tofuText, c.message());
    }
    ConsoleResult result = ((KplanOutcome.Result) kplan).result();
    String kplanText = result instanceof ConsoleResult.Failure f
        ? "error: " + String.join("; ", f.messages())
        : ((ConsoleResult.Success) result).value().hasMarksDeep() ? "(sensitive value) " + result.toJsonLine() : result.toJsonLine();
    if (tofu instanceof TofuConsole.Outcome.Error) {
      return new Comparison(expr, result instanceof ConsoleResult.Failure ? Verdict.BOTH_ERROR : Verdict.KPLAN_VALUE_TOFU_ERROR, tofuText, kplanText);
    }
    if (result instanceof ConsoleResult.Failure) {
      return new Comparison(expr, Verdict.KPLAN_ERROR_TOFU_VALUE, tofuText, kplanText);
    }
    ConsoleResult.Success ok = (ConsoleResult.Success) result;
    boolean kplanSensitive = ok.value().hasMarksDeep();
    if (tofu instanceof TofuConsole.Outcome.Opaque o) {
      boolean tofuSensitive = o.text().equals("(sensitive value)");
      if (tofuSensitive && kplanSensitive) {
        return new Comparison(expr, Verdict.BOTH_SENSITIVE, tofuText, kplanText);
      }
      return new Comparison(expr, tofuSensitive ? Verdict.SENSITIVITY : Verdict.DIFFERENT_VALUE, tofuText, kplanText);
    }
    if (kplanSensitive) {
      return new Comparison(expr, Verdict.SENSITIVITY, tofuText, kplanText);
    }
    String tofuJson = ((TofuConsole.Outcome.Value) tofu).json();
    String kplanJson = ok.toJsonLine();
    JsonNode a = JsonEquivalence.parse(tofuJson);
    JsonNode b = JsonEquivalence.parse(kplanJson);
    if (JsonEquivalence.equivalent(a, b, false)) {
      return new Comparison(expr, Verdict.SAME_VALUE, tofuText, kplanText);
    }
    return new Comparison(expr, sameIgnoringOrder(a, b) ? Verdict.DIFFERENT_ORDER : Verdict.DIFFERENT_VALUE, tofuText, kplanText);
  }

  /** True when the two differ only in the order of array elements, at any depth. */
  static boolean sameIgnoringOrder(JsonNode a, JsonNode b) {
    return JsonEquivalence.equivalent(canonical(a), canonical(b), false);
  }

  private static JsonNode canonical(JsonNode n) {
    if (n.isArray()) {
      List<JsonNode> items = new ArrayList<>();
      n.forEach(e -> items.add(canonical(e)));
      items.sort((x, y) -> JsonEquivalence.write(x).compareTo(JsonEquivalence.write(y)));
      tools.jackson.databind.node.ArrayNode arr = tools.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
      items.forEach(arr::add);
      return arr;
    }
    if (n.isObject()) {
      tools.jackson.databind.node.ObjectNode obj = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        obj.set(e.getKey(), canonical(e.getValue()));
      }
      return obj;
    }
    return n;
  }

  private static String describe(TofuConsole.Outcome o) {
    if (o instanceof TofuConsole.Outcome.Value v) {
      return v.json();
    }
    if (o instanceof TofuConsole.Outcome.Error e) {
      return "error: " + e.message();
    }
    return ((TofuConsole.Outcome.Opaque) o).text();
  }

  private static String describe(Comparison c) {
    return "  " + c.expr() + "\n      tofu:  " + abbreviate(c.tofu()) + "\n      kplan: " + abbreviate(c.kplan());
  }

  private static String abbreviate(String s) {
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }

  private static final Pattern CALL = Pattern.compile("^([a-z][a-z0-9_]*)\\(");

  /** What an expression mainly exercises: its outermost function, else the language construct. */
  static String family(String expr) {
    Matcher m = CALL.matcher(expr);
    if (m.find()) {
      return m.group(1);
    }
    if (expr.startsWith("[for ") || expr.startsWith("{for ")) {
      return "(for expression)";
    }
    if (expr.startsWith("\"") && (expr.contains("${") || expr.contains("%{"))) {
      return "(template)";
    }
    if (expr.contains("[*]") || expr.contains(".*")) {
      return "(splat)";
    }
    if (expr.contains(" ? ")) {
      return "(conditional)";
    }
    if (expr.matches(".*\\s(==|!=|<=|>=|<|>|&&|\\|\\|)\\s.*") || expr.startsWith("!") || expr.startsWith("-")) {
      return "(comparison/logic)";
    }
    if (expr.matches(".*\\s[-+*/%]\\s.*")) {
      return "(arithmetic)";
    }
    if (expr.matches(".*[\\]}\"a-z0-9)](\\[|\\.[a-z0-9]).*")) {
      return "(index/attribute)";
    }
    return "(literal)";
  }

  static String report(List<Comparison> all, Map<String, String> intended, Path tofu, long tofuMillis, long kplanMillis) {
    long agree = all.stream().filter(c -> c.verdict().agrees).count();
    long excused = all.stream().filter(c -> !c.verdict().agrees && intended.containsKey(c.expr())).count();
    long disagree = all.size() - agree - excused;
    Map<String, int[]> byFamily = new TreeMap<>();
    Map<Verdict, Integer> byVerdict = new TreeMap<>();
    Map<String, List<Comparison>> disagreements = new TreeMap<>();
    for (Comparison c : all) {
      String f = family(c.expr());
      int[] counts = byFamily.computeIfAbsent(f, k -> new int[3]);
      counts[0]++;
      byVerdict.merge(c.verdict(), 1, Integer::sum);
      if (c.verdict().agrees) {
        counts[1]++;
      } else if (!intended.containsKey(c.expr())) {
        counts[2]++;
        disagreements.computeIfAbsent(f, k -> new ArrayList<>()).add(c);
      }
    }
    StringBuilder sb = new StringBuilder();
    sb.append(String.format("differential test against OpenTofu: %d expressions, %d agree (%.1f%%), %d disagree, %d intended differences%n",
        all.size(), agree, 100.0 * agree / Math.max(1, all.size()), disagree, excused));
    sb.append("peer: ").append(tofu).append(" (").append(tofuMillis).append(" ms), kplan: ").append(kplanMillis).append(" ms\n");
    sb.append("date: ").append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .append(", machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
        .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.arch"))
        .append(", Java ").append(System.getProperty("java.version")).append('\n');
    sb.append("verdicts: ").append(byVerdict).append("\n\n");
    sb.append(String.format("%-22s %6s %6s %9s%n", "family", "total", "agree", "disagree"));
    byFamily.entrySet().stream()
        .sorted((x, y) -> Integer.compare(y.getValue()[2], x.getValue()[2]))
        .forEach(e -> sb.append(String.format("%-22s %6d %6d %9d%n", e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2])));
    sb.append("\ndisagreements by family:\n");
    disagreements.forEach((f, items) -> {
      sb.append("\n== ").append(f).append(" (").append(items.size()).append(")\n");
      for (Comparison c : items) {
        sb.append("  [").append(c.verdict()).append("]\n").append(describe(c)).append('\n');
      }
    });
    List<String> stale = intended.keySet().stream()
        .filter(e -> all.stream().anyMatch(c -> c.expr().equals(e) && c.verdict().agrees))
        .toList();
    if (!stale.isEmpty()) {
      sb.append("\nintended differences that agree today (remove each once it is no longer expected to differ):\n");
      stale.forEach(s -> sb.append("  ").append(s).append('\n'));
    }
    return sb.toString();
  }

  /** kplan's side: a console result, or the fault kplan hit (exception, or no answer in time). */
  sealed interface KplanOutcome {
    record Result(ConsoleResult result) implements KplanOutcome {}

    record Crash(String message) implements KplanOutcome {}
  }

  /** Runs the console evaluator with a time limit per expression, so one runaway cannot hang the test. */
  static final class KplanRunner implements AutoCloseable {
    private final ConsoleEvaluator evaluator = ConsoleEvaluator.standard();
    private ExecutorService worker = newWorker();

    private static ExecutorService newWorker() {
      return Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kplan-differential");
        t.setDaemon(true);
        return t;
      });
    }

    KplanOutcome evaluate(String expr) {
      Future<ConsoleResult> f = worker.submit(() -> evaluator.evaluate(expr));
      try {
        return new KplanOutcome.Result(f.get(KPLAN_TIMEOUT_SECONDS, TimeUnit.SECONDS));
      } catch (TimeoutException e) {
        f.cancel(true);
        worker.shutdownNow();
        worker = newWorker();
        return new KplanOutcome.Crash("no result within " + KPLAN_TIMEOUT_SECONDS + "s");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        return new KplanOutcome.Crash(cause.getClass().getSimpleName() + ": " + cause.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new KplanOutcome.Crash("interrupted");
      }
    }

    @Override
    public void close() {
      worker.shutdownNow();
    }
  }
}
