package dev.kplan.lang.functions;

import java.util.List;

/** String functions. */
public final class StringFunctions {
  private StringFunctions() {}

  public static List<FunctionSpec> functions() {
    return List.of();
  }
}
