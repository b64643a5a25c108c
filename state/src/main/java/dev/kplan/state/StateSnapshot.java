package dev.kplan.state;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The state at one version: {@code serial} counts versions, {@code lineage} names the state's
 * history (a plan made against one lineage never applies to another). Resources and outputs are
 * keyed by address and name; deposed objects (left by a create_before_destroy whose old object
 * was not destroyed yet) by {@link DeposedObject#id()}.
 */
public record StateSnapshot(long serial, String lineage, Map<String, ResourceInstance> resources,
    Map<String, OutputValue> outputs, Map<String, DeposedObject> deposed) {
  public StateSnapshot {
    Objects.requireNonNull(lineage, "lineage is null");
    resources = Collections.unmodifiableMap(new TreeMap<>(resources));
    outputs = Collections.unmodifiableMap(new TreeMap<>(outputs));
    deposed = Collections.unmodifiableMap(new TreeMap<>(deposed));
  }

  /** A state without deposed objects. */
  public StateSnapshot(long serial, String lineage, Map<String, ResourceInstance> resources,
      Map<String, OutputValue> outputs) {
    this(serial, lineage, resources, outputs, Map.of());
  }

  /** The state before anything was ever applied. */
  public static StateSnapshot empty(String lineage) {
    return new StateSnapshot(0, lineage, Map.of(), Map.of());
  }
}
