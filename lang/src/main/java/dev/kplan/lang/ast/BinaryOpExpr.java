package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.Objects;

/** {@code lhs op rhs}. */
public record BinaryOpExpr(Operation op, Expr lhs, Expr rhs, SourceRange range) implements Expr {
  public BinaryOpExpr {
    Objects.requireNonNull(op, "op is null");
    Objects.requireNonNull(lhs, "lhs is null");
    Objects.requireNonNull(rhs, "rhs is null");
  }
}
