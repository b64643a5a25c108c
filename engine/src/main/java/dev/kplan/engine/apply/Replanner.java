package dev.kplan.engine.apply;

import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.state.ResourceInstance;
import java.util.Map;

/**
 * Plans one instance again at apply time, against the state as applied so far: its configuration
 * is evaluated with the now-known values of what it depends on (as Terraform does when the saved
 * plan had unknowns). {@code change} is null when that failed. {@code applied} is a live,
 * read-only view of the state as applied so far, keyed by address: look up what is needed (an
 * apply re-plans thousands of instances, so nothing copies the whole state for each).
 */
@FunctionalInterface
public interface Replanner {
  Result replan(ResourceAddress instance, Map<String, ResourceInstance> applied);

  record Result(ResourceChange change, Diagnostics diagnostics) {}
}
