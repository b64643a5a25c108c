package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.List;
import java.util.Objects;

/** Static steps applied to the result of another expression ({@code f(x).name}, {@code [1, 2][0]}). */
public record RelativeTraversalExpr(Expr source, List<Traverser> steps, SourceRange range) implements Expr {
  public RelativeTraversalExpr {
    Objects.requireNonNull(source, "source is null");
    steps = List.copyOf(steps);
  }
}
