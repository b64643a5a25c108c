package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.Objects;

/**
 * {@code source[*].a.b} or {@code source.*.a}: {@code each} is evaluated once per element with
 * {@link SplatItemExpr} standing for the element. {@code full} is true for {@code [*]}, which also
 * carries index steps; the attribute-only {@code .*} form stops at the first index.
 */
public record SplatExpr(Expr source, Expr each, boolean full, SourceRange range) implements Expr {
  public SplatExpr {
    Objects.requireNonNull(source, "source is null");
    Objects.requireNonNull(each, "each is null");
  }
}
