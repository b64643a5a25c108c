package dev.kplan.lang.functions;

import dev.kplan.lang.types.ConversionException;
import dev.kplan.lang.types.Convert;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * The {@code format} verbs of go-cty (its ragel scanner plus {@code formatAppend}), with Go's
 * {@code fmt} rules for {@code *big.Float} and {@code *big.Int} where cty hands numbers to Go.
 * Offsets in messages are byte offsets into the UTF-8 format string, as Go reports them.
 */
final class GoFormat {
  /** cty parses number literals into 512-bit binary floats; explicit precisions round that value. */
  private static final int MANTISSA_BITS = 512;

  private GoFormat() {}

  private static final class Verb {
    String raw;
    int offset;
    int argNum;
    char mode;
    boolean zero;
    boolean sharp;
    boolean plus;
    boolean minus;
    boolean space;
    boolean hasPrec;
    int prec;
    boolean hasWidth;
    int width;
  }

  /** Formats {@code args} (wholly known, unmarked) by {@code format}. */
  static String format(String format, List<Value> args) throws FunctionException {
    StringBuilder out = new StringBuilder();
    int nextArg = 1;
    int highest = 0;
    int i = 0;
    int bytes = 0;
    int totalBytes = utf8Length(format);
    while (i < format.length()) {
      int cp = format.codePointAt(i);
      if (cp != '%') {
        out.appendCodePoint(cp);
        i += Character.charCount(cp);
        bytes += utf8Length(cp);
        continue;
      }
      Verb v = new Verb();
      v.argNum = nextArg;
      v.offset = bytes;
      int start = i;
      i++;
      bytes++;
      if (i >= format.length()) {
        throw new FunctionException("invalid format string starting at offset " + totalBytes);
      }
      if (format.charAt(i) == '%') {
        out.append('%');
        i++;
        bytes++;
        continue;
      }
      // flags, width, precision, [argument index], verb letter; anything else is an error
      int state = 0; // 0 flags, 1 width, 2 precision, 3 after index
      while (true) {
        if (i >= format.length()) {
          throw new FunctionException("invalid format string starting at offset " + totalBytes);
        }
        int c = format.codePointAt(i);
        if (state == 0 && (c == ' ' || c == '#' || c == '+' || c == '-' || c == '0')) {
          switch (c) {
            case ' ' -> v.space = true;
            case '#' -> v.sharp = true;
            case '+' -> v.plus = true;
            case '-' -> v.minus = true;
            default -> v.zero = true;
          }
        } else if ((state == 0 && c >= '1' && c <= '9') || (state == 1 && c >= '0' && c <= '9')) {
          v.hasWidth = true;
          v.width = (int) Math.min((long) v.width * 10 + (c - '0'), Integer.MAX_VALUE);
          state = 1;
        } else if (state <= 1 && c == '.') {
          v.hasPrec = true;
          state = 2;
        } else if (state == 2 && c >= '0' && c <= '9') {
          v.prec = (int) Math.min((long) v.prec * 10 + (c - '0'), Integer.MAX_VALUE);
        } else if (state <= 2 && c == '[') {
          int j = i + 1;
          long n = 0;
          while (j < format.length() && format.charAt(j) >= '0' && format.charAt(j) <= '9'
              && !(j == i + 1 && format.charAt(j) == '0')) {
            n = Math.min(n * 10 + (format.charAt(j) - '0'), Integer.MAX_VALUE);
            j++;
          }
          if (j >= format.length()) {
            throw new FunctionException("invalid format string starting at offset " + totalBytes);
          }
          if (j == i + 1 || format.charAt(j) != ']') {
            int bad = format.codePointAt(j);
            throw new FunctionException("unrecognized format character " + quoteRune(bad)
                + " at offset " + (bytes + (j - i)));
          }
          v.argNum = (int) n;
          bytes += j - i;
          i = j;
          state = 3;
        } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
          v.mode = (char) c;
          i++;
          bytes++;
          break;
        } else {
          throw new FunctionException("unrecognized format character " + quoteRune(c) + " at offset " + bytes);
        }
        i += Character.charCount(c);
        bytes += utf8Length(c);
      }
      v.raw = format.substring(start, i);
      highest = Math.max(highest, v.argNum);
      append(v, out, args);
      nextArg = v.argNum + 1;
    }
    if (highest < args.size()) {
      int firstBad = highest + 1;
      if (highest == 0) {
        throw new FunctionException(firstBad, "too many arguments; no verbs in format string");
      }
      throw new FunctionException(firstBad, "too many arguments; only " + highest + " used by format string");
    }
    return out.toString();
  }

  private static void append(Verb v, StringBuilder out, List<Value> args) throws FunctionException {
    int idx = v.argNum - 1;
    if (idx >= args.size()) {
      throw new FunctionException("not enough arguments for " + quote(v.raw) + " at " + v.offset
          + ": need index " + v.argNum + " but have " + args.size() + " total");
    }
    Value arg = args.get(idx);
    if (v.mode != 'v' && arg.isNull()) {
      throw unsupported(v, "null value cannot be formatted");
    }
    if (!v.hasWidth) {
      v.width = -1;
    }
    if (!v.hasPrec) {
      v.prec = -1;
    }
    switch (v.mode) {
      case 'v' -> appendAsIs(v, out, arg);
      case 't' -> out.append(((BoolValue) convert(v, arg, Type.BOOL)).value());
      case 'b', 'd', 'o', 'x', 'X', 'e', 'E', 'f', 'g', 'G' ->
          appendNumber(v, out, ((NumberValue) convert(v, arg, Type.NUMBER)).value());
      case 's', 'q' -> appendString(v, out, ((StringValue) convert(v, arg, Type.STRING)).value());
      default -> throw new FunctionException("unsupported format verb " + quoteRune(v.mode) + " in "
          + quote(v.raw) + " at offset " + v.offset);
    }
  }

  private static FunctionException unsupported(Verb v, String why) {
    return new FunctionException("unsupported value for " + quote(v.raw) + " at " + v.offset + ": " + why);
  }

  private static Value convert(Verb v, Value arg, Type want) throws FunctionException {
    try {
      return Convert.convert(arg, want);
    } catch (ConversionException e) {
      throw unsupported(v, e.getMessage());
    }
  }

  private static void appendAsIs(Verb v, StringBuilder out, Value arg) {
    if (!v.sharp && arg instanceof StringValue s) {
      out.append(padWidth(v, s.value()));
    } else if (!v.sharp && arg instanceof NumberValue n) {
      out.append(padWidth(v, shortestG(n.value())));
    } else {
      out.append(padWidth(v, JsonCodec.encode(arg)));
    }
  }

  private static void appendString(Verb v, StringBuilder out, String s) {
    if (v.prec > 0) {
      List<String> clusters = TextSegments.graphemes(s);
      if (clusters.size() > v.prec) {
        s = String.join("", clusters.subList(0, v.prec));
      }
    }
    out.append(padWidth(v, v.mode == 'q' ? jsonQuote(s) : s));
  }

  private static String jsonQuote(String s) {
    StringBuilder sb = new StringBuilder();
    JsonCodec.writeString(s, sb);
    return sb.toString();
  }

  private static String padWidth(Verb v, String s) {
    if (v.width < 0) {
      return s;
    }
    int have = TextSegments.count(s);
    if (have >= v.width) {
      return s;
    }
    String pads = (v.zero ? "0" : " ").repeat(v.width - have);
    return v.minus ? s + pads : pads + s;
  }

  private static void appendNumber(Verb v, StringBuilder out, BigDecimal n) throws FunctionException {
    // Go's fmt drops the zero flag when padding to the right
    boolean zero = v.zero && !v.minus;
    if ("bdoxX".indexOf(v.mode) >= 0) {
      BigInteger i;
      try {
        i = n.toBigIntegerExact();
      } catch (ArithmeticException e) {
        throw unsupported(v, "an integer is required");
      }
      out.append(formatInt(v, zero, i));
    } else {
      out.append(formatFloat(v, zero, n));
    }
  }

  /** Go's {@code big.Int.Format}. */
  private static String formatInt(Verb v, boolean zeroFlag, BigInteger x) {
    int base = switch (v.mode) {
      case 'b' -> 2;
      case 'o' -> 8;
      case 'x', 'X' -> 16;
      default -> 10;
    };
    String sign = x.signum() < 0 ? "-" : v.plus ? "+" : v.space ? " " : "";
    String prefix = "";
    if (v.sharp) {
      prefix = switch (v.mode) {
        case 'b' -> "0b";
        case 'o' -> "0";
        case 'x' -> "0x";
        case 'X' -> "0X";
        default -> "";
      };
    }
    String digits = x.abs().toString(base);
    if (v.mode == 'X') {
      digits = digits.toUpperCase(java.util.Locale.ROOT);
    }
    int zeros = 0;
    if (v.hasPrec) {
      if (digits.length() < v.prec) {
        zeros = v.prec - digits.length();
      } else if (digits.equals("0") && v.prec == 0) {
        return "";
      }
    }
    int left = 0;
    int right = 0;
    int length = sign.length() + prefix.length() + zeros + digits.length();
    if (v.hasWidth && length < v.width) {
      int d = v.width - length;
      if (v.minus) {
        right = d;
      } else if (zeroFlag && !v.hasPrec) {
        zeros = d;
      } else {
        left = d;
      }
    }
    return " ".repeat(left) + sign + prefix + "0".repeat(zeros) + digits + " ".repeat(right);
  }

  /** Go's {@code big.Float.Format} for e, E, f, g and G. */
  private static String formatFloat(Verb v, boolean zeroFlag, BigDecimal x) {
    char verb = v.mode;
    int prec = v.hasPrec ? v.prec : (verb == 'g' || verb == 'G') ? -1 : 6;
    Decimal d = prec < 0 ? Decimal.of(x.abs()) : Decimal.of(toBinary(x.abs()));
    String body = text(d, verb, prec);
    String sign = x.signum() < 0 ? "-" : v.plus ? "+" : v.space ? " " : "";
    int padding = v.hasWidth && v.width > sign.length() + body.length() ? v.width - sign.length() - body.length() : 0;
    if (zeroFlag) {
      return sign + "0".repeat(padding) + body;
    }
    if (v.minus) {
      return sign + body + " ".repeat(padding);
    }
    return " ".repeat(padding) + sign + body;
  }

  /** cty's {@code %v} of a number: {@code big.Float.Text('g', -1)}. */
  static String shortestG(BigDecimal x) {
    return (x.signum() < 0 ? "-" : "") + text(Decimal.of(x.abs()), 'g', -1);
  }

  /** Go's {@code big.Float} text of a non-negative decimal; {@code prec < 0} is shortest. */
  private static String text(Decimal d, char verb, int prec) {
    boolean shortest = prec < 0;
    if (shortest) {
      prec = switch (verb) {
        case 'e', 'E' -> d.mant.length() - 1;
        case 'f' -> Math.max(d.mant.length() - d.exp, 0);
        default -> d.mant.length();
      };
    } else {
      switch (verb) {
        case 'e', 'E' -> d = d.round(1 + prec);
        case 'f' -> d = d.round(d.exp + prec);
        default -> {
          if (prec == 0) {
            prec = 1;
          }
          d = d.round(prec);
        }
      }
    }
    switch (verb) {
      case 'e', 'E' -> {
        return fmtE(d, verb, prec);
      }
      case 'f' -> {
        return fmtF(d, prec);
      }
      default -> {
        int eprec = prec;
        if (eprec > d.mant.length() && d.mant.length() >= d.exp) {
          eprec = d.mant.length();
        }
        if (shortest) {
          eprec = 6;
        }
        int exp = d.exp - 1;
        if (exp < -4 || exp >= eprec) {
          if (prec > d.mant.length()) {
            prec = d.mant.length();
          }
          return fmtE(d, verb == 'G' ? 'E' : 'e', prec - 1);
        }
        if (prec > d.exp) {
          prec = d.mant.length();
        }
        return fmtF(d, Math.max(prec - d.exp, 0));
      }
    }
  }

  private static String fmtE(Decimal d, char e, int prec) {
    StringBuilder sb = new StringBuilder();
    sb.append(d.mant.isEmpty() ? '0' : d.mant.charAt(0));
    if (prec > 0) {
      sb.append('.');
      int i = 1;
      int m = Math.min(d.mant.length(), prec + 1);
      if (i < m) {
        sb.append(d.mant, i, m);
        i = m;
      }
      for (; i <= prec; i++) {
        sb.append('0');
      }
    }
    sb.append(e);
    long exp = d.mant.isEmpty() ? 0 : (long) d.exp - 1;
    sb.append(exp < 0 ? '-' : '+');
    exp = Math.abs(exp);
    if (exp < 10) {
      sb.append('0');
    }
    return sb.append(exp).toString();
  }

  private static String fmtF(Decimal d, int prec) {
    StringBuilder sb = new StringBuilder();
    if (d.exp > 0) {
      int m = Math.min(d.mant.length(), d.exp);
      sb.append(d.mant, 0, m);
      for (; m < d.exp; m++) {
        sb.append('0');
      }
    } else {
      sb.append('0');
    }
    if (prec > 0) {
      sb.append('.');
      for (int i = 0; i < prec; i++) {
        int at = d.exp + i;
        sb.append(at >= 0 && at < d.mant.length() ? d.mant.charAt(at) : '0');
      }
    }
    return sb.toString();
  }

  /** The exact value of the 512-bit binary float nearest to {@code x >= 0}, as cty would hold it. */
  static BigDecimal toBinary(BigDecimal x) {
    if (x.signum() == 0 || (x.scale() <= 0 && x.toBigInteger().bitLength() <= MANTISSA_BITS)) {
      return x;
    }
    BigInteger num = x.scale() <= 0 ? x.toBigInteger() : x.unscaledValue();
    BigInteger den = x.scale() <= 0 ? BigInteger.ONE : BigInteger.TEN.pow(x.scale());
    int e = num.bitLength() - den.bitLength() - MANTISSA_BITS;
    while (true) {
      BigInteger n2 = e < 0 ? num.shiftLeft(-e) : num;
      BigInteger d2 = e > 0 ? den.shiftLeft(e) : den;
      BigInteger[] qr = n2.divideAndRemainder(d2);
      BigInteger q = qr[0];
      if (q.bitLength() > MANTISSA_BITS) {
        e++;
        continue;
      }
      if (q.bitLength() < MANTISSA_BITS) {
        e--;
        continue;
      }
      int cmp = qr[1].shiftLeft(1).compareTo(d2);
      if (cmp > 0 || (cmp == 0 && q.testBit(0))) {
        q = q.add(BigInteger.ONE);
      }
      return e >= 0
          ? new BigDecimal(q.shiftLeft(e))
          : new BigDecimal(q.multiply(BigInteger.valueOf(5).pow(-e)), -e);
    }
  }

  /** Go's multi-precision decimal: value = 0.mant × 10^exp, mant without trailing zeros. */
  private record Decimal(String mant, int exp) {
    static Decimal of(BigDecimal nonNegative) {
      if (nonNegative.signum() == 0) {
        return new Decimal("", 0);
      }
      BigDecimal s = nonNegative.stripTrailingZeros();
      String digits = s.unscaledValue().toString();
      return new Decimal(digits, digits.length() - s.scale());
    }

    /** Rounds to n digits, half to even on the exact digits, as Go's {@code decimal.round}. */
    Decimal round(int n) {
      if (n < 0 || n >= mant.length()) {
        return this;
      }
      boolean up;
      if (mant.charAt(n) == '5' && n + 1 == mant.length()) {
        up = n > 0 && (mant.charAt(n - 1) - '0') % 2 != 0;
      } else {
        up = mant.charAt(n) >= '5';
      }
      if (!up) {
        String m = trimZeros(mant.substring(0, n));
        return m.isEmpty() ? new Decimal("", 0) : new Decimal(m, exp);
      }
      int k = n;
      while (k > 0 && mant.charAt(k - 1) >= '9') {
        k--;
      }
      if (k == 0) {
        return new Decimal("1", exp + 1);
      }
      return new Decimal(mant.substring(0, k - 1) + (char) (mant.charAt(k - 1) + 1), exp);
    }

    private static String trimZeros(String s) {
      int end = s.length();
      while (end > 0 && s.charAt(end - 1) == '0') {
        end--;
      }
      return s.substring(0, end);
    }
  }

  /** Go's {@code %q} of a string ({@code strconv.Quote}). */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints().forEach(cp -> appendQuoted(sb, cp, '"'));
    return sb.append('"').toString();
  }

  /** Go's {@code %q} of a rune. */
  static String quoteRune(int cp) {
    StringBuilder sb = new StringBuilder("'");
    appendQuoted(sb, cp, '\'');
    return sb.append('\'').toString();
  }

  private static void appendQuoted(StringBuilder sb, int cp, char quote) {
    if (cp == quote || cp == '\\') {
      sb.append('\\').appendCodePoint(cp);
    } else if (isGoPrint(cp)) {
      sb.appendCodePoint(cp);
    } else {
      switch (cp) {
        case 7 -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case 11 -> sb.append("\\v");
        default -> {
          if (cp < ' ' || cp == 0x7f) {
            sb.append(String.format("\\x%02x", cp));
          } else if (cp < 0x10000) {
            sb.append(String.format("\\u%04x", cp));
          } else {
            sb.append(String.format("\\U%08x", cp));
          }
        }
      }
    }
  }

  /** Go's {@code strconv.IsPrint}. */
  private static boolean isGoPrint(int cp) {
    return dev.kplan.lang.value.GoQuote.isPrint(cp);
  }

  static int utf8Length(int cp) {
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }

  static int utf8Length(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      n += utf8Length(cp);
      i += Character.charCount(cp);
    }
    return n;
  }
}
