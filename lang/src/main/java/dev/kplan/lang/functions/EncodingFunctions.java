package dev.kplan.lang.functions;

import java.util.List;

/** Encoding functions. */
public final class EncodingFunctions {
  private EncodingFunctions() {}

  public static List<FunctionSpec> functions() {
    return List.of();
  }
}
