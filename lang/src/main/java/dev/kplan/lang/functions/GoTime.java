package dev.kplan.lang.functions;

import dev.kplan.lang.value.GoQuote;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Go's RFC 3339 timestamp parsing (with go-cty's friendlier error wording), {@code Format} with the
 * RFC 3339 layout, and {@code time.ParseDuration}, which Terraform's date functions are built on.
 */
final class GoTime {
  private GoTime() {}


  /** Thrown with go-cty's message for a timestamp that is not RFC 3339. */
  static final class BadTimestamp extends Exception {
    private static final long serialVersionUID = 1L;

    private final String openTofuMessage;

    BadTimestamp(String message) {
      this(message, message);
    }

    BadTimestamp(String message, String openTofuMessage) {
      super(message, null, false, false);
      this.openTofuMessage = openTofuMessage;
    }

    /** The wording of OpenTofu's own timestamp functions (timeadd, timecmp) rather than go-cty's (formatdate). */
    String openTofuMessage() {
      return openTofuMessage;
    }
  }

  /** Go's Format(time.RFC3339): years zero-padded to four digits (never a '+'), Z for UTC. */
  static String format(OffsetDateTime t) {
    int year = t.getYear();
    String y = year < 0 ? "-" + String.format("%04d", -year) : String.format("%04d", year);
    int off = t.getOffset().getTotalSeconds();
    String zone = off == 0 ? "Z"
        : String.format("%s%02d:%02d", off < 0 ? "-" : "+", Math.abs(off) / 3600, (Math.abs(off) / 60) % 60);
    return String.format("%s-%02d-%02dT%02d:%02d:%02d%s", y, t.getMonthValue(), t.getDayOfMonth(), t.getHour(),
        t.getMinute(), t.getSecond(), zone);
  }

  /** Go's time.Parse(time.RFC3339, s). */
  static OffsetDateTime parseRfc3339(String s) throws BadTimestamp {
    String value = s;
    // year
    if (value.length() < 4 || !isDigit(value, 0)) {
      throw element("2006", value);
    }
    String hold = value;
    String p = value.substring(0, 4);
    value = value.substring(4);
    if (!p.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw element("2006", hold);
    }
    int year = Integer.parseInt(p);
    value = skip(value, "-");
    hold = value;
    int[] month = getnum(value, true);
    if (month == null) {
      throw element("01", hold);
    }
    value = value.substring(month[1]);
    if (month[0] < 1 || month[0] > 12) {
      throw range("month", value);
    }
    value = skip(value, "-");
    hold = value;
    int[] day = getnum(value, true);
    if (day == null) {
      throw element("02", hold);
    }
    value = value.substring(day[1]);
    if (value.isEmpty() || value.charAt(0) != 'T') {
      throw new BadTimestamp("not a valid RFC3339 timestamp: missing required time introducer 'T'");
    }
    value = value.substring(1);
    hold = value;
    int[] hour = getnum(value, false);
    if (hour == null) {
      throw element("15", hold);
    }
    value = value.substring(hour[1]);
    if (hour[0] >= 24) {
      throw range("hour", value);
    }
    value = skip(value, ":");
    hold = value;
    int[] minute = getnum(value, true);
    if (minute == null) {
      throw element("04", hold);
    }
    value = value.substring(minute[1]);
    if (minute[0] >= 60) {
      throw range("minute", value);
    }
    value = skip(value, ":");
    hold = value;
    int[] second = getnum(value, true);
    if (second == null) {
      throw element("05", hold);
    }
    value = value.substring(second[1]);
    if (second[0] >= 60) {
      throw range("second", value);
    }
    int nanos = 0;
    if (value.length() >= 2 && (value.charAt(0) == '.' || value.charAt(0) == ',') && isDigit(value, 1)) {
      int n = 1;
      while (n < value.length() && isDigit(value, n)) {
        n++;
      }
      String frac = (value.substring(1, n) + "000000000").substring(0, 9);
      nanos = Integer.parseInt(frac);
      value = value.substring(n);
    }
    hold = value;
    ZoneOffset offset;
    if (!value.isEmpty() && value.charAt(0) == 'Z') {
      offset = ZoneOffset.UTC;
      value = value.substring(1);
    } else {
      if (value.length() < 6 || value.charAt(3) != ':' || (value.charAt(0) != '+' && value.charAt(0) != '-')) {
        throw element("Z07:00", hold);
      }
      int[] oh = getnum(value.substring(1, 3), true);
      int[] om = getnum(value.substring(4, 6), true);
      if (oh == null || om == null) {
        throw element("Z07:00", hold);
      }
      value = value.substring(6);
      if (oh[0] > 24) {
        throw range("time zone offset hour", value);
      }
      if (om[0] > 60) {
        throw range("time zone offset minute", value);
      }
      int secs = oh[0] * 3600 + om[0] * 60;
      try {
        offset = ZoneOffset.ofTotalSeconds(hold.charAt(0) == '-' ? -secs : secs);
      } catch (DateTimeException e) {
        throw element("Z07:00", hold);
      }
    }
    if (!value.isEmpty()) {
      throw new BadTimestamp("not a valid RFC3339 timestamp: cannot use " + GoQuote.quote(value) + " as timestamp segment");
    }
    if (day[0] < 1 || day[0] > LocalDate.of(year, month[0], 1).lengthOfMonth()) {
      // go-cty words this "...timestamp: day out of range"; OpenTofu wraps Go's whole error
      throw new BadTimestamp("not a valid RFC3339 timestamp: day out of range",
          "not a valid RFC3339 timestamp: parsing time " + timeQuote(s) + ": day out of range");
    }
    return OffsetDateTime.of(year, month[0], day[0], hour[0], minute[0], second[0], nanos, offset);
  }

