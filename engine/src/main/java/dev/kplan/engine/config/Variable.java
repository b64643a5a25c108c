package dev.kplan.engine.config;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.types.TypeConstraint;
import java.util.List;
import java.util.Objects;

/** A {@code variable "name" {…}} block. {@code defaultExpr} is null when the variable is required. */
public record Variable(
    String name,
    TypeConstraint type,
    Expr defaultExpr,
    String description,
    boolean sensitive,
    boolean nullable,
    List<Validation> validations,
    SourceRange range) {
  public Variable {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(type, "type is null");
    validations = List.copyOf(validations);
  }

  public boolean required() {
    return defaultExpr == null;
  }
}
