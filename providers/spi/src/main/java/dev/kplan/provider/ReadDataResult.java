package dev.kplan.provider;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Value;
import java.util.Objects;

/** A data source's state (null when the read failed). */
public record ReadDataResult(Value state, Diagnostics diagnostics) {
  public ReadDataResult {
    Objects.requireNonNull(diagnostics, "diagnostics is null");
  }
}
