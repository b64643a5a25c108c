package dev.kplan.provider;

import dev.kplan.lang.value.Value;
import java.util.Objects;

/** An imported object ({@code state}, as read after the import) for which to write a configuration. */
public record GenerateConfigRequest(String typeName, Value state) {
  public GenerateConfigRequest {
    Objects.requireNonNull(typeName, "typeName is null");
    Objects.requireNonNull(state, "state is null");
  }
}
