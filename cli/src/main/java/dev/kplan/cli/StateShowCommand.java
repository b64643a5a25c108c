package dev.kplan.cli;

import dev.kplan.cli.render.StateRenderer;
import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.Targetable;
import dev.kplan.engine.ops.StateView;
import dev.kplan.engine.states.StateAddresses;
import dev.kplan.engine.states.StoredObjects;
import dev.kplan.lang.value.JsonCodecException;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateException;
import dev.kplan.state.StateStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kplan state show [-serial N] ADDR}: one stored object as a resource block, sensitive
 * values shown as {@code (sensitive value)}; with {@code -serial}, as it was in version N. The
 * object is read by its address alone, however large the state.
 */
@Command(name = "show", description = "Show one object in the state.")
final class StateShowCommand extends StateSubcommand {
  @Option(names = "-serial", paramLabel = "N", description = "Show the object as it was in version N.")
  Long serial;

  @Parameters(arity = "1", paramLabel = "ADDR", description = "The object's address, e.g. local_file.a[\"x\"].")
  String address;

  @Override
  int run(PrintWriter out) throws Failed, StateException {
    AddressParser.Result<Targetable> parsed = StateAddresses.parse(address);
    if (!parsed.ok()) {
      throw new Failed(parsed.diagnostics());
    }
    if (!(parsed.value() instanceof ResourceAddress a)) {
      throw new Failed("Invalid address", "\"" + address + "\" names a module; state show needs the address of one"
          + " object, such as " + address + ".local_file.a.");
    }
    try (StateStore store = openExisting()) {
      OptionalLong version = serial == null ? OptionalLong.empty() : OptionalLong.of(serial);
      if (serial != null) {
        store.readVersion(serial); // a version that does not exist is an error, not an empty result
      }
      Optional<ResourceInstance> found = store.readInstance(a.toString(), version);
      if (found.isEmpty()) {
        List<ResourceAddress> instances = StateAddresses.select(
            serial == null ? store.read() : store.readVersion(serial), a);
        throw new Failed("No instance found for the given address", "The state" + (serial == null ? ""
            : " at version " + serial) + " holds no object at " + a + "." + (instances.isEmpty() ? ""
            : " It holds " + instances.size() + " instance" + (instances.size() == 1 ? "" : "s") + " of it, e.g. "
                + instances.get(0) + "; name one.") + " \"kplan state list\" shows what it holds.");
      }
      StateView.Instance instance;
      try (StoredObjects objects = new StoredObjects()) {
        instance = objects.decode(found.get());
      } catch (JsonCodecException e) {
        throw new Failed("Unreadable object in the state", "The attributes of " + a + " could not be read: "
            + e.getMessage());
      }
      out.print(StateRenderer.render(List.of(instance), Map.of(), root().color()));
    }
    out.flush();
    return 0;
  }
}
