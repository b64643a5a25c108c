package dev.kplan.cli;

import dev.kplan.engine.states.StateChanges;
import dev.kplan.engine.states.StateDiff;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kplan state rollback N}: writes a new version whose content equals version N, after
 * showing what would then differ from the latest version and asking (unless {@code -auto-approve}).
 * Only the state changes: real objects are never touched, so the next plan shows what the restored
 * state and reality disagree about.
 */
@Command(name = "rollback", description = "Write a new state version equal to an earlier one (real objects untouched).")
final class StateRollbackCommand extends StateSubcommand {
  @Option(names = "-auto-approve", description = "Skip the interactive approval.")
  boolean autoApprove;

  @Option(names = "-lock-timeout", paramLabel = "DURATION", defaultValue = "0s",
      description = "How long to wait for the state lock (default 0s).")
  String lockTimeout = "0s";

  @Parameters(arity = "1", paramLabel = "N", description = "The version to return to.")
  long serial;

  @Override
  int run(PrintWriter out) throws Failed, StateException, IOException {
    try (StateStore store = openExisting(); StateStore.Lock lock = lock(store, "state rollback", lockTimeout)) {
      StateSnapshot current = store.read();
      StateSnapshot target = store.readVersion(serial);
      List<StateDiff.Entry> differ = StateDiff.between(current, target, store.moves(current.serial(), target.serial()));
      String lineage = target.lineage().equals(current.lineage()) ? null : target.lineage();
      if (differ.isEmpty() && lineage == null) {
        out.println("Version " + serial + " holds what the latest version " + current.serial()
            + " holds; nothing to roll back.");
        out.flush();
        return 0;
      }
      out.println("Rolling back to version " + serial + " changes the state (version " + current.serial()
          + ") as follows:");
      out.println();
      out.print(StateDiffCommand.render(differ));
      out.println();
      if (!autoApprove && !OperationOutput.approve(out, "Do you want to roll the state back to version " + serial + "?",
          "kplan will write a new state version equal to version " + serial + ". Real objects are not changed.")) {
        out.println("Rollback cancelled.");
        out.flush();
        return 1;
      }
      StateSnapshot written = lock.writeVersion(who(), "kplan state rollback " + serial,
          StateChanges.between(current, target, moves(differ)), lineage);
      out.println("State rolled back to version " + serial + " as new version " + written.serial() + ".");
    }
    out.flush();
    return 0;
  }

  /** The moves the preview showed: the rollback records them as moves too. */
  private static java.util.Map<String, String> moves(List<StateDiff.Entry> entries) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    for (StateDiff.Entry e : entries) {
      if (e instanceof StateDiff.Moved m) {
        out.put(m.from(), m.to());
      }
    }
    return out;
  }
}
