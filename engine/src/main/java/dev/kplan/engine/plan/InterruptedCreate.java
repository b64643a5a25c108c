package dev.kplan.engine.plan;

import dev.kplan.engine.addrs.ResourceAddress;
import java.util.Objects;

/**
 * What a plan found of a create that an interrupted apply had started (an intent left in the
 * state's journal): the object, found by the identity recorded and adopted into the state
 * ({@code id} its id, when it has one); nothing found, so the instance is planned as usual; or a
 * provider that cannot look objects up, so an object may exist that the state does not know.
 */
public record InterruptedCreate(ResourceAddress address, Outcome outcome, String id) {
  public enum Outcome { ADOPTED, NOT_FOUND, CANNOT_LOOK_UP }

  public InterruptedCreate {
    Objects.requireNonNull(address, "address is null");
    Objects.requireNonNull(outcome, "outcome is null");
  }

  /** The sentence the plan shows. */
  public String note() {
    switch (outcome) {
      case ADOPTED:
        return "found " + address + " created by an interrupted apply" + (id == null ? "" : " [id=" + id + "]")
            + "; it is now in the state";
      case NOT_FOUND:
        return address + ": an interrupted apply had started to create it, but it does not exist; it is planned as"
            + " usual";
      default:
        return address + ": an interrupted apply may have created it, and its provider cannot look objects up;"
            + " check that it does not exist twice";
    }
  }
}
