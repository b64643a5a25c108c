package dev.kplan.cli;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.Targetable;
import dev.kplan.engine.states.StateAddresses;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kplan state rm ADDR…}: kplan forgets the objects (they keep existing; the next plan
 * would create them anew). An address that names nothing is an error and nothing is removed.
 */
@Command(name = "rm", description = "Forget objects: remove them from the state without destroying them.")
final class StateRmCommand extends StateSubcommand {
  @Option(names = "-lock-timeout", paramLabel = "DURATION", defaultValue = "0s",
      description = "How long to wait for the state lock (default 0s).")
  String lockTimeout = "0s";

  @Option(names = "-dry-run", description = "Only print what would be removed.")
  boolean dryRun;

  @Parameters(arity = "1..*", paramLabel = "ADDR", description = "Resources, instances or modules to forget.")
  List<String> addresses = new ArrayList<>();

  @Override
  int run(PrintWriter out) throws Failed, StateException {
    List<Targetable> patterns = new ArrayList<>();
    for (String text : addresses) {
      AddressParser.Result<Targetable> p = StateAddresses.parse(text);
      if (!p.ok()) {
        throw new Failed(p.diagnostics());
      }
      patterns.add(p.value());
    }
    try (StateStore store = openExisting(); StateStore.Lock lock = lock(store, "state rm", lockTimeout)) {
      StateSnapshot state = store.read();
      Set<ResourceAddress> chosen = new LinkedHashSet<>();
      for (int i = 0; i < patterns.size(); i++) {
        List<ResourceAddress> found = StateAddresses.select(state, patterns.get(i));
        if (found.isEmpty()) {
          throw new Failed("No matching objects found", "The state holds no object at " + addresses.get(i)
              + "; nothing was removed. \"kplan state list\" shows what it holds.");
        }
        chosen.addAll(found);
      }
      List<StateChange> changes = new ArrayList<>();
      for (ResourceAddress a : chosen) {
        out.println((dryRun ? "Would remove " : "Removed ") + a);
        changes.add(new StateChange.Remove(a.toString()));
      }
      if (!dryRun) {
        StateSnapshot written = lock.writeVersion(who(), "kplan state rm " + String.join(" ", addresses), changes,
            null);
        out.println("Successfully removed " + chosen.size() + " object(s) from the state (version "
            + written.serial() + "). The real objects still exist.");
      }
    }
    out.flush();
    return 0;
  }
}
