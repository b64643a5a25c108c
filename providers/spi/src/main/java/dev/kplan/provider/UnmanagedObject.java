package dev.kplan.provider;

import java.util.Objects;

/**
 * A live object no kplan resource manages: {@code id} is what {@code kplan import} takes for it,
 * {@code resourceType} the type that could manage it, {@code description} a short human name.
 */
public record UnmanagedObject(String resourceType, String id, String description) {
  public UnmanagedObject {
    Objects.requireNonNull(resourceType, "resourceType is null");
    Objects.requireNonNull(id, "id is null");
    Objects.requireNonNull(description, "description is null");
  }
}
