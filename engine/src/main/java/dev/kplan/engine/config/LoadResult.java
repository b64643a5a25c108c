package dev.kplan.engine.config;

import dev.kplan.lang.diag.Diagnostics;
import java.util.Objects;

/** A loaded module and what was wrong with it; the module is usable as far as it could be read. */
public record LoadResult(Module module, Diagnostics diagnostics) {
  public LoadResult {
    Objects.requireNonNull(module, "module is null");
    Objects.requireNonNull(diagnostics, "diagnostics is null");
  }
}
