package dev.kplan.provider;

import dev.kplan.lang.diag.Diagnostics;
import java.util.Objects;

/** Whether the provider could be configured (bad credentials, a missing cluster…). */
public record ConfigureResult(Diagnostics diagnostics) {
  public ConfigureResult {
    Objects.requireNonNull(diagnostics, "diagnostics is null");
  }
}
