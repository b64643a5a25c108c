package dev.kplan.cli;

import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.engine.ops.StateBackends;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.state.LockInfo;
import dev.kplan.state.StateException;
import dev.kplan.state.StateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kplan force-unlock LOCK_ID}: removes a state lock whose holder died where kplan cannot
 * see it (another host). Asks first unless {@code -force}; a lock with another ID is left alone.
 */
@Command(name = "force-unlock", description = "Remove a state lock left by a process that died.")
public final class ForceUnlockCommand implements Callable<Integer> {
  @CommandLine.ParentCommand KplanCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "-force", description = "Do not ask for confirmation.")
  boolean force;

  @Parameters(arity = "1", paramLabel = "LOCK_ID", description = "The lock's ID, as the lock error names it.")
  String lockId;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = root.workDir();
    String location;
    try {
      location = StateBackends.location(dir, ConfigLoader.load(dir).settings(), root.environment());
    } catch (StateException e) {
      fail(err, "Failed to use the state", e.getMessage());
      return 1;
    }
    if (StateBackends.isMissingFile(location, dir)) {
      fail(err, "No state", "There is no state at " + dir.relativize(dir.resolve(location))
          + ", so there is no lock to remove.");
      return 1;
    }
    // the backend the configuration or KPLAN_STATE_URL names, and the selected workspace (each has its own lock)
    try (StateStore store = StateBackends.openWorkspace(location, dir, root.environment(), null)) {
      Optional<LockInfo> holder = store.lockHolder();
      if (holder.isEmpty() || !holder.get().id().equals(lockId)) {
        store.forceUnlock(lockId); // names the lock that is there, if any
      }
      LockInfo h = holder.get();
      if (!force) {
        boolean yes = OperationOutput.approve(out, "Do you really want to force-unlock?",
            "The lock " + h.id() + " is held by " + h.owner() + " for \"" + h.operation() + "\" since " + h.created()
                + ".\n  Removing it while that process still runs can let two writers corrupt the state.");
        if (!yes) {
          out.println("force-unlock cancelled.");
          out.flush();
          return 1;
        }
      }
      store.forceUnlock(lockId);
      out.println("kplan state has been successfully unlocked!");
      out.println();
      out.println("The state has been unlocked, and kplan commands should now be able to obtain a new lock.");
    } catch (StateException e) {
      fail(err, "Failed to unlock the state", e.getMessage());
      return 1;
    }
    out.flush();
    return 0;
  }

  private void fail(PrintWriter err, String summary, String detail) {
    OperationOutput.diagnostics(err, Diagnostics.of(Diagnostic.error(summary, detail, null)), root.workDir(),
        root.color());
  }
}
