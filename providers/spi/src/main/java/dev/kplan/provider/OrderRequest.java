package dev.kplan.provider;

import dev.kplan.lang.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * The instances of one provider that an apply creates, updates or deletes, for
 * {@link Provider#order}: each with its address, type, and the value it will have
 * ({@code value}: the planned state, or the prior state for a delete; values reach the provider
 * without marks and may hold unknowns).
 */
public record OrderRequest(List<Instance> instances) {
  public OrderRequest {
    instances = List.copyOf(instances);
  }

  /** One instance to order. */
  public record Instance(String address, String typeName, Value value) {
    public Instance {
      Objects.requireNonNull(address, "address is null");
      Objects.requireNonNull(typeName, "typeName is null");
      Objects.requireNonNull(value, "value is null");
    }
  }
}
