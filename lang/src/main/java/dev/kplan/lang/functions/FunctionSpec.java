package dev.kplan.lang.functions;

import dev.kplan.lang.value.Value;
import java.util.List;
import java.util.Objects;

/**
 * A function: fixed parameters, an optional variadic parameter, how its return type follows from
 * its arguments, and its body. {@link FunctionCalls#call} applies the parameter rules.
 */
public record FunctionSpec(
    String name, List<Param> params, Param varParam, ReturnType returnType, FunctionBody body) {
  public FunctionSpec {
    Objects.requireNonNull(name, "name is null");
    params = List.copyOf(params);
    Objects.requireNonNull(returnType, "returnType is null");
    Objects.requireNonNull(body, "body is null");
  }

  /** The parameter an argument at {@code index} is checked against, or null past the end. */
  public Param paramAt(int index) {
    if (index < params.size()) {
      return params.get(index);
    }
    return varParam;
  }

  public Value call(List<Value> args) throws FunctionException {
    return FunctionCalls.call(this, args);
  }
}
