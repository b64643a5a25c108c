package dev.kplan.lang.functions;

import java.util.List;

/** DateTime functions. */
public final class DateTimeFunctions {
  private DateTimeFunctions() {}

  public static List<FunctionSpec> functions(FunctionContext ctx) {
    return List.of();
  }
}
