package dev.kplan.lang.functions;

import java.util.List;

/** Conversion functions. */
public final class ConversionFunctions {
  private ConversionFunctions() {}

  public static List<FunctionSpec> functions() {
    return List.of();
  }
}
