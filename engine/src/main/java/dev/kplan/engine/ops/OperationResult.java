package dev.kplan.engine.ops;

import dev.kplan.engine.plan.Plan;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.state.StateSnapshot;

/**
 * What an operation produced: the plan (null when it could not be made), the state afterwards
 * (the state read for a plan; null when it could not be read), and every diagnostic (the plan's
 * included).
 */
public record OperationResult(Plan plan, StateSnapshot state, Diagnostics diagnostics) {
  public boolean hasErrors() {
    return diagnostics.hasErrors();
  }
}
