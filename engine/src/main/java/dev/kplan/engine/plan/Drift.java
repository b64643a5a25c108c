package dev.kplan.engine.plan;

import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Attribution;
import java.util.List;
import java.util.Objects;

/**
 * An object that changed outside kplan: as stored ({@code before}) and as it is live ({@code live},
 * a null value when deleted), with who changed what where the provider knows.
 */
public record Drift(ResourceAddress address, Value before, Value live, List<Attribution> attribution, DriftCause cause) {
  public Drift {
    Objects.requireNonNull(address, "address is null");
    Objects.requireNonNull(before, "before is null");
    Objects.requireNonNull(live, "live is null");
    attribution = List.copyOf(attribution);
    Objects.requireNonNull(cause, "cause is null");
  }
}
