package dev.kplan.provider;

import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * Carrying out one planned change: create (prior is null), update, or delete (planned is null).
 * Values reach the provider without marks; {@code sensitivePaths} say which parts of
 * {@code plannedState} are sensitive (see {@link PlanRequest}). {@code address} is the instance's
 * address (e.g. {@code aws_vpc.main}) when the engine knows it, else null: providers may record it on
 * the objects they create (a tag), so that an object whose creation was interrupted can be found.
 * {@code identity} is, for a create, what {@link Provider#plannedIdentity} answered and the engine
 * recorded in its intent journal (empty otherwise): a create uses the values it holds (a client token).
 */
public record ApplyRequest(
    String typeName, Value priorState, Value plannedState, Value config, String plannedPrivate,
    List<Path> sensitivePaths, String address, java.util.Map<String, String> identity) {
  public ApplyRequest {
    identity = identity == null ? java.util.Map.of()
        : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(identity));
    Objects.requireNonNull(typeName, "typeName is null");
    Objects.requireNonNull(priorState, "priorState is null");
    Objects.requireNonNull(plannedState, "plannedState is null");
    Objects.requireNonNull(config, "config is null");
    sensitivePaths = List.copyOf(sensitivePaths);
  }

  /** A request without a recorded identity. */
  public ApplyRequest(
      String typeName, Value priorState, Value plannedState, Value config, String plannedPrivate,
      List<Path> sensitivePaths, String address) {
    this(typeName, priorState, plannedState, config, plannedPrivate, sensitivePaths, address, java.util.Map.of());
  }

  /** A request for an instance whose address is not known. */
  public ApplyRequest(
      String typeName, Value priorState, Value plannedState, Value config, String plannedPrivate,
      List<Path> sensitivePaths) {
    this(typeName, priorState, plannedState, config, plannedPrivate, sensitivePaths, null);
  }

  /** A request whose planned state holds nothing sensitive. */
  public ApplyRequest(String typeName, Value priorState, Value plannedState, Value config, String plannedPrivate) {
    this(typeName, priorState, plannedState, config, plannedPrivate, List.of());
  }

  public boolean isCreate() {
    return priorState.isNull() && !plannedState.isNull();
  }

  public boolean isDelete() {
    return plannedState.isNull();
  }
}
