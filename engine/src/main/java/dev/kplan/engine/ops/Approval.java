package dev.kplan.engine.ops;

/**
 * Decides, having seen a plan, whether to carry it out: {@code kplan apply}'s prompt (or
 * {@code -auto-approve}). Called while the operation holds the state lock and its configured
 * providers, so the plan approved is the plan applied, with nothing planned twice.
 */
@FunctionalInterface
public interface Approval {
  /**
   * {@code planned}: the plan made (without errors), with the state it was made from and every
   * diagnostic so far (warnings).
   */
  boolean approve(OperationResult planned);
}
