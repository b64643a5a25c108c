package dev.kplan.lang.eval;

import dev.kplan.lang.types.ConversionException;
import dev.kplan.lang.types.Convert;
import dev.kplan.lang.types.DynamicType;
import dev.kplan.lang.types.PrimitiveType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The conversions the evaluator needs most (operands, index keys, object keys, template parts):
 * between primitive types it follows go-cty's {@code convert} package directly; anything else goes
 * to {@link Convert}. Marks on the converted value are kept.
 */
final class Conversions {
  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

  private Conversions() {}

  static Value convert(Value v, Type want) throws ConversionException {
    if (want instanceof DynamicType || v.type().equals(want)) {
      return v;
    }
    if (want instanceof PrimitiveType && (v.type() instanceof PrimitiveType || v.type() instanceof DynamicType)) {
      if (!v.isKnown()) {
        return Value.unknownOf(want).mark(v.marks());
      }
      if (v.isNull()) {
        return Value.nullOf(want).mark(v.marks());
      }
      return convertPrimitive(v.unmarked(), (PrimitiveType) want).mark(v.marks());
    }
    return Convert.convert(v, want);
  }

  private static Value convertPrimitive(Value v, PrimitiveType want) throws ConversionException {
    if (want == PrimitiveType.STRING) {
      if (v instanceof NumberValue n) {
        return Value.string(numberText(n.value()));
      }
      if (v instanceof BoolValue b) {
        return Value.string(b.value() ? "true" : "false");
      }
    } else if (want == PrimitiveType.NUMBER && v instanceof StringValue s) {
      String text = s.value();
      if (!NUMBER.matcher(text).matches()) {
        throw new ConversionException("a number is required");
      }
      return Value.number(new BigDecimal(text.startsWith("+") ? text.substring(1) : text));
    } else if (want == PrimitiveType.BOOL && v instanceof StringValue s) {
      switch (s.value()) {
        case "true":
        case "1":
          return Value.bool(true);
        case "false":
        case "0":
          return Value.bool(false);
        default:
          String lower = s.value().toLowerCase(java.util.Locale.ROOT);
          if (lower.equals("true") || lower.equals("false")) {
            throw new ConversionException(
                "a bool is required; to convert from string, use lowercase \"" + lower + "\"");
          }
          throw new ConversionException("a bool is required");
      }
    }
    // no conversion between these primitives: cty's mismatch message
    return Convert.convert(v, want);
  }

  /** A number as cty prints it ({@code big.Float.Text('f', -1)}): no exponent, no trailing zeros. */
  static String numberText(BigDecimal n) {
    BigDecimal d = n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros();
    if (d.precision() > 160) {
      d = Float512.of(d).toShortestDecimal();
    }
    return d.toPlainString();
  }
}
