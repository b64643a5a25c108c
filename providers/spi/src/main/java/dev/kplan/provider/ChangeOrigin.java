package dev.kplan.provider;

/** Who made a change outside kplan, as far as the provider can tell from the actor's name. */
public enum ChangeOrigin {
  /** A person: a CLI or UI such as {@code kubectl edit}, or an actor the configuration names as human. */
  MANUAL,
  /** A controller, operator or other program. */
  AUTOMATION,
  /** The provider cannot tell. */
  UNKNOWN
}
