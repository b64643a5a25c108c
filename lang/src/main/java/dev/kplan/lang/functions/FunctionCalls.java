package dev.kplan.lang.functions;

import dev.kplan.lang.types.Convert;
import dev.kplan.lang.types.ConversionException;
import dev.kplan.lang.types.DynamicType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import java.util.ArrayList;
import java.util.List;

/** Applies a function's parameter rules around its body, as go-cty's function framework does. */
final class FunctionCalls {
  private FunctionCalls() {}

  static Value call(FunctionSpec fn, List<Value> rawArgs) throws FunctionException {
    int fixed = fn.params().size();
    if (rawArgs.size() < fixed || (fn.varParam() == null && rawArgs.size() > fixed)) {
      String expected = fn.varParam() == null ? String.valueOf(fixed) : "at least " + fixed;
      throw new FunctionException(
          "Function \"" + fn.name() + "\" expects " + expected + " argument(s). Missing value for \""
              + (rawArgs.size() < fixed ? fn.params().get(rawArgs.size()).name() : "") + "\"");
    }
    List<Value> args = new ArrayList<>(rawArgs.size());
    Marks resultMarks = Marks.NONE;
    boolean shortCircuitUnknown = false;
    boolean dynamicResult = false;
    for (int i = 0; i < rawArgs.size(); i++) {
      Param p = fn.paramAt(i);
      Value v = rawArgs.get(i);
      if (!p.allowMarked()) {
        resultMarks = resultMarks.union(ValueMarks.deepMarks(v));
        v = ValueMarks.unmarkDeep(v);
      }
      if (!(p.type() instanceof DynamicType)) {
        try {
          v = Convert.convert(v, p.type());
        } catch (ConversionException e) {
          throw new FunctionException(i, e.getMessage());
        }
      }
      if (!dynamicResult && v.isNull() && !p.allowNull()) {
        throw new FunctionException(i, "argument must not be null");
      }
      // as cty: an argument whose type is not decided yet makes the result type undecided too,
      // unless the function can work with it; later arguments are then not type-checked
      if (!dynamicResult && v.type() instanceof DynamicType && !p.allowDynamicType()) {
        dynamicResult = true;
        // an unknown of undecided type gives an unknown of undecided type, without asking the
        // function even when it accepts unknowns; only marks of unmarked-only parameters carry
        // over (OpenTofu: keys(sensitive-unknown) is not sensitive, one(...) of it is)
        shortCircuitUnknown |= !v.isKnown();
      }
      if (!p.allowUnknown() && !v.isWhollyKnown()) {
        shortCircuitUnknown = true;
      }
      args.add(v);
    }
    Type returnType = dynamicResult ? Type.DYNAMIC : fn.returnType().of(args);
    Value result =
        shortCircuitUnknown ? Value.unknownOf(returnType) : fn.body().call(List.copyOf(args), returnType);
    return result.mark(resultMarks);
  }
}
