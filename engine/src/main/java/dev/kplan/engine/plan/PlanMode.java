package dev.kplan.engine.plan;

/** Terraform's planning modes: normal, {@code -destroy}, {@code -refresh-only}. */
public enum PlanMode {
  NORMAL,
  DESTROY,
  REFRESH_ONLY
}
