package dev.kplan.provider;

import dev.kplan.lang.value.Value;
import java.util.Objects;

/** Reading a data source with its evaluated configuration. */
public record ReadDataRequest(String typeName, Value config) {
  public ReadDataRequest {
    Objects.requireNonNull(typeName, "typeName is null");
    Objects.requireNonNull(config, "config is null");
  }
}
