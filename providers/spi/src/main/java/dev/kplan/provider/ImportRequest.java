package dev.kplan.provider;

import java.util.Objects;

/** Find the object of {@code typeName} whose provider-specific id is {@code id}. */
public record ImportRequest(String typeName, String id) {
  public ImportRequest {
    Objects.requireNonNull(typeName, "typeName is null");
    Objects.requireNonNull(id, "id is null");
  }
}
