package dev.kplan.provider;

import dev.kplan.lang.value.Value;
import java.util.Objects;

/** Stored state written under schema {@code version}, read with the current schema's type where possible. */
public record UpgradeStateRequest(String typeName, int version, Value state) {
  public UpgradeStateRequest {
    Objects.requireNonNull(typeName, "typeName is null");
    Objects.requireNonNull(state, "state is null");
  }
}
