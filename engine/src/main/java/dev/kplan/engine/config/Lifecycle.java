package dev.kplan.engine.config;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.TraversalExpr;
import java.util.List;

/**
 * A resource's {@code lifecycle} block. {@code ignoreChanges} holds attribute references relative
 * to the resource ({@code tags["x"]}, {@code spec}); {@code ignoreAllChanges} is
 * {@code ignore_changes = all}. {@code replaceTriggeredBy} holds the expressions as written.
 */
public record Lifecycle(
    boolean createBeforeDestroy,
    boolean preventDestroy,
    List<TraversalExpr> ignoreChanges,
    boolean ignoreAllChanges,
    List<Expr> replaceTriggeredBy) {
  public static final Lifecycle DEFAULT = new Lifecycle(false, false, List.of(), false, List.of());

  public Lifecycle {
    ignoreChanges = List.copyOf(ignoreChanges);
    replaceTriggeredBy = List.copyOf(replaceTriggeredBy);
  }
}
