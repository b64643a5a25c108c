package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.value.Value;
import java.util.Objects;

/** A number, bool or null literal, or a quoted string without interpolation. */
public record LiteralExpr(Value value, SourceRange range) implements Expr {
  public LiteralExpr {
    Objects.requireNonNull(value, "value is null");
  }
}
