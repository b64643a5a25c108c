package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.Objects;

/**
 * {@code [for k, v in coll : value if cond]} or {@code {for k, v in coll : key => value... if cond}}.
 * {@code keyVar}, {@code keyExpr} and {@code condition} may be null; {@code keyExpr} is null exactly
 * for the tuple form; {@code grouped} is the {@code ...} of the object form.
 */
public record ForExpr(
    String keyVar,
    String valueVar,
    Expr collection,
    Expr keyExpr,
    Expr valueExpr,
    Expr condition,
    boolean grouped,
    SourceRange range)
    implements Expr {
  public ForExpr {
    Objects.requireNonNull(valueVar, "valueVar is null");
    Objects.requireNonNull(collection, "collection is null");
    Objects.requireNonNull(valueExpr, "valueExpr is null");
  }

  public boolean isObjectForm() {
    return keyExpr != null;
  }
}
