package dev.kplan.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;

/** Runs the kplan command line in-process with captured output and a given standard input. */
record CliRun(int exitCode, String out, String err) {
  static CliRun run(String stdin, String... args) {
    return run(Map.of(), stdin, args);
  }

  /** Runs {@code kplan -chdir=DIR -no-color ARGS…} with no environment and empty input. */
  static CliRun in(Path dir, String... args) {
    return in(Map.of(), "", dir, args);
  }

  /** Runs {@code kplan -chdir=DIR -no-color ARGS…} with {@code environment} and {@code stdin}. */
  static CliRun in(Map<String, String> environment, String stdin, Path dir, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "-chdir=" + dir;
    all[1] = "-no-color";
    System.arraycopy(args, 0, all, 2, args.length);
    return run(environment, stdin, all);
  }

  /** Runs with {@code environment} as the only environment variables kplan sees. */
  static synchronized CliRun run(Map<String, String> environment, String stdin, String... args) {
    InputStream previous = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      CommandLine cl = KplanCommand.commandLine(environment);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      int code = cl.execute(args);
      return new CliRun(code, out.toString(), err.toString());
    } finally {
      System.setIn(previous);
    }
  }
}
