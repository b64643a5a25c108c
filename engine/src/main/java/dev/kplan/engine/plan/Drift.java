package dev.kplan.engine.plan;

import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Attribution;
import java.util.List;
import java.util.Objects;

/**
 * An object that changed outside kplan: as stored ({@code before}) and as it is live ({@code live},
 * a null value when deleted), with who changed what where the provider knows. {@code deposedKey}
 * is set when the object is a deposed one of {@code address} (null for its current object); as in
 * Terraform, such drift is not shown, but applying the plan drops a deposed object found deleted.
 */
public record Drift(ResourceAddress address, Value before, Value live, List<Attribution> attribution, DriftCause cause,
    String deposedKey) {
  /** Drift of the current object of {@code address}. */
  public Drift(ResourceAddress address, Value before, Value live, List<Attribution> attribution, DriftCause cause) {
    this(address, before, live, attribution, cause, null);
  }

  public Drift {
    Objects.requireNonNull(address, "address is null");
    Objects.requireNonNull(before, "before is null");
    Objects.requireNonNull(live, "live is null");
    attribution = List.copyOf(attribution);
    Objects.requireNonNull(cause, "cause is null");
  }
}
