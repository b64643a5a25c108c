package dev.kplan.engine.plan;

import dev.kplan.engine.addrs.ResourceAddress;
import java.util.List;
import java.util.Objects;

/**
 * How to plan: the mode, whether to refresh first ({@code -refresh=false} turns it off),
 * {@code -target} addresses (their dependencies are planned too) and {@code -replace} addresses.
 */
public record PlanOptions(PlanMode mode, boolean refresh, List<ResourceAddress> targets, List<ResourceAddress> replace) {
  public static final PlanOptions DEFAULT = new PlanOptions(PlanMode.NORMAL, true, List.of(), List.of());

  public PlanOptions {
    Objects.requireNonNull(mode, "mode is null");
    targets = List.copyOf(targets);
    replace = List.copyOf(replace);
  }

  public PlanOptions withMode(PlanMode m) {
    return new PlanOptions(m, refresh, targets, replace);
  }

  public PlanOptions withRefresh(boolean r) {
    return new PlanOptions(mode, r, targets, replace);
  }

  public PlanOptions withTargets(List<ResourceAddress> t) {
    return new PlanOptions(mode, refresh, t, replace);
  }

  public PlanOptions withReplace(List<ResourceAddress> r) {
    return new PlanOptions(mode, refresh, targets, r);
  }
}
