package dev.kplan.provider;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Value;
import java.util.Objects;

/**
 * The state after the change (a null value after a delete). With errors, {@code newState} is what
 * exists now, so that a partly applied change is still recorded truthfully.
 */
public record ApplyResult(Value newState, String privateData, Diagnostics diagnostics) {
  public ApplyResult {
    Objects.requireNonNull(newState, "newState is null");
    Objects.requireNonNull(diagnostics, "diagnostics is null");
  }
}
