package dev.kplan.cli;

import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.engine.ops.Operations;
import dev.kplan.engine.ops.StateBackends;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.state.LockInfo;
import dev.kplan.state.StateException;
import dev.kplan.state.StateLockedException;
import dev.kplan.state.StateStore;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What every {@code kplan state …} command shares: where the state is (the configuration's
 * {@code kplan} block, else {@code .kplan/state.mv.db}), opening it without creating it, taking
 * the lock for a change, and turning every failure a user can cause into a diagnostic and exit 1.
 */
abstract class StateSubcommand implements Callable<Integer> {
  @CommandLine.ParentCommand StateCommand parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  /** A failure already worded as diagnostics. */
  static final class Failed extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Diagnostics diagnostics;

    Failed(Diagnostics diagnostics) {
      super(diagnostics.items().isEmpty() ? "" : diagnostics.items().get(0).summary(), null, false, false);
      this.diagnostics = diagnostics;
    }

    Failed(String summary, String detail) {
      this(Diagnostics.of(Diagnostic.error(summary, detail, null)));
    }
  }

  @Override
  public final Integer call() throws IOException {
    try {
      return run(spec.commandLine().getOut());
    } catch (Failed f) {
      print(f.diagnostics);
      return 1;
    } catch (StateLockedException e) {
      print(Diagnostics.of(locked(e.holder())));
      return 1;
    } catch (StateException e) {
      print(Diagnostics.of(Diagnostic.error("Failed to use the state", e.getMessage(), null)));
      return 1;
    }
  }

  /** The command's work; prints to {@code out} and returns the exit code. */
  abstract int run(PrintWriter out) throws Failed, StateException, IOException;

  KplanCommand root() {
    return parent.root;
  }

  void print(Diagnostics diags) {
    OperationOutput.diagnostics(spec.commandLine().getErr(), diags, root().workDir(), root().color());
  }

  Path stateFile() {
    Path dir = root().workDir();
    return Operations.stateFile(dir, ConfigLoader.load(dir).settings());
  }

  /**
   * Opens the state if there is one, else null: no state is an H2 file that does not exist (it is
   * not created by looking) or a database whose state has no version yet. Follows {@code
   * KPLAN_STATE_URL} and the {@code kplan} block as every command does.
   */
  StateStore openIfAny() throws StateException {
    Path dir = root().workDir();
    String location = StateBackends.location(dir, ConfigLoader.load(dir).settings(), root().environment());
    if (StateBackends.isMissingFile(location, dir)) {
      return null;
    }
    StateStore store = openOrCreate();
    if (location.startsWith("jdbc:postgresql:") && store.history(1).isEmpty()) {
      store.close();
      return null;
    }
    return store;
  }

  /** Opens the state, which must exist already (nothing is created by looking at it). */
  StateStore openExisting() throws Failed, StateException {
    StateStore store = openIfAny();
    if (store == null) {
      Path dir = root().workDir();
      String location = StateBackends.location(dir, ConfigLoader.load(dir).settings(), root().environment());
      String path = location.startsWith("jdbc:h2:file:")
          ? location.substring("jdbc:h2:file:".length()).replaceAll(";.*", "") : location;
      String where = location.startsWith("jdbc:postgresql:") ? JdbcStateStore.redact(location)
          : dir.relativize(dir.resolve(path)).toString();
      throw new Failed("No state", "There is no state at " + where + ": nothing was applied in this configuration yet.");
    }
    return store;
  }

  /**
   * Opens the state, creating it when missing (for push): the configuration's backend, the selected
   * workspace, and the passphrase of encrypted sensitive values when one is given.
   */
  StateStore openOrCreate() throws StateException {
    Path dir = root().workDir();
    return StateBackends.openSelected(dir, ConfigLoader.load(dir), root().environment());
  }

  static String who() {
    return System.getProperty("user.name", "kplan");
  }

  /** Takes the state lock for {@code operation}, waiting up to {@code lockTimeout}. */
  StateStore.Lock lock(StateStore store, String operation, String lockTimeout) throws StateException {
    Duration timeout = OperationArguments.duration(spec.commandLine(), lockTimeout);
    return store.lock(who(), operation, timeout);
  }

  static Diagnostic locked(LockInfo holder) {
    return Diagnostic.error("Error acquiring the state lock",
        "The state is locked by " + holder.owner() + ".\n\nLock Info:\n  ID:        " + holder.id()
            + "\n  Operation: " + holder.operation() + "\n  Who:       " + holder.owner() + "\n  Created:   "
            + holder.created() + "\n\nkplan acquires a state lock to protect the state from being written by multiple"
            + " users at the same time. Wait for that operation to finish and try again (or raise -lock-timeout);"
            + " if its process died on another host, remove the lock with \"kplan force-unlock " + holder.id()
            + "\".", null);
  }
}
