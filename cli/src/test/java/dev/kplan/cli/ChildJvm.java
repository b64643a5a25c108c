package dev.kplan.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A class of the test classpath run in a JVM of its own (a real kplan process, or a helper that
 * holds the state lock). Its stdout and stderr are read as one stream of lines; {@link #kill} is
 * {@code kill -9}. JIT and class-data flags keep the start cheap: these processes are short.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final BufferedReader lines;
  private final Writer stdin;
  private final List<String> seen = new ArrayList<>();

  private ChildJvm(Process process) {
    this.process = process;
    this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  static ChildJvm start(Map<String, String> env, Class<?> main, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("KPLAN_LOG");
    pb.environment().putAll(env);
    return new ChildJvm(pb.start());
  }

  /** The next line containing {@code text} (earlier lines are kept for {@link #output}); fails if the child ends first. */
  String expect(String text) throws IOException {
    String line;
    while ((line = lines.readLine()) != null) {
      seen.add(line);
      if (line.contains(text)) {
        return line;
      }
    }
    throw new AssertionError("the child ended (exit " + exitCode() + ") before printing \"" + text + "\":\n"
        + output());
  }

  void send(String line) throws IOException {
    stdin.write(line + "\n");
    stdin.flush();
  }

  /**
   * {@code kill -9} ({@code destroyForcibly} is SIGKILL on Linux), then waits for the process to
   * be gone. Through its handle, so that what it printed before dying can still be read
   * ({@code Process.destroyForcibly} would close the streams).
   */
  void kill() throws InterruptedException {
    process.toHandle().destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the child survived kill -9");
    }
  }

  /** Reads the rest of the output and returns the exit code. */
  int finish() throws IOException, InterruptedException {
    String line;
    while ((line = lines.readLine()) != null) {
      seen.add(line);
    }
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child did not end:\n" + output());
    }
    return process.exitValue();
  }

  /** Every line read so far. */
  String output() {
    return String.join("\n", seen);
  }

  private String exitCode() {
    try {
      return process.waitFor(5, TimeUnit.SECONDS) ? String.valueOf(process.exitValue()) : "still running";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
