package dev.kplan.lang.functions;

import java.util.List;

/** Network functions. */
public final class NetworkFunctions {
  private NetworkFunctions() {}

  public static List<FunctionSpec> functions() {
    return List.of();
  }
}
