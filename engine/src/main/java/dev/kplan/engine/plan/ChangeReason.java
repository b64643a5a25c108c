package dev.kplan.engine.plan;

/** Why a change has its action, where that is not obvious (Terraform's action reasons). */
public enum ChangeReason {
  NONE,
  /** {@code -replace=ADDR}. */
  REPLACE_BY_REQUEST,
  /** The stored object is tainted (a failed create). */
  REPLACE_BECAUSE_TAINTED,
  /** A changed attribute cannot be updated in place. */
  REPLACE_BECAUSE_CANNOT_UPDATE,
  /** {@code lifecycle.replace_triggered_by} names something that changes. */
  REPLACE_BY_TRIGGERS,
  /** The resource block is gone from the configuration. */
  DELETE_BECAUSE_NO_RESOURCE_CONFIG,
  /** The module instance that held it is gone (its call removed, or its key or index no longer expanded). */
  DELETE_BECAUSE_NO_MODULE,
  /** The count no longer covers this index. */
  DELETE_BECAUSE_COUNT_INDEX,
  /** The for_each no longer has this key. */
  DELETE_BECAUSE_EACH_KEY,
  /** The instance key does not match the resource's repetition (count vs for_each vs none). */
  DELETE_BECAUSE_WRONG_REPETITION,
  /** {@code -destroy}. */
  DELETE_BECAUSE_DESTROY_MODE,
  /** A {@code removed} block with {@code destroy = false} names it: forgotten, not destroyed. */
  FORGET_BECAUSE_REMOVED,
  /** A data source is read during apply because its configuration is not known yet. */
  READ_BECAUSE_CONFIG_UNKNOWN
}
