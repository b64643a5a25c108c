package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.List;
import java.util.Objects;

/**
 * A reference from a root name through static steps ({@code var.x}, {@code aws_vpc.main.id},
 * {@code local.list[0]}). These are the references the dependency graph is built from.
 */
public record TraversalExpr(String root, SourceRange rootRange, List<Traverser> steps, SourceRange range)
    implements Expr {
  public TraversalExpr {
    Objects.requireNonNull(root, "root is null");
    steps = List.copyOf(steps);
  }
}
