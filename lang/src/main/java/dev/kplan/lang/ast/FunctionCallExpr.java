package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.List;
import java.util.Objects;

/**
 * {@code name(args...)}; {@code expandFinal} when the last argument ends in {@code ...}. A
 * provider-namespaced name keeps its namespace: {@code provider::kubernetes::manifest_decode}.
 */
public record FunctionCallExpr(
    String name, List<Expr> args, boolean expandFinal, SourceRange nameRange, SourceRange range)
    implements Expr {
  public FunctionCallExpr {
    Objects.requireNonNull(name, "name is null");
    args = List.copyOf(args);
  }
}
