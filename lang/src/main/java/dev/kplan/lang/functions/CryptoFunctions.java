package dev.kplan.lang.functions;

import java.util.List;

/** Crypto functions. */
public final class CryptoFunctions {
  private CryptoFunctions() {}

  public static List<FunctionSpec> functions() {
    return List.of();
  }
}
