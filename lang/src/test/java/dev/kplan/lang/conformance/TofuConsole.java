package dev.kplan.lang.conformance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Evaluates expressions with a real {@code tofu console} (the differential-test peer) in a temp
 * folder holding an empty configuration. Each expression is sent as {@code jsonencode(<expr>)}.
 *
 * <p>With piped stdin {@code tofu console} evaluates line by line and exits at the first error.
 * So every expression line is followed by a marker line ({@code "\u00a7<index>"}, a plain string
 * literal): output between two markers is that expression's value, and when the process exits
 * early, the expression after the last marker seen is the one that failed (its message is the
 * process's stderr) and a new process starts with the next one. An expression with unbalanced
 * brackets makes the console read on into the following lines; that merged input fails too and
 * is attributed to the same expression, so the mapping stays exact.
 *
 * <p>A restart costs tens of milliseconds, so a first pass wraps each expression in {@code try}
 * with a sentinel fallback: evaluation errors then cost nothing and 3,000 expressions take about
 * a second; only the failures are sent again bare when their messages are wanted. (Checked on the
 * whole corpus: the two passes classify every expression the same way.) Work is split over a few
 * processes in parallel.
 */
public final class TofuConsole {
  /** What {@code tofu console} printed for one expression. */
  public sealed interface Outcome {
    /** A value: {@code json} is the text {@code jsonencode} produced. */
    record Value(String json) implements Outcome {}

    /** An error; {@code message} is OpenTofu's diagnostic text without colours. */
    record Error(String message) implements Outcome {}

    /** A value the console shows only as a placeholder: {@code (sensitive value)} or {@code (known after apply)}. */
    record Opaque(String text) implements Outcome {}
  }

  private static final String MARKER_PREFIX = "\u00a7";
  private static final long PROCESS_TIMEOUT_SECONDS = 120;
  private static final ExecutorService READERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "tofu-console-reader");
            t.setDaemon(true);
            return t;
          });

  private final Path binary;
  private final int parallelism;

  public TofuConsole(Path binary, int parallelism) {
    this.binary = binary;
    this.parallelism = Math.max(1, parallelism);
  }

  /**
   * The peer binary: system property {@code kplan.tofu}, else environment {@code KPLAN_TOFU}, else
   * what {@code scripts/peer-tofu locate} reports (built earlier, never built here).
   */
  public static Optional<Path> locate() {
    String explicit = System.getProperty("kplan.tofu", System.getenv("KPLAN_TOFU"));
    if (explicit != null && !explicit.isBlank()) {
      Path p = Paths.get(explicit);
      return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    Optional<Path> script = projectRoot().map(r -> r.resolve("scripts/peer-tofu")).filter(Files::isExecutable);
    if (script.isEmpty()) {
      return Optional.empty();
    }
    try {
      Process p = new ProcessBuilder(script.get().toString(), "locate").redirectErrorStream(false).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      p.getErrorStream().readAllBytes();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
        return Optional.empty();
      }
      Path bin = Paths.get(out);
      return Files.isExecutable(bin) ? Optional.of(bin) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The repository root: system property {@code kplan.root.dir}, else the nearest parent holding {@code scripts/peer-tofu}. */
  public static Optional<Path> projectRoot() {
    String prop = System.getProperty("kplan.root.dir");
    if (prop != null && Files.isDirectory(Paths.get(prop, "scripts"))) {
      return Optional.of(Paths.get(prop).toAbsolutePath().normalize());
    }
    Path dir = Paths.get("").toAbsolutePath();
    while (dir != null) {
      if (Files.exists(dir.resolve("scripts/peer-tofu"))) {
        return Optional.of(dir);
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  /** The outcome of each expression, in order, with OpenTofu's message for each error. */
  public List<Outcome> evaluate(List<String> expressions) {
    return evaluate(expressions, true);
  }

  /**
   * The outcome of each expression, in order. A first pass sends {@code try(jsonencode(<expr>),
   * "<sentinel>")}, so an expression that fails while evaluating does not end the process; only
   * failures {@code try} cannot catch (syntax errors, undeclared references) cost a restart. With
   * {@code withMessages}, the expressions that failed are sent again bare to collect OpenTofu's
   * message for each (one process per failure); without, their message is {@link #UNREPORTED}.
   */
  public List<Outcome> evaluate(List<String> expressions, boolean withMessages) {
    Path workDir;
    try {
      workDir = Files.createTempDirectory("kplan-tofu-console");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      Outcome[] results = pass(expressions, true, workDir.resolve("screen"));
      if (withMessages) {
        List<Integer> failed = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
          if (results[i] instanceof Outcome.Error e && e.message().equals(UNREPORTED)) {
            failed.add(i);
          }
        }
        Outcome[] bare = pass(failed.stream().map(expressions::get).toList(), false, workDir.resolve("bare"));
        for (int k = 0; k < failed.size(); k++) {
          results[failed.get(k)] = bare[k];
        }
      }
      return Arrays.asList(results);
    } finally {
      deleteTree(workDir);
    }
  }

  /** Message of an error found by the screening pass and not asked for again. */
  public static final String UNREPORTED = "(error; message not collected)";

  private static final String SENTINEL = MARKER_PREFIX + "error";

  private Outcome[] pass(List<String> expressions, boolean screened, Path workDir) {
    Outcome[] results = new Outcome[expressions.size()];
    if (expressions.isEmpty()) {
      return results;
    }
    int shards = Math.min(parallelism, Math.max(1, expressions.size() / 50));
    ExecutorService pool = Executors.newFixedThreadPool(shards);
    try {
      List<Future<?>> futures = new ArrayList<>();
      int size = (expressions.size() + shards - 1) / shards;
      for (int s = 0; s < shards; s++) {
        int from = s * size;
        int to = Math.min(expressions.size(), from + size);
        if (from >= to) {
          continue;
        }
        Path shardDir = Files.createDirectories(workDir.resolve("shard" + s));
        futures.add(pool.submit(() -> evaluateRange(expressions, from, to, results, shardDir, screened)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      return results;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running tofu console", e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("tofu console failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private void evaluateRange(List<String> expressions, int from, int to, Outcome[] results, Path dir, boolean screened) {
    int next = from;
    while (next < to) {
      next = runOnce(expressions, next, to, results, dir, screened);
    }
  }

  /** Runs one console process from expression {@code start}; returns the index to continue at. */
  private int runOnce(List<String> expressions, int start, int end, Outcome[] results, Path dir, boolean screened) {
    StringBuilder input = new StringBuilder();
    for (int i = start; i < end; i++) {
      String expr = expressions.get(i).replace('\n', ' ').replace('\r', ' ');
      if (screened) {
        input.append("try(jsonencode(").append(expr).append("), \"").append(SENTINEL).append("\")\n");
      } else {
        input.append("jsonencode(").append(expr).append(")\n");
      }
      input.append('"').append(MARKER_PREFIX).append(i).append("\"\n");
    }
    ProcessResult run = run(dir, input.toString());

    List<String> pending = new ArrayList<>();
    int done = start; // every expression before this index has its outcome
    for (String line : run.stdout().split("\n", -1)) {
      String marker = markerIndex(line);
      if (marker != null) {
        int idx = Integer.parseInt(marker);
        if (idx != done) {
          // the marker of an earlier expression was swallowed by a merged multi-line input
          throw new IllegalStateException("tofu console output out of step at expression " + done + ": " + line);
        }
        results[idx] = outcomeOf(pending);
        pending.clear();
        done = idx + 1;
      } else if (!line.isEmpty()) {
        pending.add(line);
      }
    }
    if (done >= end) {
      return end;
    }
    if (run.exitCode() == 0) {
      // a trailing unbalanced expression consumed the rest of the input without evaluating
      results[done] = new Outcome.Error("incomplete expression (unbalanced brackets)");
      return done + 1;
    }
    results[done] = new Outcome.Error(errorMessage(run.stderr()));
    return done + 1;
  }

  private static String markerIndex(String line) {
    String prefix = "\"" + MARKER_PREFIX;
    if (line.startsWith(prefix) && line.endsWith("\"") && line.length() > prefix.length() + 1) {
      String digits = line.substring(prefix.length(), line.length() - 1);
      if (digits.chars().allMatch(Character::isDigit)) {
        return digits;
      }
    }
    return null;
  }

  private static Outcome outcomeOf(List<String> lines) {
    if (lines.size() != 1) {
      return new Outcome.Error("unexpected console output: " + String.join("\\n", lines));
    }
    String line = lines.get(0);
    if (line.equals("\"" + SENTINEL + "\"")) {
      return new Outcome.Error(UNREPORTED);
    }
    if (line.startsWith("\"")) {
      return new Outcome.Value(GoQuoted.unquote(line));
    }
    return new Outcome.Opaque(line);
  }

  /**
   * OpenTofu's error diagnostics as {@code "<summary>: <detail>"} (several joined by {@code "; "}),
   * without the source location lines the console prints between them.
   */
  static String errorMessage(String stderr) {
    List<String> messages = new ArrayList<>();
    String summary = null;
    StringBuilder detail = new StringBuilder();
    for (String raw : stderr.split("\n")) {
      String line = raw.replaceFirst("^[\u2577\u2502\u2575]\\s?", "").strip();
      if (line.startsWith("Error: ")) {
        if (summary != null) {
          messages.add(joinMessage(summary, detail));
        }
        summary = line.substring("Error: ".length());
        detail.setLength(0);
      } else if (summary != null
          && !line.isEmpty()
          && !line.startsWith("on <console-input>")
          && !line.equals("(source code not available)")
          && !line.matches("\\d+: .*")
          && !line.matches("[\\s^~]+")) {
        if (detail.length() > 0) {
          detail.append(' ');
        }
        detail.append(line);
      }
    }
    if (summary != null) {
      messages.add(joinMessage(summary, detail));
    }
    return messages.isEmpty() ? stderr.strip() : String.join("; ", messages);
  }

  private static String joinMessage(String summary, StringBuilder detail) {
    return detail.length() == 0 ? summary : summary + ": " + detail;
  }

  private record ProcessResult(int exitCode, String stdout, String stderr) {}

  private ProcessResult run(Path dir, String input) {
    try {
      ProcessBuilder pb = new ProcessBuilder(binary.toString(), "console", "-no-color").directory(dir.toFile());
      pb.environment().put("TF_IN_AUTOMATION", "1");
      pb.environment().put("CHECKPOINT_DISABLE", "1");
      pb.environment().put("TF_CLI_CONFIG_FILE", emptyCliConfig(dir).toString());
      pb.environment().remove("TF_LOG");
      Process p = pb.start();
      CompletableFuture<byte[]> out = readAsync(p.getInputStream());
      CompletableFuture<byte[]> err = readAsync(p.getErrorStream());
      try (OutputStream in = p.getOutputStream()) {
        in.write(input.getBytes(StandardCharsets.UTF_8));
      } catch (IOException closedEarly) {
        // the console exits at the first error and closes its stdin: expected
      }
      if (!p.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("tofu console did not finish within " + PROCESS_TIMEOUT_SECONDS + "s");
      }
      return new ProcessResult(
          p.exitValue(),
          new String(out.join(), StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** An empty CLI configuration, so the user's own settings play no part and no warning is printed. */
  private static Path emptyCliConfig(Path dir) throws IOException {
    Path file = dir.resolve("cli-config.tfrc");
    if (!Files.exists(file)) {
      Files.writeString(file, "");
    }
    return file;
  }

  private static CompletableFuture<byte[]> readAsync(InputStream s) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (s) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            s.transferTo(buf);
            return buf.toByteArray();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        },
        READERS);
  }

  private static void deleteTree(Path root) {
    try (var paths = Files.walk(root)) {
      paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a leftover temp folder is harmless
    }
  }
}
