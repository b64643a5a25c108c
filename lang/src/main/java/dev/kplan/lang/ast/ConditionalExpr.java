package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.Objects;

/** {@code condition ? whenTrue : whenFalse}. */
public record ConditionalExpr(Expr condition, Expr whenTrue, Expr whenFalse, SourceRange range) implements Expr {
  public ConditionalExpr {
    Objects.requireNonNull(condition, "condition is null");
    Objects.requireNonNull(whenTrue, "whenTrue is null");
    Objects.requireNonNull(whenFalse, "whenFalse is null");
  }
}