  private static boolean isDigit(String s, int i) {
    return i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9';
  }

  /** Go's getnum: one or two digits; {value, consumed} or null. */
  private static int[] getnum(String s, boolean fixed) {
    if (!isDigit(s, 0)) {
      return null;
    }
    if (!isDigit(s, 1)) {
      return fixed ? null : new int[] {s.charAt(0) - '0', 1};
    }
    return new int[] {(s.charAt(0) - '0') * 10 + (s.charAt(1) - '0'), 2};
  }

  private static String skip(String value, String prefix) throws BadTimestamp {
    if (value.isEmpty()) {
      throw new BadTimestamp("not a valid RFC3339 timestamp: end of string where " + GoQuote.quote(prefix) + " is expected");
    }
    if (value.charAt(0) != prefix.charAt(0)) {
      throw new BadTimestamp("not a valid RFC3339 timestamp: found " + GoQuote.quote(value) + " where "
          + GoQuote.quote(prefix) + " is expected");
    }
    return value.substring(1);
  }

  private static final Map<String, String> WHAT = Map.of(
      "2006", "year", "01", "month", "02", "day of month", "15", "hour", "04", "minute", "05", "second",
      "Z07:00", "UTC offset");

  private static BadTimestamp element(String layoutElem, String valueElem) {
    String what = WHAT.get(layoutElem);
    if (valueElem.isEmpty()) {
      return new BadTimestamp("not a valid RFC3339 timestamp: end of string before " + what);
    }
    return new BadTimestamp("not a valid RFC3339 timestamp: cannot use " + GoQuote.quote(valueElem) + " as " + what);
  }

  /** A value out of range: Go reports the text after the element. */
  private static BadTimestamp range(String what, String rest) {
    String layoutWhat = switch (what) {
      case "month" -> "month";
      case "hour" -> "hour";
      case "minute" -> "minute";
      case "second" -> "second";
      default -> "UTC offset";
    };
    if (rest.isEmpty()) {
      return new BadTimestamp("not a valid RFC3339 timestamp: end of string before " + layoutWhat);
    }
    return new BadTimestamp("not a valid RFC3339 timestamp: cannot use " + GoQuote.quote(rest) + " as " + layoutWhat);
  }

