package dev.kplan.engine.config;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.diag.SourceRange;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A {@code module "name" {…}} block. {@code arguments} are the input variables it sets (its body
 * without {@code source}, {@code count}, {@code for_each}, {@code depends_on}, {@code providers});
 * {@code count} and {@code forEach} are null when absent; {@code providers} maps a configuration as
 * the child names it to one the calling module names ({@code aws = aws.west}); {@code module} is
 * the child as loaded from {@code source} (null when it could not be loaded).
 */
public record ModuleCall(
    String name,
    String source,
    Body arguments,
    Expr count,
    Expr forEach,
    List<TraversalExpr> dependsOn,
    Map<ProviderAddress, ProviderAddress> providers,
    SourceRange range,
    Module module) {
  public ModuleCall {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(source, "source is null");
    Objects.requireNonNull(arguments, "arguments is null");
    dependsOn = List.copyOf(dependsOn);
    providers = Map.copyOf(providers);
  }

  /** True when the call has {@code count} or {@code for_each}: its instances have keys. */
  public boolean repeated() {
    return count != null || forEach != null;
  }

  /** The same call with its child module loaded. */
  public ModuleCall withModule(Module m) {
    return new ModuleCall(name, source, arguments, count, forEach, dependsOn, providers, range, m);
  }
}
