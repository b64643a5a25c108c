package dev.kplan.provider;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Value;
import java.util.Objects;

/**
 * The configuration a person would write for an imported object: the resource's arguments as an
 * object value (a null attribute is left out), holding only what someone chose, so that planning
 * it against the imported object finds no changes.
 */
public record GenerateConfigResult(Value config, Diagnostics diagnostics) {
  public GenerateConfigResult {
    Objects.requireNonNull(config, "config is null");
    Objects.requireNonNull(diagnostics, "diagnostics is null");
  }
}
