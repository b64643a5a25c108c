package dev.kplan.provider;

import dev.kplan.lang.value.Value;
import java.util.Objects;

/**
 * Carrying out one planned change: create (prior is null), update, or delete (planned is null).
 */
public record ApplyRequest(String typeName, Value priorState, Value plannedState, Value config, String plannedPrivate) {
  public ApplyRequest {
    Objects.requireNonNull(typeName, "typeName is null");
    Objects.requireNonNull(priorState, "priorState is null");
    Objects.requireNonNull(plannedState, "plannedState is null");
    Objects.requireNonNull(config, "config is null");
  }

  public boolean isCreate() {
    return priorState.isNull() && !plannedState.isNull();
  }

  public boolean isDelete() {
    return plannedState.isNull();
  }
}
