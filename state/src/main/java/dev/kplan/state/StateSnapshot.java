package dev.kplan.state;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The state at one version: {@code serial} counts versions, {@code lineage} names the state's
 * history (a plan made against one lineage never applies to another). Resources and outputs are
 * keyed by address and name.
 */
public record StateSnapshot(long serial, String lineage, Map<String, ResourceInstance> resources, Map<String, OutputValue> outputs) {
  public StateSnapshot {
    Objects.requireNonNull(lineage, "lineage is null");
    resources = Collections.unmodifiableMap(new TreeMap<>(resources));
    outputs = Collections.unmodifiableMap(new TreeMap<>(outputs));
  }

  /** The state before anything was ever applied. */
  public static StateSnapshot empty(String lineage) {
    return new StateSnapshot(0, lineage, Map.of(), Map.of());
  }
}
