package dev.kplan.provider;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * The planned state (unknown where only apply can tell), the attribute paths whose change forces
 * a replacement, and private data to hand to apply.
 */
public record PlanResult(Value plannedState, List<Path> requiresReplace, String plannedPrivate, Diagnostics diagnostics) {
  public PlanResult {
    requiresReplace = List.copyOf(requiresReplace);
    Objects.requireNonNull(diagnostics, "diagnostics is null");
  }
}
