package dev.kplan.engine.config;

import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.lang.diag.SourceRange;
import java.util.Objects;

/**
 * A {@code removed { from = ADDR  lifecycle { destroy = false } }} block: the objects stored at
 * {@code from} (a resource or one instance) are no longer in the configuration; with
 * {@code destroy = false} they are forgotten (dropped from the state, left alone), otherwise destroyed.
 */
public record RemovedBlock(ResourceAddress from, boolean destroy, SourceRange range) {
  public RemovedBlock {
    Objects.requireNonNull(from, "from is null");
  }

  /** True when this block covers the stored instance {@code instance}. */
  public boolean covers(ResourceAddress instance) {
    return from.contains(instance);
  }
}
