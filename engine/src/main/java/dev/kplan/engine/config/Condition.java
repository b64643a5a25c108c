package dev.kplan.engine.config;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.diag.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@code precondition} or {@code postcondition} block: {@code condition} must be true, otherwise
 * the plan or apply fails with {@code errorMessage}.
 */
public record Condition(Expr condition, Expr errorMessage, SourceRange range) {
  public Condition {
    Objects.requireNonNull(condition, "condition is null");
    Objects.requireNonNull(errorMessage, "errorMessage is null");
  }

  /** What the conditions refer to (the graph needs these edges; {@code self} is no node). */
  public static List<TraversalExpr> references(List<Condition> conditions) {
    List<TraversalExpr> out = new ArrayList<>();
    for (Condition c : conditions) {
      out.addAll(dev.kplan.lang.ast.References.of(c.condition()));
      out.addAll(dev.kplan.lang.ast.References.of(c.errorMessage()));
    }
    return out;
  }
}
