package dev.kplan.engine.ops;

import java.util.Objects;

/** A plan ({@code result}) and the objects that its configuration does not manage in the scopes asked for. */
public record UnmanagedPlan(OperationResult result, UnmanagedScan unmanaged) {
  public UnmanagedPlan {
    Objects.requireNonNull(result, "result is null");
    Objects.requireNonNull(unmanaged, "unmanaged is null");
  }
}
