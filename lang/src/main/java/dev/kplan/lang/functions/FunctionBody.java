package dev.kplan.lang.functions;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Value;
import java.util.List;

/** What a function computes, given arguments that passed its parameters' checks. */
@FunctionalInterface
public interface FunctionBody {
  Value call(List<Value> args, Type returnType) throws FunctionException;
}
