package dev.kplan.engine.apply;

import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.state.ResourceInstance;
import java.util.Map;

/**
 * Checks an instance's {@code postcondition} blocks against its object as just applied (the
 * state so far), as Terraform does after each apply: a failure (an error diagnostic naming the
 * condition) stops everything that depends on the instance, while the object stays recorded.
 * {@code applied} is a live, read-only view of the state as applied so far, keyed by address, as
 * for {@link Replanner}: nothing copies the whole state for each instance.
 */
@FunctionalInterface
public interface PostconditionCheck {
  /** No postconditions to check. */
  PostconditionCheck NONE = (instance, current) -> Diagnostics.NONE;

  Diagnostics check(ResourceAddress instance, Map<String, ResourceInstance> applied);
}
