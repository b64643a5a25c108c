package dev.kplan.provider;

import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * Planning one instance. {@code priorState} is a null value for a create; {@code proposedNewState}
 * is the configuration merged with the prior state's computed attributes (the engine's
 * "proposed new state"), or a null value for a delete; {@code config} is the configuration alone.
 * Values reach the provider without marks: {@code sensitivePaths} say which parts of
 * {@code config} are sensitive, so that a provider that copies them elsewhere (as {@code kplan_data}
 * copies {@code input} to {@code output}) can say so in {@link PlanResult#sensitivePaths()}.
 */
public record PlanRequest(
    String typeName, Value priorState, Value proposedNewState, Value config, String priorPrivate,
    List<Path> sensitivePaths) {
  public PlanRequest {
    Objects.requireNonNull(typeName, "typeName is null");
    Objects.requireNonNull(priorState, "priorState is null");
    Objects.requireNonNull(proposedNewState, "proposedNewState is null");
    Objects.requireNonNull(config, "config is null");
    sensitivePaths = List.copyOf(sensitivePaths);
  }

  /** A request whose configuration holds nothing sensitive. */
  public PlanRequest(String typeName, Value priorState, Value proposedNewState, Value config, String priorPrivate) {
    this(typeName, priorState, proposedNewState, config, priorPrivate, List.of());
  }
}
