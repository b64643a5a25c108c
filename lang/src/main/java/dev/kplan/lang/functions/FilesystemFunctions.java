package dev.kplan.lang.functions;

import java.util.List;

/** Filesystem functions. */
public final class FilesystemFunctions {
  private FilesystemFunctions() {}

  public static List<FunctionSpec> functions(FunctionContext ctx) {
    return List.of();
  }
}
