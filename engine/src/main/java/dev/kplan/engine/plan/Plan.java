package dev.kplan.engine.plan;

import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Value;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plan: the change of every instance (in address order, no-ops included; then the deletions of
 * deposed objects), the drift found by
 * refreshing, the root outputs' planned values (unknown where known only after apply, marked
 * where sensitive), what went wrong, and the serial and lineage of the state it was made against
 * (a saved plan applies only to exactly that state). {@code interrupted}: what the plan found of
 * creates an interrupted apply had started, adopted into the state before planning.
 */
public record Plan(
    PlanMode mode,
    List<ResourceChange> changes,
    List<Drift> drift,
    Map<String, Value> outputs,
    Diagnostics diagnostics,
    long priorSerial,
    String lineage,
    List<InterruptedCreate> interrupted) {
  /** A plan that found no interrupted creates. */
  public Plan(PlanMode mode, List<ResourceChange> changes, List<Drift> drift, Map<String, Value> outputs,
      Diagnostics diagnostics, long priorSerial, String lineage) {
    this(mode, changes, drift, outputs, diagnostics, priorSerial, lineage, List.of());
  }

  /** This plan with the interrupted creates found before it was made, and their diagnostics. */
  public Plan withInterrupted(List<InterruptedCreate> found, Diagnostics more) {
    return new Plan(mode, changes, drift, outputs, more.plus(diagnostics), priorSerial, lineage, found);
  }

  public Plan {
    interrupted = List.copyOf(interrupted);
    Objects.requireNonNull(mode, "mode is null");
    changes = List.copyOf(changes);
    drift = List.copyOf(drift);
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    Objects.requireNonNull(diagnostics, "diagnostics is null");
    Objects.requireNonNull(lineage, "lineage is null");
  }

  /**
   * True when applying would change some object, its address or the state (no-ops and reads do not
   * count; a move does, as in Terraform: applying it rewrites the state; so does an import).
   */
  public boolean hasChanges() {
    return changes.stream().anyMatch(c -> (c.action() != Action.NO_OP && c.action() != Action.READ)
        || (c.previousAddress() != null && !c.previousAddress().equals(c.address())) || c.importing() != null);
  }

  /** The change planned for the current object at {@code address} (not for a deposed one), or null. */
  public ResourceChange change(ResourceAddress address) {
    for (ResourceChange c : changes) {
      if (c.address().equals(address) && c.deposedKey() == null) {
        return c;
      }
    }
    return null;
  }
}
