package dev.kplan.lang.syntax;

import dev.kplan.lang.diag.Diagnostics;
import java.util.Objects;

/**
 * What a parse produced: the syntax tree (possibly partial, or null when nothing usable was found)
 * and the diagnostics, which hold every syntax error of the input.
 */
public record ParseResult<T>(T value, Diagnostics diagnostics) {
  public ParseResult {
    Objects.requireNonNull(diagnostics, "diagnostics is null");
  }

  public boolean hasErrors() {
    return diagnostics.hasErrors();
  }
}
