package dev.kplan.engine.config;

import dev.kplan.lang.diag.Diagnostics;
import java.util.Objects;

/**
 * A loaded module, what was wrong with it, and what its {@code kplan} blocks say; the module is
 * usable as far as it could be read.
 */
public record LoadResult(Module module, Diagnostics diagnostics, KplanSettings settings) {
  public LoadResult {
    Objects.requireNonNull(module, "module is null");
    Objects.requireNonNull(diagnostics, "diagnostics is null");
    Objects.requireNonNull(settings, "settings is null");
  }

  public LoadResult(Module module, Diagnostics diagnostics) {
    this(module, diagnostics, KplanSettings.NONE);
  }
}
