package dev.kplan.provider;

import dev.kplan.lang.diag.Diagnostics;
import java.util.Objects;

/** Problems with a resource's configuration. */
public record ValidateResult(Diagnostics diagnostics) {
  public ValidateResult {
    Objects.requireNonNull(diagnostics, "diagnostics is null");
  }
}
