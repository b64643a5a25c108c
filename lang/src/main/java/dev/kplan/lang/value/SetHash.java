package dev.kplan.lang.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Map;

/**
 * go-cty's set-hash text of a value. cty orders set elements that have no natural order (lists,
 * tuples, maps, objects) by comparing these texts byte by byte, and that order shows wherever a
 * set is iterated ({@code tolist}, {@code for}, {@code jsonencode}), so kplan reproduces it.
 */
final class SetHash {
  private SetHash() {}

  static String of(Value v) {
    StringBuilder sb = new StringBuilder();
    append(v, sb);
    return sb.toString();
  }

  private static void append(Value v, StringBuilder sb) {
    if (!v.isKnown()) {
      sb.append('?');
    } else if (v.isNull()) {
      sb.append('~');
    } else if (v instanceof NumberValue n) {
      sb.append(goFloatString(n.value()));
    } else if (v instanceof BoolValue b) {
      sb.append(b.value() ? 'T' : 'F');
    } else if (v instanceof StringValue s) {
      goQuote(s.value(), sb);
    } else if (v instanceof MapValue m) {
      sb.append('{');
      for (Map.Entry<String, Value> e : m.entries().entrySet()) {
        goQuote(e.getKey(), sb);
        sb.append(':');
        append(e.getValue(), sb);
        sb.append(';');
      }
      sb.append('}');
    } else if (v instanceof ListValue l) {
      sequence('[', l.elements(), ']', sb);
    } else if (v instanceof SetValue s) {
      sequence('[', s.elements(), ']', sb);
    } else if (v instanceof TupleValue t) {
      sequence('<', t.elements(), '>', sb);
    } else if (v instanceof ObjectValue o) {
      sequence('<', java.util.List.copyOf(o.attributes().values()), '>', sb);
    }
  }

  private static void sequence(char open, java.util.List<Value> elements, char close, StringBuilder sb) {
    sb.append(open);
    for (Value e : elements) {
      append(e, sb);
      sb.append(';');
    }
    sb.append(close);
  }

  /** Go's {@code big.Float.String()}: {@code %.10g}. */
  static String goFloatString(BigDecimal d) {
    if (d.signum() == 0) {
      return "0";
    }
    BigDecimal r = d.round(new MathContext(10, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    int exponent = r.precision() - r.scale() - 1;
    if (exponent < -4 || exponent >= 10) {
      String digits = r.unscaledValue().abs().toString();
      StringBuilder sb = new StringBuilder(r.signum() < 0 ? "-" : "");
      sb.append(digits.charAt(0));
      if (digits.length() > 1) {
        sb.append('.').append(digits, 1, digits.length());
      }
      sb.append('e').append(exponent < 0 ? '-' : '+');
      int abs = Math.abs(exponent);
      sb.append(abs < 10 ? "0" + abs : String.valueOf(abs));
      return sb.toString();
    }
    return r.toPlainString();
  }

  /** Go's {@code %q} (strconv.Quote): printable characters kept, the rest escaped. */
  static void goQuote(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\t' -> sb.append("\\t");
        case '\r' -> sb.append("\\r");
        case 7 -> sb.append("\\a");
        case 8 -> sb.append("\\b");
        case 12 -> sb.append("\\f");
        case 11 -> sb.append("\\v");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\x%02x", c));
          } else if (!isGoPrintable(c)) {
            sb.append(c < 0x10000 ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
          } else {
            sb.appendCodePoint(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static boolean isGoPrintable(int c) {
    int type = Character.getType(c);
    return Character.isDefined(c)
        && type != Character.CONTROL && type != Character.FORMAT && type != Character.SURROGATE
        && type != Character.PRIVATE_USE && type != Character.UNASSIGNED
        && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
        && (type != Character.SPACE_SEPARATOR || c == ' ');
  }
}
