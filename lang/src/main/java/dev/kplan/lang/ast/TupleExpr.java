package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.List;

/** {@code [a, b, c]}. */
public record TupleExpr(List<Expr> elements, SourceRange range) implements Expr {
  public TupleExpr {
    elements = List.copyOf(elements);
  }
}
