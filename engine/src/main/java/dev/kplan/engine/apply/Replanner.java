package dev.kplan.engine.apply;

import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.state.StateSnapshot;

/**
 * Plans one instance again at apply time, against the state as applied so far: its configuration
 * is evaluated with the now-known values of what it depends on (as Terraform does when the saved
 * plan had unknowns). {@code change} is null when that failed.
 */
@FunctionalInterface
public interface Replanner {
  Result replan(ResourceAddress instance, StateSnapshot current);

  record Result(ResourceChange change, Diagnostics diagnostics) {}
}
