package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;

/** The current element inside a {@link SplatExpr}'s {@code each} expression. */
public record SplatItemExpr(SourceRange range) implements Expr {}
