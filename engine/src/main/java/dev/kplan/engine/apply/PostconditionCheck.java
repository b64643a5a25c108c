package dev.kplan.engine.apply;

import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.state.StateSnapshot;

/**
 * Checks an instance's {@code postcondition} blocks against its object as just applied (the
 * state so far), as Terraform does after each apply: a failure (an error diagnostic naming the
 * condition) stops everything that depends on the instance, while the object stays recorded.
 */
@FunctionalInterface
public interface PostconditionCheck {
  /** No postconditions to check. */
  PostconditionCheck NONE = (instance, current) -> Diagnostics.NONE;

  Diagnostics check(ResourceAddress instance, StateSnapshot current);
}
