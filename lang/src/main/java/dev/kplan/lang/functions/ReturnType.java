package dev.kplan.lang.functions;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Value;
import java.util.List;

/**
 * Computes a call's result type from its (converted, possibly unknown) arguments, so that a call
 * with unknown arguments still has the right type.
 */
@FunctionalInterface
public interface ReturnType {
  Type of(List<Value> args) throws FunctionException;

  static ReturnType fixed(Type type) {
    return args -> type;
  }
}
