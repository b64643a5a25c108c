package dev.kplan.engine.states;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.Targetable;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.state.StateSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * Addresses as the state commands take them, with Terraform's matching: a resource address
 * without key names every instance of it, a module address every object in that module instance
 * (or, without key, in every instance of the call) and in the modules below it.
 */
public final class StateAddresses {
  private StateAddresses() {}

  /** {@code text} as a resource, instance or module address; a malformed one is an error naming it. */
  public static AddressParser.Result<Targetable> parse(String text) {
    AddressParser.Result<Targetable> r = Targetable.parse(text);
    if (r.ok() && r.value() != null) {
      return r;
    }
    String why = r.diagnostics().items().isEmpty() ? "" : r.diagnostics().items().get(0).detail();
    return new AddressParser.Result<>(null, Diagnostics.of(Diagnostic.error("Invalid address",
        (why == null || why.isBlank() ? "The address \"" + text + "\" is not valid. " : why + ". ")
            + "Expected a resource address such as local_file.a, local_file.a[0], module.m.local_file.a[\"k\"]"
            + " or a module address such as module.m.", null)));
  }

  /** The stored objects {@code pattern} names, in address order (addresses kplan cannot read are skipped). */
  public static List<ResourceAddress> select(StateSnapshot state, Targetable pattern) {
    List<ResourceAddress> out = new ArrayList<>();
    for (String stored : state.resources().keySet()) {
      AddressParser.Result<ResourceAddress> a = ResourceAddress.parse(stored);
      if (a.ok() && a.value() != null && matches(pattern, a.value())) {
        out.add(a.value());
      }
    }
    out.sort(null);
    return out;
  }

  /** Whether {@code pattern} names {@code instance}. */
  public static boolean matches(Targetable pattern, ResourceAddress instance) {
    return pattern.contains(instance);
  }

  /** The stored address of every object in address order (readable ones only). */
  public static List<ResourceAddress> all(StateSnapshot state) {
    return parseAll(state.resources().keySet());
  }

  /** Stored addresses parsed and in address order (unreadable ones left out). */
  public static List<ResourceAddress> parseAll(java.util.Collection<String> addresses) {
    List<ResourceAddress> out = new ArrayList<>();
    for (String stored : addresses) {
      AddressParser.Result<ResourceAddress> a = ResourceAddress.parse(stored);
      if (a.ok() && a.value() != null) {
        out.add(a.value());
      }
    }
    out.sort(null);
    return out;
  }
}
