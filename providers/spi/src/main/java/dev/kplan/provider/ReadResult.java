package dev.kplan.provider;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Value;
import java.util.List;
import java.util.Objects;

/** The live state of each requested instance, in request order. */
public record ReadResult(List<Instance> instances, Diagnostics diagnostics) {
  public ReadResult {
    instances = List.copyOf(instances);
    Objects.requireNonNull(diagnostics, "diagnostics is null");
  }

  /**
   * One instance as it is live: {@code liveState} is a null value when the object no longer
   * exists; {@code attributions} say who changed what, where the provider knows.
   */
  public record Instance(String address, Value liveState, String privateData, List<Attribution> attributions) {
    public Instance {
      Objects.requireNonNull(address, "address is null");
      Objects.requireNonNull(liveState, "liveState is null");
      attributions = List.copyOf(attributions);
    }

    public boolean gone() {
      return liveState.isNull();
    }
  }
}
