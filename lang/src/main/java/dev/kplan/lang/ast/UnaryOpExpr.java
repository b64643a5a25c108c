package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.Objects;

/** {@code !operand} or {@code -operand}. */
public record UnaryOpExpr(Operation op, Expr operand, SourceRange range) implements Expr {
  public UnaryOpExpr {
    Objects.requireNonNull(op, "op is null");
    Objects.requireNonNull(operand, "operand is null");
  }
}
