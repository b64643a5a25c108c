package dev.kplan.engine.config;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.diag.SourceRange;
import java.util.Objects;

/** A {@code validation { condition = …  error_message = … }} block of a variable. */
public record Validation(Expr condition, Expr errorMessage, SourceRange range) {
  public Validation {
    Objects.requireNonNull(condition, "condition is null");
    Objects.requireNonNull(errorMessage, "errorMessage is null");
  }
}
