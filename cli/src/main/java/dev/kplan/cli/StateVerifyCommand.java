package dev.kplan.cli;

import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.engine.ops.StateBackends;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.state.StateException;
import dev.kplan.state.VersionCheck;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kplan state verify}: recomputes every version's SHA-256 and compares it with the one
 * recorded when the version was committed. Prints one line per version on stdout and a diagnostic
 * per failure on stderr; exits 1 when any version fails. Reads only: nothing is repaired.
 */
@Command(name = "verify", description = "Check every state version against its recorded checksum.")
public final class StateVerifyCommand implements Callable<Integer> {
  @CommandLine.ParentCommand StateCommand state;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    KplanCommand root = state.root;
    Path dir = root.workDir();
    List<VersionCheck> checks;
    String where;
    try {
      String location = StateBackends.location(dir, ConfigLoader.load(dir).settings(), root.environment());
      if (StateBackends.isMissingFile(location, dir)) {
        out.println("No state: nothing to verify.");
        out.flush();
        return 0;
      }
      // the selected workspace; checksums cover the stored (encrypted) text, so no passphrase is needed
      try (JdbcStateStore store = StateBackends.openWorkspace(location, dir, root.environment(), null)) {
        where = store.where();
        checks = store.verify();
      }
    } catch (StateException e) {
      OperationOutput.diagnostics(err, Diagnostics.of(Diagnostic.error("Failed to verify the state", e.getMessage(),
          null)), dir, root.color());
      return 1;
    }
    List<Diagnostic> failures = new ArrayList<>();
    for (VersionCheck c : checks) {
      String sum = c.checksum() == null ? "-" : "sha256:" + c.checksum();
      out.println(c.serial() + "  " + c.outcome().name().toLowerCase(java.util.Locale.ROOT) + "  " + sum);
      if (c.outcome() == VersionCheck.Outcome.FAILED) {
        failures.add(Diagnostic.error("State version " + c.serial() + " fails verification", c.message()
            + " kplan changed nothing.", null));
      }
    }
    if (failures.isEmpty()) {
      out.println(checks.isEmpty() ? "No state at " + where + ": nothing to verify (no version was written yet)."
          : "All " + checks.size() + " state versions at " + where + " match their checksums.");
      out.flush();
      return 0;
    }
    out.flush();
    OperationOutput.diagnostics(err, Diagnostics.of(failures), dir, root.color());
    err.println(failures.size() + " of " + checks.size() + " state versions at " + where + " failed verification.");
    err.flush();
    return 1;
  }
}
