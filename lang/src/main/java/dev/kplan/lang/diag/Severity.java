package dev.kplan.lang.diag;

/** How serious a diagnostic is: errors stop the operation, warnings do not. */
public enum Severity {
  ERROR,
  WARNING
}
