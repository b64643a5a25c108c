package dev.kplan.cli;

import dev.kplan.state.StateException;
import dev.kplan.state.StateStore;
import dev.kplan.state.StateVersion;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kplan state prune --keep N}: deletes all versions but the newest N (the newest being a
 * version that records the pruning); the versions kept read as before.
 */
@Command(name = "prune", description = "Delete old state versions, keeping the newest N.")
final class StatePruneCommand extends StateSubcommand {
  @Option(names = {"--keep", "-keep"}, paramLabel = "N", required = true, description = "How many versions to keep.")
  int keep;

  @Option(names = "-lock-timeout", paramLabel = "DURATION", defaultValue = "0s",
      description = "How long to wait for the state lock (default 0s).")
  String lockTimeout = "0s";

  @Override
  int run(PrintWriter out) throws Failed, StateException {
    if (keep < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Invalid --keep: must be at least 1, got " + keep);
    }
    try (StateStore store = openExisting(); StateStore.Lock lock = lock(store, "state prune", lockTimeout)) {
      int deleted = 0;
      if (store.history(keep).size() >= keep) {
        // the pruning itself is recorded, as the newest of the versions kept
        lock.writeVersion(who(), "kplan state prune --keep " + keep, List.of(), null);
        deleted = lock.prune(keep);
      }
      List<StateVersion> kept = store.history();
      if (deleted == 0) {
        out.println("Nothing to prune: the state has " + kept.size() + " version(s).");
      } else {
        out.println("Deleted " + deleted + " old version(s); kept versions " + kept.get(kept.size() - 1).serial()
            + " to " + kept.get(0).serial() + ".");
      }
    }
    out.flush();
    return 0;
  }
}
