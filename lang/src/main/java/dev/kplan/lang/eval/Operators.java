package dev.kplan.lang.eval;

import dev.kplan.lang.types.DynamicType;
import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.MapType;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.TupleType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * HCL's operators on values, with go-cty's semantics (the {@code stdlib} functions behind
 * {@code hclsyntax}'s operations): the operands are already converted to the operator's type;
 * marks of the operands go on the result; an unknown operand makes the result an unknown of the
 * result type; a null operand fails with "argument must not be null". Numbers are computed as
 * 512-bit binary floats ({@link Float512}), as cty does.
 */
public final class Operators {
  static final String NULL_ARGUMENT = "argument must not be null";
  /** Enough digits that a quotient which terminates within 100 digits is exact. */
  private static final MathContext QUOTIENT_DIGITS = new MathContext(110);

  private Operators() {}

  public static Value add(Value a, Value b) throws OperationException {
    return arithmetic(a, b, Float512::add, BigDecimal::add);
  }

  public static Value subtract(Value a, Value b) throws OperationException {
    return arithmetic(a, b, Float512::subtract, BigDecimal::subtract);
  }

  public static Value multiply(Value a, Value b) throws OperationException {
    return arithmetic(a, b, Float512::multiply, BigDecimal::multiply);
  }

  /**
   * {@code a / b}. cty yields an infinity for a non-zero number divided by zero; kplan numbers
   * cannot hold infinities, so that is an error here, worded like cty's zero-by-zero error.
   */
  public static Value divide(Value a, Value b) throws OperationException {
    Marks marks = a.marks().union(b.marks());
    Value early = shortCircuit(a, b, Type.NUMBER);
    if (early != null) {
      return early.mark(marks);
    }
    BigDecimal dx = ((NumberValue) a.unmarked()).value();
    BigDecimal dy = ((NumberValue) b.unmarked()).value();
    if (isSmallInteger(dx) && isSmallInteger(dy) && dy.signum() != 0) {
      long lx = dx.longValueExact();
      long ly = dy.longValueExact();
      if (lx % ly == 0) {
        // an exact integer quotient below 2^63 is exact in 512 bits too
        return Value.number(BigDecimal.valueOf(lx / ly)).mark(marks);
      }
    }
    Float512 x = Float512.of(dx);
    Float512 y = Float512.of(dy);
    if (y.isZero()) {
      if (x.isZero()) {
        throw new OperationException("can't divide zero by zero or infinity by infinity");
      }
      throw new OperationException("can't divide by zero: the result would be infinite");
    }
    return result(x.divide(y), dx.divide(dy, QUOTIENT_DIGITS)).mark(marks);
  }

  /**
   * {@code a % b} as cty's {@code Modulo}: {@code a - b * trunc(a / b)}, so the result has the
   * sign of {@code a}; {@code a % 0} is {@code a}.
   */
  public static Value modulo(Value a, Value b) throws OperationException {
    Marks marks = a.marks().union(b.marks());
    Value early = shortCircuit(a, b, Type.NUMBER);
    if (early != null) {
      return early.mark(marks);
    }
    BigDecimal dx = ((NumberValue) a.unmarked()).value();
    BigDecimal dy = ((NumberValue) b.unmarked()).value();
    if (dy.signum() == 0) {
      return a.unmarked().mark(marks);
    }
    if (isSmallInteger(dx) && isSmallInteger(dy)) {
      // |a|, |b| < 10^18: the 512-bit quotient keeps over 400 fraction bits, far finer than the
      // 1/|b| gap to the next integer, so truncating it gives the exact integer quotient and the
      // whole computation is exact: Java's remainder (sign of the dividend) is cty's result.
      return Value.number(BigDecimal.valueOf(dx.longValueExact() % dy.longValueExact())).mark(marks);
    }
    Float512 x = Float512.of(dx);
    Float512 y = Float512.of(dy);
    BigInteger q = x.divide(y).truncate();
    Float512 binary = x.subtract(y.multiply(Float512.ofInteger(q)));
    return result(binary, dx.subtract(dy.multiply(new BigDecimal(q)))).mark(marks);
  }

  public static Value negate(Value a) throws OperationException {
    if (!a.isKnown()) {
      return Value.unknownOf(Type.NUMBER).mark(a.marks());
    }
    if (a.isNull()) {
      throw new OperationException(NULL_ARGUMENT);
    }
    NumberValue n = (NumberValue) a;
    return new NumberValue(n.value().negate(), n.marks());
  }

  public static Value lessThan(Value a, Value b) throws OperationException {
    return compare(a, b, c -> c < 0);
  }

  public static Value lessThanOrEqual(Value a, Value b) throws OperationException {
    return compare(a, b, c -> c <= 0);
  }

  public static Value greaterThan(Value a, Value b) throws OperationException {
    return compare(a, b, c -> c > 0);
  }

  public static Value greaterThanOrEqual(Value a, Value b) throws OperationException {
    return compare(a, b, c -> c >= 0);
  }

  /** {@code !a}. */
  public static Value not(Value a) throws OperationException {
    if (!a.isKnown()) {
      return Value.unknownOf(Type.BOOL).mark(a.marks());
    }
    if (a.isNull()) {
      throw new OperationException(NULL_ARGUMENT);
    }
    return new BoolValue(!((BoolValue) a).value(), a.marks());
  }

  /**
   * {@code a && b} including HCL's short-circuit rules: a known false side decides the result
   * even when the other side is unknown (and cty counts a null bool as "not true", so
   * {@code null && x} is false).
   */
  public static Value and(Value a, Value b) throws OperationException {
    Marks marks = a.marks().union(b.marks());
    Value l = a.unmarked();
    Value r = b.unmarked();
    if (!l.isKnown() && !r.isKnown()) {
      return Value.unknownOf(Type.BOOL).mark(marks);
    }
    if (l.isKnown() && !isTrue(l)) {
      return Value.bool(false).mark(marks);
    }
    if (r.isKnown() && !isTrue(r)) {
      return Value.bool(false).mark(marks);
    }
    if (!l.isKnown() || !r.isKnown()) {
      return Value.unknownOf(Type.BOOL).mark(marks);
    }
    return Value.bool(true).mark(marks);
  }

  /** {@code a || b} including HCL's short-circuit rules (a known true side decides). */
  public static Value or(Value a, Value b) throws OperationException {
    Marks marks = a.marks().union(b.marks());
    Value l = a.unmarked();
    Value r = b.unmarked();
    if (!l.isKnown() && !r.isKnown()) {
      return Value.unknownOf(Type.BOOL).mark(marks);
    }
    if (l.isKnown() && isTrue(l)) {
      return Value.bool(true).mark(marks);
    }
    if (r.isKnown() && isTrue(r)) {
      return Value.bool(true).mark(marks);
    }
    if (!l.isKnown() || !r.isKnown()) {
      // the known side is false (or null): the unknown side decides
      return Value.unknownOf(Type.BOOL).mark(marks);
    }
    if (l.isNull() || r.isNull()) {
      throw new OperationException(NULL_ARGUMENT);
    }
    return Value.bool(false).mark(marks);
  }

  /** {@code a == b}: cty's {@code Equals}, including its rules for unknowns and nulls. */
  public static Value equal(Value a, Value b) {
    Marks marks = ValueMarks.deepMarks(a).union(ValueMarks.deepMarks(b));
    Value l = ValueMarks.unmarkDeep(a);
    Value r = ValueMarks.unmarkDeep(b);
    return equalsUnmarked(l, r).mark(marks);
  }

  /** {@code a != b}. */
  public static Value notEqual(Value a, Value b) {
    Value eq = equal(a, b);
    if (eq instanceof BoolValue bv) {
      return new BoolValue(!bv.value(), bv.marks());
    }
    return eq;
  }

  /** True when the two values are equal as cty's {@code RawEquals} sees them (marks ignored). */
  public static boolean rawEquals(Value a, Value b) {
    Value eq = equal(a, b);
    return eq instanceof BoolValue bv && bv.value();
  }

  private static Value equalsUnmarked(Value l, Value r) {
    Value unknownBool = Value.unknownOf(Type.BOOL);
    if (!l.isKnown() && !r.isKnown()) {
      return unknownBool;
    }
    if (l.isKnown() != r.isKnown()) {
      Value known = l.isKnown() ? l : r;
      Value unknown = l.isKnown() ? r : l;
      if (known.isNull() || unknown.type().hasDynamicTypes()) {
        return unknownBool;
      }
      if (!known.type().equals(unknown.type())) {
        return Value.bool(false);
      }
      return unknownBool;
    }
    if (l.isNull() && r.isNull()) {
      return Value.bool(true);
    }
    if (l.isNull() || r.isNull()) {
      return Value.bool(false);
    }
    Type lt = l.type();
    Type rt = r.type();
    if (lt.hasDynamicTypes() || rt.hasDynamicTypes()) {
      if (!conforms(lt, rt) && !conforms(rt, lt)) {
        return Value.bool(false);
      }
      return unknownBool;
    }
    if (!lt.equals(rt)) {
      return Value.bool(false);
    }
    if (l instanceof NumberValue x && r instanceof NumberValue y) {
      return Value.bool(sameNumber(x.value(), y.value()));
    }
    if (l instanceof StringValue x && r instanceof StringValue y) {
      return Value.bool(x.value().equals(y.value()));
    }
    if (l instanceof BoolValue x && r instanceof BoolValue y) {
      return Value.bool(x.value() == y.value());
    }
    if (l instanceof ListValue x && r instanceof ListValue y) {
      return sequenceEquals(x.elements(), y.elements());
    }
    if (l instanceof TupleValue x && r instanceof TupleValue y) {
      return sequenceEquals(x.elements(), y.elements());
    }
    if (l instanceof MapValue x && r instanceof MapValue y) {
      return mapEquals(x.entries(), y.entries());
    }
    if (l instanceof ObjectValue x && r instanceof ObjectValue y) {
      return mapEquals(x.attributes(), y.attributes());
    }
    if (l instanceof SetValue x && r instanceof SetValue y) {
      for (Value e : x.elements()) {
        if (!e.isKnown()) {
          return unknownBool;
        }
      }
      for (Value e : y.elements()) {
        if (!e.isKnown()) {
          return unknownBool;
        }
      }
      return Value.bool(containsAll(x.elements(), y.elements()) && containsAll(y.elements(), x.elements()));
    }
    return Value.bool(false);
  }

  private static boolean containsAll(List<Value> haystack, List<Value> needles) {
    for (Value n : needles) {
      boolean found = false;
      for (Value h : haystack) {
        if (equalsUnmarked(h, n) instanceof BoolValue bv && bv.value()) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }

  private static Value sequenceEquals(List<Value> a, List<Value> b) {
    if (a.size() != b.size()) {
      return Value.bool(false);
    }
    for (int i = 0; i < a.size(); i++) {
      Value eq = equalsUnmarked(a.get(i), b.get(i));
      if (!eq.isKnown()) {
        return Value.unknownOf(Type.BOOL);
      }
      if (!((BoolValue) eq).value()) {
        return Value.bool(false);
      }
    }
    return Value.bool(true);
  }

  private static Value mapEquals(Map<String, Value> a, Map<String, Value> b) {
    if (!a.keySet().equals(b.keySet())) {
      return Value.bool(false);
    }
    for (Map.Entry<String, Value> e : a.entrySet()) {
      Value eq = equalsUnmarked(e.getValue(), b.get(e.getKey()));
      if (!eq.isKnown()) {
        return Value.unknownOf(Type.BOOL);
      }
      if (!((BoolValue) eq).value()) {
        return Value.bool(false);
      }
    }
    return Value.bool(true);
  }

  /** True when a value of type {@code b} could later turn out to have type {@code a} or vice versa. */
  private static boolean conforms(Type a, Type b) {
    if (a instanceof DynamicType || b instanceof DynamicType) {
      return true;
    }
    if (a instanceof ListType x && b instanceof ListType y) {
      return conforms(x.element(), y.element());
    }
    if (a instanceof SetType x && b instanceof SetType y) {
      return conforms(x.element(), y.element());
    }
    if (a instanceof MapType x && b instanceof MapType y) {
      return conforms(x.element(), y.element());
    }
    if (a instanceof TupleType x && b instanceof TupleType y) {
      if (x.elements().size() != y.elements().size()) {
        return false;
      }
      for (int i = 0; i < x.elements().size(); i++) {
        if (!conforms(x.elements().get(i), y.elements().get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof ObjectType x && b instanceof ObjectType y) {
      if (!x.attributes().keySet().equals(y.attributes().keySet())) {
        return false;
      }
      for (String k : x.attributes().keySet()) {
        if (!conforms(x.attributeType(k), y.attributeType(k))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /**
   * cty's {@code rawNumberEqual}: two numbers are equal when they print the same (shortest
   * decimal at their own precision), which for kplan's shortest-form decimals is equality of value.
   */
  static boolean sameNumber(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) == 0;
  }

  /** cty's {@code Value.True()}: a known, non-null {@code true}. Null counts as not true. */
  static boolean isTrue(Value v) {
    return v instanceof BoolValue b && b.value();
  }

  private interface Comparison {
    boolean test(int cmp);
  }

  private static Value compare(Value a, Value b, Comparison cmp) throws OperationException {
    Marks marks = a.marks().union(b.marks());
    Value early = shortCircuit(a, b, Type.BOOL);
    if (early != null) {
      return early.mark(marks);
    }
    BigDecimal x = ((NumberValue) a.unmarked()).value();
    BigDecimal y = ((NumberValue) b.unmarked()).value();
    int c = x.compareTo(y);
    return Value.bool(cmp.test(c)).mark(marks);
  }

  private static Value arithmetic(
      Value a, Value b, BinaryOperator<Float512> op, BinaryOperator<BigDecimal> exact) throws OperationException {
    Marks marks = a.marks().union(b.marks());
    Value early = shortCircuit(a, b, Type.NUMBER);
    if (early != null) {
      return early.mark(marks);
    }
    BigDecimal x = ((NumberValue) a.unmarked()).value();
    BigDecimal y = ((NumberValue) b.unmarked()).value();
    BigDecimal r = exact.apply(x, y);
    if (x.scale() <= 0 && y.scale() <= 0 && fitsMantissa(x) && fitsMantissa(y) && fitsMantissa(r)) {
      // integers that, like their exact result, fit the mantissa need no rounding: cty's is exact too
      return Value.number(r).mark(marks);
    }
    return result(op.apply(Float512.of(x), Float512.of(y)), r).mark(marks);
  }

  /**
   * The number for binary result {@code f}. When {@code exact}, a short decimal, rounds to the
   * same binary number, it is the shortest form (any shorter decimal would lie farther away than
   * the half-ulp interval is wide), which spares the digit walk for everyday results.
   */
  private static NumberValue result(Float512 f, BigDecimal exact) {
    if (exact != null && exact.precision() <= 100 && Float512.of(exact).sameValue(f)) {
      return Value.number(exact);
    }
    return number(f);
  }

  /** A whole number that a 512-bit mantissa holds exactly. */
  private static boolean fitsMantissa(BigDecimal integer) {
    if (integer.precision() - integer.scale() <= 18) {
      return true; // below 10^18 < 2^60: no need to build the BigInteger
    }
    return integer.toBigInteger().bitLength() <= Float512.PRECISION;
  }

  /** A whole number below 10^18 in magnitude (normalised values have a scale of at most zero). */
  private static boolean isSmallInteger(BigDecimal n) {
    return n.scale() <= 0 && n.precision() - n.scale() <= 18;
  }

  /** cty's function-call rules: null is an error, unknown gives an unknown result. */
  private static Value shortCircuit(Value a, Value b, Type resultType) throws OperationException {
    if (a.isNull() || b.isNull()) {
      throw new OperationException(NULL_ARGUMENT);
    }
    if (!a.isKnown() || !b.isKnown()) {
      return Value.unknownOf(resultType);
    }
    return null;
  }

  static NumberValue number(Float512 f) {
    return Value.number(f.toShortestDecimal());
  }
}
