package dev.kplan.engine.config;

import dev.kplan.engine.addrs.Targetable;
import dev.kplan.lang.diag.SourceRange;
import java.util.Objects;

/**
 * A {@code moved { from = …  to = … }} block: a resource, resource instance, module call or module
 * instance that had the address {@code from} (relative to the declaring module) and now has
 * {@code to}. Both are of one kind, checked when loading.
 */
public record MovedBlock(Targetable from, Targetable to, SourceRange fromRange, SourceRange toRange, SourceRange range) {
  public MovedBlock {
    Objects.requireNonNull(from, "from is null");
    Objects.requireNonNull(to, "to is null");
  }
}
