package dev.kplan.engine.config;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.TraversalExpr;
import java.util.List;

/**
 * A resource's {@code lifecycle} block. {@code ignoreChanges} holds attribute references relative
 * to the resource ({@code tags["x"]}, {@code spec}); {@code ignoreAllChanges} is
 * {@code ignore_changes = all}. {@code replaceTriggeredBy} holds the expressions as written.
 * {@code preconditions} are checked before an instance is planned, {@code postconditions} on its
 * planned (or, when that is not known yet, applied) value as {@code self}.
 */
public record Lifecycle(
    boolean createBeforeDestroy,
    boolean preventDestroy,
    List<TraversalExpr> ignoreChanges,
    boolean ignoreAllChanges,
    List<Expr> replaceTriggeredBy,
    List<Condition> preconditions,
    List<Condition> postconditions) {
  public static final Lifecycle DEFAULT = new Lifecycle(false, false, List.of(), false, List.of());

  public Lifecycle {
    ignoreChanges = List.copyOf(ignoreChanges);
    replaceTriggeredBy = List.copyOf(replaceTriggeredBy);
    preconditions = List.copyOf(preconditions);
    postconditions = List.copyOf(postconditions);
  }

  /** A lifecycle without conditions. */
  public Lifecycle(boolean createBeforeDestroy, boolean preventDestroy, List<TraversalExpr> ignoreChanges,
      boolean ignoreAllChanges, List<Expr> replaceTriggeredBy) {
    this(createBeforeDestroy, preventDestroy, ignoreChanges, ignoreAllChanges, replaceTriggeredBy, List.of(), List.of());
  }

  /** What the conditions refer to. */
  public List<TraversalExpr> conditionReferences() {
    List<TraversalExpr> out = new java.util.ArrayList<>(Condition.references(preconditions));
    out.addAll(Condition.references(postconditions));
    return out;
  }
}
