package dev.kplan.cli;

import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.engine.ops.StateBackends;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.state.MigrationReport;
import dev.kplan.state.StateException;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kplan state migrate -to=URL}: copies the whole store (every version with its history)
 * from the configuration's backend to another (an H2 file or PostgreSQL, either way) and proves
 * the copy by its checksums. A destination that already holds versions is refused unless
 * {@code -force}. The configuration is not edited: the command says what to change.
 */
@Command(name = "migrate", description = "Copy the whole state, with its history, to another backend and verify it.")
public final class StateMigrateCommand implements Callable<Integer> {
  @CommandLine.ParentCommand StateCommand state;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "-to", required = true, paramLabel = "URL",
      description = "Where to copy the state: jdbc:postgresql://HOST:PORT/DB, jdbc:h2:file:PATH or an H2 file path.")
  String to;

  @Option(names = "-force", description = "Replace the versions the destination already holds.")
  boolean force;

  @Option(names = "-lock-timeout", paramLabel = "DURATION", defaultValue = "0s",
      description = "How long to wait for each store's lock (default 0s).")
  String lockTimeout = "0s";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    KplanCommand root = state.root;
    Path dir = root.workDir();
    java.time.Duration timeout = OperationArguments.duration(spec.commandLine(), lockTimeout);
    try {
      String from = StateBackends.location(dir, ConfigLoader.load(dir).settings(), root.environment());
      if (StateBackends.isMissingFile(from, dir)) {
        throw new StateException("There is no state at " + from + " to migrate.");
      }
      try (JdbcStateStore source = JdbcStateStore.at(from, dir, root.environment())) {
        if (!StateBackends.isMissingFile(to, dir) && sameStore(source, to, dir, root)) {
          throw new StateException("The state is already at " + source.where() + ": choose another destination.");
        }
        try (JdbcStateStore destination = JdbcStateStore.at(to, dir, root.environment())) {
          MigrationReport r = source.copyTo(destination, force, who(), timeout);
          out.println("Copied " + r.versions() + " state versions (latest serial " + r.latestSerial() + ", lineage "
              + r.lineage() + ") from " + source.where() + " to " + destination.where()
              + "; every version matches its checksum.");
          out.println();
          out.println(destination.where().startsWith("jdbc:postgresql:")
              ? "To use it, write kplan { state \"postgres\" { url = \"…\" } } or set " + StateBackends.URL_VARIABLE
                  + "; credentials belong in PGPASSWORD or ~/.pgpass."
              : "To use it, write kplan { state \"h2\" { path = \"…\" } } or set " + StateBackends.URL_VARIABLE + ".");
          out.flush();
          return 0;
        }
      }
    } catch (StateException e) {
      OperationOutput.diagnostics(err, Diagnostics.of(Diagnostic.error("Failed to migrate the state", e.getMessage(),
          null)), dir, root.color());
      return 1;
    }
  }

  /** Whether {@code to} names the H2 file {@code source} already is (copying a store onto itself would empty it). */
  private static boolean sameStore(JdbcStateStore source, String to, Path dir, KplanCommand root) {
    if (to.startsWith("jdbc:postgresql:")) {
      return JdbcStateStore.redact(to).equals(source.where());
    }
    String path = to.startsWith("jdbc:h2:file:") ? to.substring("jdbc:h2:file:".length()) : to;
    int semicolon = path.indexOf(';');
    Path file = dir.resolve(semicolon < 0 ? path : path.substring(0, semicolon)).toAbsolutePath().normalize();
    String name = file.getFileName().toString();
    Path db = name.endsWith(".mv.db") ? file : file.resolveSibling(name + ".mv.db");
    return db.toString().equals(source.where());
  }

  private static String who() {
    String user = System.getProperty("user.name", "kplan");
    try {
      return user + "@" + InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return user;
    }
  }
}
