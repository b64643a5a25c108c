package dev.kplan.lang.value;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical order of set elements, as cty's set rules order them when a set is iterated:
 * known values before unknown ones and both before nulls; numbers ascending, strings by code point,
 * false before true; anything else (lists, tuples, sets, maps, objects) by its set-hash text
 * compared byte by byte ({@code [} elements each followed by {@code ;} {@code ]}, strings quoted as
 * Go's {@code %q}, numbers as {@code big.Float.String()}, objects and tuples {@code <…>}, maps
 * {@code {k:v;}}, unknown {@code ?}, null {@code ~}).
 */
public final class ValueOrder implements Comparator<Value> {
  public static final ValueOrder INSTANCE = new ValueOrder();
  private static final MathContext TEN_DIGITS = new MathContext(10, RoundingMode.HALF_EVEN);

  private ValueOrder() {}

  @Override
  public int compare(Value a, Value b) {
    a = a.unmarked();
    b = b.unmarked();
    if (a.equals(b)) {
      return 0;
    }
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    if (a instanceof NumberValue x && b instanceof NumberValue y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof StringValue x && b instanceof StringValue y) {
      return compareCodePoints(x.value(), y.value());
    }
    if (a instanceof BoolValue x && b instanceof BoolValue y) {
      return Boolean.compare(x.value(), y.value());
    }
    if (ra == 1) {
      return compareCodePoints(hashText(a), hashText(b));
    }
    return 0;
  }

  /** 0 known primitives and structures, 1 known non-primitives (same rank), 2 unknown, 3 null. */
  private static int rank(Value v) {
    if (v instanceof NullValue) {
      return 3;
    }
    if (v instanceof UnknownValue) {
      return 2;
    }
    if (v instanceof NumberValue || v instanceof StringValue || v instanceof BoolValue) {
      return 0;
    }
    return 1;
  }

  /** cty's set-hash text of a value ({@code appendSetHashBytes}); marks are ignored. */
  static String hashText(Value v) {
    StringBuilder sb = new StringBuilder();
    appendHash(v, sb);
    return sb.toString();
  }

  private static void appendHash(Value v, StringBuilder sb) {
    v = v.unmarked();
    if (v instanceof UnknownValue) {
      sb.append('?');
    } else if (v instanceof NullValue) {
      sb.append('~');
    } else if (v instanceof NumberValue n) {
      sb.append(goFloatString(n.value()));
    } else if (v instanceof BoolValue b) {
      sb.append(b.value() ? 'T' : 'F');
    } else if (v instanceof StringValue s) {
      sb.append(GoQuote.quote(s.value()));
    } else if (v instanceof MapValue m) {
      sb.append('{');
      m.entries().entrySet().stream()
          .sorted((x, y) -> compareCodePoints(x.getKey(), y.getKey()))
          .forEach(e -> {
            sb.append(GoQuote.quote(e.getKey())).append(':');
            appendHash(e.getValue(), sb);
            sb.append(';');
          });
      sb.append('}');
    } else if (v instanceof ListValue l) {
      appendAll('[', l.elements(), ']', sb);
    } else if (v instanceof SetValue s) {
      appendAll('[', s.elements(), ']', sb);
    } else if (v instanceof TupleValue t) {
      appendAll('<', t.elements(), '>', sb);
    } else if (v instanceof ObjectValue o) {
      sb.append('<');
      o.attributes().entrySet().stream()
          .sorted((x, y) -> compareCodePoints(x.getKey(), y.getKey()))
          .forEach(e -> {
            appendHash(e.getValue(), sb);
            sb.append(';');
          });
      sb.append('>');
    }
  }

  private static void appendAll(char open, List<Value> elems, char close, StringBuilder sb) {
    sb.append(open);
    for (Value e : elems) {
      appendHash(e, sb);
      sb.append(';');
    }
    sb.append(close);
  }

  /** Go's {@code big.Float.String()}: {@code %g} with 10 significant digits. */
  static String goFloatString(BigDecimal n) {
    if (n.signum() == 0) {
      return "0";
    }
    BigDecimal r = n.round(TEN_DIGITS).stripTrailingZeros();
    String digits = r.unscaledValue().abs().toString();
    int nd = digits.length();
    int dp = nd - r.scale();
    int exp = dp - 1;
    int eprec = 10;
    if (eprec > nd && nd >= dp) {
      eprec = nd;
    }
    String sign = r.signum() < 0 ? "-" : "";
    if (exp < -4 || exp >= eprec) {
      String mant = digits.charAt(0) + (nd > 1 ? "." + digits.substring(1) : "");
      int ax = Math.abs(exp);
      return sign + mant + "e" + (exp < 0 ? "-" : "+") + (ax < 10 ? "0" : "") + ax;
    }
    return sign + r.abs().setScale(Math.max(nd - dp, 0), RoundingMode.UNNECESSARY).toPlainString();
  }

  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
