package dev.kplan.engine.config;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.diag.SourceRange;
import java.util.List;
import java.util.Objects;

/** An {@code output "name" {…}} block; its {@code preconditions} are checked before its value is taken. */
public record OutputBlock(
    String name, Expr value, String description, boolean sensitive, List<TraversalExpr> dependsOn, SourceRange range,
    List<Condition> preconditions) {
  public OutputBlock {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(value, "value is null");
    dependsOn = List.copyOf(dependsOn);
    preconditions = List.copyOf(preconditions);
  }

  /** An output without preconditions. */
  public OutputBlock(
      String name, Expr value, String description, boolean sensitive, List<TraversalExpr> dependsOn, SourceRange range) {
    this(name, value, description, sensitive, dependsOn, range, List.of());
  }
}
