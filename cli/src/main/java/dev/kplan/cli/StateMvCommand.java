package dev.kplan.cli;

import dev.kplan.engine.states.StateMoves;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kplan state mv SRC DST}: stored objects move to another address (instance keys, module
 * paths); nothing real is touched. All moves are one new version, written under the lock.
 */
@Command(name = "mv", description = "Move objects in the state to another address.")
final class StateMvCommand extends StateSubcommand {
  @Option(names = "-lock-timeout", paramLabel = "DURATION", defaultValue = "0s",
      description = "How long to wait for the state lock (default 0s).")
  String lockTimeout = "0s";

  @Option(names = "-dry-run", description = "Only print what would move.")
  boolean dryRun;

  @Parameters(index = "0", paramLabel = "SRC", description = "What to move: a resource, instance or module.")
  String source;

  @Parameters(index = "1", paramLabel = "DST", description = "Where to: an address of the same kind.")
  String destination;

  @Override
  int run(PrintWriter out) throws Failed, StateException {
    try (StateStore store = openExisting(); StateStore.Lock lock = lock(store, "state mv", lockTimeout)) {
      StateSnapshot state = store.read();
      StateMoves.Result moves = StateMoves.plan(state, source, destination);
      if (moves.diagnostics().hasErrors()) {
        throw new Failed(moves.diagnostics());
      }
      for (StateMoves.Move m : moves.moves()) {
        out.println((dryRun ? "Would move " : "Move ") + "\"" + m.from() + "\" to \"" + m.to() + "\"");
      }
      if (!dryRun && !moves.moves().isEmpty()) {
        StateSnapshot written = lock.writeVersion(who(), "kplan state mv " + source + " " + destination,
            moves.changes(state), null);
        out.println("Successfully moved " + moves.moves().size() + " object(s). State version " + written.serial()
            + ".");
      }
    }
    out.flush();
    return 0;
  }
}
