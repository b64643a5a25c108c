package dev.kplan.engine.plan;

import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.Targetable;
import java.util.List;
import java.util.Objects;

/**
 * How to plan: the mode, whether to refresh first ({@code -refresh=false} turns it off),
 * {@code -target} addresses (resources or modules; their dependencies are planned too), {@code -replace} addresses, and
 * {@code -parallelism} (how many provider calls may run at once; Terraform's default is 10).
 */
public record PlanOptions(
    PlanMode mode, boolean refresh, List<Targetable> targets, List<ResourceAddress> replace, int parallelism) {
  public static final PlanOptions DEFAULT = new PlanOptions(PlanMode.NORMAL, true, List.of(), List.of(), 10);

  public PlanOptions {
    Objects.requireNonNull(mode, "mode is null");
    targets = List.copyOf(targets);
    replace = List.copyOf(replace);
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1");
    }
  }

  public PlanOptions withMode(PlanMode m) {
    return new PlanOptions(m, refresh, targets, replace, parallelism);
  }

  public PlanOptions withRefresh(boolean r) {
    return new PlanOptions(mode, r, targets, replace, parallelism);
  }

  public PlanOptions withTargets(List<? extends Targetable> t) {
    return new PlanOptions(mode, refresh, List.copyOf(t), replace, parallelism);
  }

  public PlanOptions withParallelism(int n) {
    return new PlanOptions(mode, refresh, targets, replace, n);
  }

  public PlanOptions withReplace(List<ResourceAddress> r) {
    return new PlanOptions(mode, refresh, targets, r, parallelism);
  }
}
