package dev.kplan.lang.functions;

import static dev.kplan.lang.functions.CtyFunctions.spec;

import dev.kplan.lang.types.ConversionException;
import dev.kplan.lang.types.Convert;
import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.MapType;
import dev.kplan.lang.types.MismatchMessage;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.TupleType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.types.TypeConstraint;
import dev.kplan.lang.types.Types;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import java.util.List;

/**
 * The explicit conversion functions {@code tostring}, {@code tonumber}, {@code tobool},
 * {@code tolist}, {@code toset} and {@code tomap} (OpenTofu's {@code MakeToFunc}), and the
 * conversion behind OpenTofu's {@code convert(value, type)}.
 */
public final class ConversionFunctions {
  private ConversionFunctions() {}

  public static List<FunctionSpec> functions() {
    return List.of(to("tostring", Type.STRING), to("tonumber", Type.NUMBER), to("tobool", Type.BOOL),
        to("tolist", new ListType(Type.DYNAMIC)), to("toset", new SetType(Type.DYNAMIC)),
        to("tomap", new MapType(Type.DYNAMIC)));
  }

  static FunctionSpec to(String name, Type want) {
    Param v = new Param("v", Type.DYNAMIC, true, false, true, true);
    return spec(name, List.of(v), null, args -> {
      Type got = args.get(0).type();
      if (got.equals(want)) {
        return want;
      }
      if (!Convert.canConvert(got, want, true)) {
        if (got instanceof TupleType && want instanceof TupleType) {
          throw new FunctionException(0, "incompatible tuple type for conversion: " + MismatchMessage.of(got, want));
        }
        if (got instanceof ObjectType && want instanceof ObjectType) {
          throw new FunctionException(0, "incompatible object type for conversion: " + MismatchMessage.of(got, want));
        }
        throw new FunctionException(0, "cannot convert " + got.friendlyName() + " to "
            + Types.friendlyNameForConstraint(want));
      }
      return want;
    }, (args, ret) -> {
      Value arg = args.get(0);
      try {
        return Convert.convert(arg, ret);
      } catch (ConversionException e) {
        Value val = ValueMarks.unmarkDeep(arg);
        Type got = val.type();
        String wantName = Types.friendlyNameForConstraint(want);
        if (ValueMarks.deepMarks(arg).isSensitive()) {
          throw new FunctionException(0, "cannot convert this sensitive " + got.friendlyName() + " to " + wantName);
        }
        if (got == Type.STRING && want == Type.BOOL) {
          String what = val instanceof StringValue s ? MismatchMessage.quote(s.value()) : "string";
          throw new FunctionException(0, "cannot convert " + what
              + " to bool; only the strings \"true\" or \"false\" are allowed");
        }
        if (got == Type.STRING && want == Type.NUMBER) {
          String what = val instanceof StringValue s ? MismatchMessage.quote(s.value()) : "string";
          throw new FunctionException(0, "cannot convert " + what
              + " to number; given string must be a decimal representation of a number");
        }
        throw new FunctionException(0, "cannot convert " + got.friendlyName() + " to " + wantName);
      }
    });
  }

  /**
   * OpenTofu's {@code convert(value, type)}. Its second argument is a type expression, not a
   * value, so the evaluator reads it with {@code TypeConstraints.parse} and calls this; errors
   * are about the first argument ("Invalid value for "value" parameter").
   */
  public static Value convert(Value value, TypeConstraint constraint) throws FunctionException {
    Value bare = ValueMarks.unmarkDeep(value);
    try {
      return constraint.convert(bare).mark(ValueMarks.deepMarks(value));
    } catch (ConversionException e) {
      throw new FunctionException(0, e.getMessage());
    }
  }
}
