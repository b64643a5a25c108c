package dev.kplan.provider;

import dev.kplan.lang.value.Value;
import java.util.Objects;

/** The evaluated {@code provider} block, conforming to {@link ProviderSchema#providerConfig()}; may be partly unknown. */
public record ConfigureRequest(Value config) {
  public ConfigureRequest {
    Objects.requireNonNull(config, "config is null");
  }
}
