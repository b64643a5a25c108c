package dev.kplan.provider;

import dev.kplan.lang.value.Value;
import java.util.Objects;

/**
 * Asked right before a create: what will identify the object that applying {@code plannedState}
 * (unmarked, as in {@link ApplyRequest}) at {@code address} makes, so that the engine can record
 * it in its intent journal and find the object again if it dies before storing the provider's answer.
 */
public record IdentityRequest(String typeName, String address, Value plannedState, Value config) {
  public IdentityRequest {
    Objects.requireNonNull(typeName, "typeName is null");
    Objects.requireNonNull(address, "address is null");
    Objects.requireNonNull(plannedState, "plannedState is null");
    Objects.requireNonNull(config, "config is null");
  }
}
