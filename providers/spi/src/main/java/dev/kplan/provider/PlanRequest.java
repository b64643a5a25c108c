package dev.kplan.provider;

import dev.kplan.lang.value.Value;
import java.util.Objects;

/**
 * Planning one instance. {@code priorState} is a null value for a create; {@code proposedNewState}
 * is the configuration merged with the prior state's computed attributes (the engine's
 * "proposed new state"), or a null value for a delete; {@code config} is the configuration alone.
 */
public record PlanRequest(
    String typeName, Value priorState, Value proposedNewState, Value config, String priorPrivate) {
  public PlanRequest {
    Objects.requireNonNull(typeName, "typeName is null");
    Objects.requireNonNull(priorState, "priorState is null");
    Objects.requireNonNull(proposedNewState, "proposedNewState is null");
    Objects.requireNonNull(config, "config is null");
  }
}
