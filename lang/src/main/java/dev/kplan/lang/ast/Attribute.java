package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.Objects;

/** {@code name = expr}. {@code range} covers the whole attribute. */
public record Attribute(String name, Expr expr, SourceRange nameRange, SourceRange range) implements BodyItem {
  public Attribute {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(expr, "expr is null");
  }
}
