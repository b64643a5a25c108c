package dev.kplan.engine.config;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.types.TypeConstraint;
import java.util.List;
import java.util.Objects;

/**
 * A {@code variable "name" {…}} block. {@code defaultExpr} is null when the variable is required.
 * {@code rawValuesAreExpressions}: whether {@code -var} and {@code KPLAN_VAR_} text is parsed as an
 * expression (a declared non-primitive type, {@code any} included) or taken as a literal string
 * (no type, or a primitive one), as Terraform decides.
 */
public record Variable(
    String name,
    TypeConstraint type,
    Expr defaultExpr,
    String description,
    boolean sensitive,
    boolean nullable,
    List<Validation> validations,
    boolean rawValuesAreExpressions,
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