  private static final Map<String, Long> UNITS = Map.of(
      "ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L, "ms", 1_000_000L,
      "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);

  private static final long MAX = Long.MAX_VALUE;

  /** Go's time.ParseDuration, in nanoseconds; the message is Go's. */
  static long parseDuration(String orig) {
    String s = orig;
    boolean neg = false;
    if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
      neg = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return 0;
    }
    if (s.isEmpty()) {
      throw invalidDuration(orig);
    }
    // unsigned accumulation as Go does, allowing exactly 1<<63 for negative durations
    java.math.BigInteger d = java.math.BigInteger.ZERO;
    java.math.BigInteger limit = java.math.BigInteger.ONE.shiftLeft(63);
    while (!s.isEmpty()) {
      char c0 = s.charAt(0);
      if (!(c0 == '.' || (c0 >= '0' && c0 <= '9'))) {
        throw invalidDuration(orig);
      }
      int i = 0;
      java.math.BigInteger v = java.math.BigInteger.ZERO;
      while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
        v = v.multiply(java.math.BigInteger.TEN).add(java.math.BigInteger.valueOf(s.charAt(i) - '0'));
        if (v.compareTo(limit) > 0) {
          throw invalidDuration(orig);
        }
        i++;
      }
      boolean pre = i > 0;
      s = s.substring(i);
      boolean post = false;
      long f = 0;
      double scale = 1;
      if (!s.isEmpty() && s.charAt(0) == '.') {
        s = s.substring(1);
        int j = 0;
        boolean overflow = false;
        while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
          if (!overflow) {
            if (f > (MAX - 9) / 10) {
              overflow = true;
            } else {
              f = f * 10 + (s.charAt(j) - '0');
              scale *= 10;
            }
          }
          j++;
        }
        post = j > 0;
        s = s.substring(j);
      }
      if (!pre && !post) {
        throw invalidDuration(orig);
      }
      int u = 0;
      while (u < s.length() && s.charAt(u) != '.' && !(s.charAt(u) >= '0' && s.charAt(u) <= '9')) {
        u++;
      }
      if (u == 0) {
        throw new IllegalArgumentException("time: missing unit in duration " + timeQuote(orig));
      }
      String unitName = s.substring(0, u);
      s = s.substring(u);
      Long unit = UNITS.get(unitName);
      if (unit == null) {
        throw new IllegalArgumentException("time: unknown unit " + timeQuote(unitName) + " in duration " + timeQuote(orig));
      }
      java.math.BigInteger bu = java.math.BigInteger.valueOf(unit);
      if (v.compareTo(limit.divide(bu)) > 0) {
        throw invalidDuration(orig);
      }
      v = v.multiply(bu);
      if (f > 0) {
        v = v.add(java.math.BigInteger.valueOf((long) ((double) f * ((double) unit / scale))));
        if (v.compareTo(limit) > 0) {
          throw invalidDuration(orig);
        }
      }
      d = d.add(v);
      if (d.compareTo(limit) > 0) {
        throw invalidDuration(orig);
      }
    }
    if (neg) {
      return d.negate().longValue();
    }
    if (d.compareTo(limit.subtract(java.math.BigInteger.ONE)) > 0) {
      throw invalidDuration(orig);
    }
    return d.longValue();
  }

  private static IllegalArgumentException invalidDuration(String orig) {
    return new IllegalArgumentException("time: invalid duration " + timeQuote(orig));
  }

  /** The time package's own quoting: non-ASCII and control bytes as \xNN. */
  static String timeQuote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp >= 0x80 || cp < ' ') {
        for (byte b : new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          sb.append(String.format("\\x%02x", b & 0xff));
        }
      } else {
        if (cp == '"' || cp == '\\') {
          sb.append('\\');
        }
        sb.append((char) cp);
      }
    }
    return sb.append('"').toString();
  }
}
