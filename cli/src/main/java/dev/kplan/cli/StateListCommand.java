package dev.kplan.cli;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.Targetable;
import dev.kplan.engine.states.StateAddresses;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kplan state list [-id ID] [ADDR…]}: the address of every stored object, in address
 * order; with addresses, only the objects they name (a resource names all its instances, a module
 * everything in and below it), with {@code -id} only objects whose {@code id} attribute is ID.
 */
@Command(name = "list", description = "List the objects in the state.")
final class StateListCommand extends StateSubcommand {
  /** Built on first use: picocli creates every command when kplan starts, and most runs never need JSON here. */
  private static final class Json {
    static final JsonMapper MAPPER = JsonMapper.builder().build();
  }

  @Option(names = "-id", paramLabel = "ID", description = "Only objects whose id attribute is ID.")
  String id;

  @Option(names = "-serial", paramLabel = "N", description = "List version N of the state instead of the latest.")
  Long serial;

  @Parameters(arity = "0..*", paramLabel = "ADDR", description = "Only objects these addresses name.")
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
    StateStore any = openIfAny();
    if (any == null) {
      return 0; // nothing stored: nothing to list
    }
    try (StateStore store = any) {
      OptionalLong version = serial == null ? OptionalLong.empty() : OptionalLong.of(serial);
      // without -id only the addresses are read, not every object's attributes
      StateSnapshot state = id == null ? null : serial == null ? store.read() : store.readVersion(serial);
      List<ResourceAddress> all = state != null ? StateAddresses.all(state)
          : StateAddresses.parseAll(store.addresses(version));
      // one write: the command line's writer flushes at every line, a system call each
      StringBuilder text = new StringBuilder(all.size() * 32);
      for (ResourceAddress a : all) {
        if (!patterns.isEmpty() && patterns.stream().noneMatch(p -> p.contains(a))) {
          continue;
        }
        if (state != null && !id.equals(idOf(state.resources().get(a.toString()).attributesJson()))) {
          continue;
        }
        text.append(a).append(System.lineSeparator());
      }
      out.print(text);
    }
    out.flush();
    return 0;
  }

  private static String idOf(String attributesJson) {
    JsonNode id = Json.MAPPER.readTree(attributesJson).get("id");
    return id == null || id.isNull() ? null : id.asString();
  }
}
