package dev.kplan.provider;

import dev.kplan.lang.value.Value;
import java.util.Objects;

/** A resource's configuration to check, conforming to its schema; may contain unknowns. */
public record ValidateRequest(String typeName, Value config) {
  public ValidateRequest {
    Objects.requireNonNull(typeName, "typeName is null");
    Objects.requireNonNull(config, "config is null");
  }
}
