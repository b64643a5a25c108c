package dev.kplan.provider;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * The state after the change (a null value after a delete). With errors, {@code newState} is what
 * exists now, so that a partly applied change is still recorded truthfully. {@code sensitivePaths}
 * are parts of the new state that are sensitive beyond the schema and the plan's marks (see
 * {@link PlanResult}); they may refine a mark the plan put on a value that was unknown then.
 */
public record ApplyResult(Value newState, String privateData, Diagnostics diagnostics, List<Path> sensitivePaths) {
  public ApplyResult {
    Objects.requireNonNull(newState, "newState is null");
    Objects.requireNonNull(diagnostics, "diagnostics is null");
    sensitivePaths = List.copyOf(sensitivePaths);
  }

  /** A result that adds no sensitive paths. */
  public ApplyResult(Value newState, String privateData, Diagnostics diagnostics) {
    this(newState, privateData, diagnostics, List.of());
  }
}
