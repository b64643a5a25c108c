package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.List;
import java.util.Objects;

/**
 * {@code { key = value, "k" : v, (expr) = v }}. A bare identifier key is a {@link LiteralExpr}
 * string; a parenthesised key is a {@link ParenExpr}.
 */
public record ObjectExpr(List<Item> items, SourceRange range) implements Expr {
  public ObjectExpr {
    items = List.copyOf(items);
  }

  /** One {@code key = value} pair. */
  public record Item(Expr key, Expr value, SourceRange range) implements Node {
    public Item {
      Objects.requireNonNull(key, "key is null");
      Objects.requireNonNull(value, "value is null");
    }
  }
}
