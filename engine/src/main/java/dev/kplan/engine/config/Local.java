package dev.kplan.engine.config;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.diag.SourceRange;
import java.util.Objects;

/** One {@code name = expr} of a {@code locals} block. */
public record Local(String name, Expr expr, SourceRange range) {
  public Local {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(expr, "expr is null");
  }
}
