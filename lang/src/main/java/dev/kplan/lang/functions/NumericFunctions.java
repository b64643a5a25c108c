package dev.kplan.lang.functions;

import static dev.kplan.lang.functions.CtyFunctions.param;
import static dev.kplan.lang.functions.CtyFunctions.spec;

import dev.kplan.lang.types.MismatchMessage;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/** Numeric functions, as go-cty's stdlib defines them. */
public final class NumericFunctions {
  private NumericFunctions() {}

  public static List<FunctionSpec> functions() {
    return List.of(abs(), ceil(), floor(), minMax("min", -1), minMax("max", 1), floatOp("log", "num", "base",
        (num, base) -> Math.log(num) / Math.log(base)), floatOp("pow", "num", "power", Math::pow), signum(),
        parseint());
  }

  private static BigDecimal num(Value v) {
    return ((NumberValue) v.unmarked()).value();
  }

  static FunctionSpec abs() {
    Param p = new Param("num", Type.NUMBER, false, false, true, true);
    return spec("abs", List.of(p), null, ReturnType.fixed(Type.NUMBER),
        (args, ret) -> Value.number(num(args.get(0)).abs()).mark(args.get(0).marks()));
  }

  static FunctionSpec ceil() {
    return spec("ceil", List.of(param("num", Type.NUMBER)), null, ReturnType.fixed(Type.NUMBER),
        (args, ret) -> Value.number(num(args.get(0)).setScale(0, RoundingMode.CEILING)));
  }

  static FunctionSpec floor() {
    return spec("floor", List.of(param("num", Type.NUMBER)), null, ReturnType.fixed(Type.NUMBER),
        (args, ret) -> Value.number(num(args.get(0)).setScale(0, RoundingMode.FLOOR)));
  }

  static FunctionSpec minMax(String name, int sign) {
    Param p = new Param("numbers", Type.NUMBER, false, false, false, true);
    return spec(name, List.of(), p, ReturnType.fixed(Type.NUMBER), (args, ret) -> {
      if (args.isEmpty()) {
        throw new FunctionException("must pass at least one number");
      }
      BigDecimal best = null;
      for (Value v : args) {
        BigDecimal n = num(v);
        if (best == null || n.compareTo(best) * sign > 0) {
          best = n;
        }
      }
      return Value.number(best);
    });
  }

  /** A function computed in 64-bit floating point, as cty does for log and pow. */
  static FunctionSpec floatOp(String name, String a, String b, DoubleBinaryOperator op) {
    return spec(name, List.of(param(a, Type.NUMBER), param(b, Type.NUMBER)), null, ReturnType.fixed(Type.NUMBER),
        (args, ret) -> {
          double result = op.applyAsDouble(num(args.get(0)).doubleValue(), num(args.get(1)).doubleValue());
          if (Double.isNaN(result) || Double.isInfinite(result)) {
            throw new FunctionException("the result of " + name + " is not a finite number");
          }
          return Value.number(BigDecimal.valueOf(result));
        });
  }

  static FunctionSpec signum() {
    return spec("signum", List.of(param("num", Type.NUMBER)), null, ReturnType.fixed(Type.NUMBER), (args, ret) -> {
      long n;
      try {
        n = CtyFunctions.wholeNumber(args.get(0));
      } catch (IllegalArgumentException e) {
        throw new FunctionException(e.getMessage());
      }
      return Value.number(Long.signum(n));
    });
  }

  static FunctionSpec parseint() {
    return spec("parseint", List.of(param("number", Type.DYNAMIC), param("base", Type.NUMBER)), null, args -> {
      if (!args.get(0).type().equals(Type.STRING)) {
        throw new FunctionException(0, "first argument must be a string, not " + args.get(0).type().friendlyName());
      }
      return Type.NUMBER;
    }, (args, ret) -> {
      String s = ((StringValue) args.get(0).unmarked()).value();
      long base;
      try {
        base = CtyFunctions.wholeNumber(args.get(1));
      } catch (IllegalArgumentException e) {
        throw new FunctionException(1, e.getMessage());
      }
      if (base < 2 || base > 62) {
        throw new FunctionException(1, "base must be a whole number between 2 and 62 inclusive");
      }
      BigInteger n = parseBigInt(s, (int) base);
      if (n == null) {
        throw new FunctionException(0, "cannot parse " + MismatchMessage.quote(s) + " as a base " + base + " integer");
      }
      return Value.number(new BigDecimal(n));
    });
  }

  /**
   * Go's {@code big.Int.SetString} for bases 2 to 62: an optional sign, then digits 0-9, then
   * letters; up to base 36 letters of either case count from 10, above it lower case counts from
   * 10 and upper case from 36.
   */
  static BigInteger parseBigInt(String s, int base) {
    int i = 0;
    boolean negative = false;
    if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
      negative = s.charAt(0) == '-';
      i = 1;
    }
    if (i >= s.length()) {
      return null;
    }
    BigInteger b = BigInteger.valueOf(base);
    BigInteger n = BigInteger.ZERO;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      int d;
      if (c >= '0' && c <= '9') {
        d = c - '0';
      } else if (c >= 'a' && c <= 'z') {
        d = c - 'a' + 10;
      } else if (c >= 'A' && c <= 'Z') {
        d = base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
      } else {
        return null;
      }
      if (d >= base) {
        return null;
      }
      n = n.multiply(b).add(BigInteger.valueOf(d));
    }
    return negative ? n.negate() : n;
  }
}
