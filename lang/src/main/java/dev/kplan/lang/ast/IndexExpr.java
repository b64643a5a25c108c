package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.Objects;

/** {@code collection[key]} where the key is not a literal. */
public record IndexExpr(Expr collection, Expr key, SourceRange range) implements Expr {
  public IndexExpr {
    Objects.requireNonNull(collection, "collection is null");
    Objects.requireNonNull(key, "key is null");
  }
}
