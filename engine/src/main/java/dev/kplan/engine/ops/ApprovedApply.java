package dev.kplan.engine.ops;

import java.util.Objects;

/**
 * What {@link Operations#planThenApply} did: the plan as made ({@code planned}) and, when it was
 * made without errors and approved, what applying it did ({@code applied}; null otherwise).
 */
public record ApprovedApply(OperationResult planned, OperationResult applied) {
  public ApprovedApply {
    Objects.requireNonNull(planned, "planned is null");
  }

  /** True when the plan was made and approved, so {@link #applied} is there. */
  public boolean wasApplied() {
    return applied != null;
  }
}
