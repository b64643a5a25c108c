package dev.kplan.provider;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * The planned state (unknown where only apply can tell), the attribute paths whose change forces
 * a replacement, private data to hand to apply, and {@code sensitivePaths}: parts of the planned
 * state that are sensitive beyond what the schema and the configuration's own marks say (e.g. a
 * computed attribute that copies a sensitive argument). The engine marks them; a path that runs
 * into an unknown value marks that value as a whole. A provider can add marks, never remove them.
 */
public record PlanResult(
    Value plannedState, List<Path> requiresReplace, String plannedPrivate, Diagnostics diagnostics,
    List<Path> sensitivePaths) {
  public PlanResult {
    requiresReplace = List.copyOf(requiresReplace);
    Objects.requireNonNull(diagnostics, "diagnostics is null");
    sensitivePaths = List.copyOf(sensitivePaths);
  }

  /** A result that adds no sensitive paths. */
  public PlanResult(Value plannedState, List<Path> requiresReplace, String plannedPrivate, Diagnostics diagnostics) {
    this(plannedState, requiresReplace, plannedPrivate, diagnostics, List.of());
  }
}
