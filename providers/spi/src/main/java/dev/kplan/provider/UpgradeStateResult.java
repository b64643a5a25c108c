package dev.kplan.provider;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Value;
import java.util.Objects;

/** The state in the current schema's layout. */
public record UpgradeStateResult(Value state, Diagnostics diagnostics) {
  public UpgradeStateResult {
    Objects.requireNonNull(diagnostics, "diagnostics is null");
  }
}
