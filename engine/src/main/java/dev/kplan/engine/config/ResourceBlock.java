package dev.kplan.engine.config;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.ResourceMode;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.diag.SourceRange;
import java.util.List;
import java.util.Objects;

/**
 * A {@code resource "type" "name" {…}} or {@code data "type" "name" {…}} block. {@code config} is
 * the body without meta-arguments ({@code count}, {@code for_each}, {@code depends_on},
 * {@code provider}, {@code lifecycle}); {@code count} and {@code forEach} are null when absent;
 * {@code provider} is the configuration that manages it: the explicit {@code provider = x.alias},
 * else the one {@link ProviderAddress#implied implied} by the type's prefix.
 */
public record ResourceBlock(
    ResourceMode mode,
    String type,
    String name,
    Body config,
    Expr count,
    Expr forEach,
    List<TraversalExpr> dependsOn,
    ProviderAddress provider,
    boolean providerExplicit,
    Lifecycle lifecycle,
    SourceRange range) {
  public ResourceBlock {
    Objects.requireNonNull(mode, "mode is null");
    Objects.requireNonNull(type, "type is null");
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(config, "config is null");
    dependsOn = List.copyOf(dependsOn);
    Objects.requireNonNull(provider, "provider is null");
    Objects.requireNonNull(lifecycle, "lifecycle is null");
  }

  /** The resource's address in the root module, without instance key. */
  public ResourceAddress address() {
    return new ResourceAddress(List.of(), mode, type, name, dev.kplan.engine.addrs.InstanceKey.NONE);
  }
}
