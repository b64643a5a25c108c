package dev.kplan.provider;

import dev.kplan.lang.value.Value;
import java.util.List;
import java.util.Objects;

/** All stored instances of one resource type, to refresh from the live system in one call. */
public record ReadRequest(String typeName, List<Instance> instances) {
  public ReadRequest {
    Objects.requireNonNull(typeName, "typeName is null");
    instances = List.copyOf(instances);
  }

  /** One instance: its address (for results and diagnostics), its stored state and private data. */
  public record Instance(String address, Value priorState, String privateData) {
    public Instance {
      Objects.requireNonNull(address, "address is null");
      Objects.requireNonNull(priorState, "priorState is null");
    }
  }
}
