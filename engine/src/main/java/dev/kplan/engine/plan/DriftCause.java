package dev.kplan.engine.plan;

/** How an object changed outside kplan. */
public enum DriftCause {
  /** Its attributes differ from what was stored. */
  UPDATED,
  /** It no longer exists. */
  DELETED
}
