package dev.kplan.engine.plan;

/** What applying a change does to one instance, as Terraform's plan actions. */
public enum Action {
  NO_OP,
  CREATE,
  READ,
  UPDATE,
  DELETE_THEN_CREATE,
  CREATE_THEN_DELETE,
  DELETE,
  /** The object is dropped from the state and left as it is ({@code removed} with {@code destroy = false}). */
  FORGET;

  /** True for the two orders of replacement. */
  public boolean isReplace() {
    return this == DELETE_THEN_CREATE || this == CREATE_THEN_DELETE;
  }

  /** True when the existing object is destroyed (deleted or replaced). */
  public boolean destroys() {
    return this == DELETE || isReplace();
  }
}
