package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.Objects;

/** {@code (expr)}: kept so that object keys and formatting can tell it from a bare name. */
public record ParenExpr(Expr inner, SourceRange range) implements Expr {
  public ParenExpr {
    Objects.requireNonNull(inner, "inner is null");
  }
}
