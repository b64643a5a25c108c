package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.Objects;

/**
 * A template that is nothing but one interpolation ({@code "${x}"}): HCL yields {@code x} itself,
 * not its string form.
 */
public record TemplateWrapExpr(Expr wrapped, SourceRange range) implements Expr {
  public TemplateWrapExpr {
    Objects.requireNonNull(wrapped, "wrapped is null");
  }
}
