package dev.kplan.lang.eval;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Value;
import java.util.Objects;

/**
 * What evaluating an expression gave: a value (an unknown placeholder where errors made it
 * impossible, so that evaluation can go on and report independent errors) and the diagnostics.
 */
public record EvalResult(Value value, Diagnostics diagnostics) {
  public EvalResult {
    Objects.requireNonNull(value, "value is null");
    Objects.requireNonNull(diagnostics, "diagnostics is null");
  }

  public boolean hasErrors() {
    return diagnostics.hasErrors();
  }
}
