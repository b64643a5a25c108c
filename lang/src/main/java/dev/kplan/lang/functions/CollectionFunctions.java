package dev.kplan.lang.functions;

import java.util.List;

/** Collection functions. */
public final class CollectionFunctions {
  private CollectionFunctions() {}

  public static List<FunctionSpec> functions() {
    return List.of();
  }
}
