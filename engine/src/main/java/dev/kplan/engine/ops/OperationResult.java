package dev.kplan.engine.ops;

import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.planfile.PlanFile;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.state.StateSnapshot;

/**
 * What an operation produced: the plan (null when it could not be made), the state afterwards
 * (the state read for a plan; null when it could not be read), and every diagnostic (the plan's
 * included). {@code planFile} is what {@code plan -out=FILE} saves: the plan with the variables,
 * options and configuration checksum it was made with (null for other operations or on failure).
 */
public record OperationResult(Plan plan, StateSnapshot state, Diagnostics diagnostics, PlanFile planFile) {
  public OperationResult(Plan plan, StateSnapshot state, Diagnostics diagnostics) {
    this(plan, state, diagnostics, null);
  }

  public boolean hasErrors() {
    return diagnostics.hasErrors();
  }
}
