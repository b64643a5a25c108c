package dev.kplan.lang.format;

import dev.kplan.lang.diag.Diagnostics;
import java.util.Objects;

/** Formatted text, or the original text with the syntax errors that stopped formatting. */
public record FormatResult(String text, Diagnostics diagnostics) {
  public FormatResult {
    Objects.requireNonNull(text, "text is null");
    Objects.requireNonNull(diagnostics, "diagnostics is null");
  }
}
