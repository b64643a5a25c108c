package dev.kplan.lang.functions;

import java.util.List;

/** Sensitivity functions. */
public final class SensitivityFunctions {
  private SensitivityFunctions() {}

  public static List<FunctionSpec> functions() {
    return List.of();
  }
}
