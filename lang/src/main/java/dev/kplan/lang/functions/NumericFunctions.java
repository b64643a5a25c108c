package dev.kplan.lang.functions;

import java.util.List;

/** Numeric functions. */
public final class NumericFunctions {
  private NumericFunctions() {}

  public static List<FunctionSpec> functions() {
    return List.of();
  }
}
