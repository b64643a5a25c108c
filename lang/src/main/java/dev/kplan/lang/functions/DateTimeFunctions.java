package dev.kplan.lang.functions;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.GoQuote;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Date and time functions over RFC 3339 timestamps: {@code timestamp} (from the context's clock,
 * so plans and tests can pin it), {@code timeadd} with Go durations, {@code timecmp}, and
 * {@code formatdate} with go-cty's own format mnemonics.
 */
public final class DateTimeFunctions {
  private DateTimeFunctions() {}

  public static List<FunctionSpec> functions(FunctionContext ctx) {
    return List.of(
        new FunctionSpec("timestamp", List.of(), null, ReturnType.fixed(Type.STRING),
            (args, rt) -> Value.string(GoTime.format(OffsetDateTime.now(ctx.clock()).withOffsetSameInstant(ZoneOffset.UTC)))),
        new FunctionSpec("timeadd",
            List.of(Param.of("timestamp", Type.STRING), Param.of("duration", Type.STRING)), null,
            ReturnType.fixed(Type.STRING), (args, rt) -> Value.string(timeadd(str(args.get(0)), str(args.get(1))))),
        new FunctionSpec("timecmp",
            List.of(Param.of("timestamp_a", Type.STRING), Param.of("timestamp_b", Type.STRING)), null,
            ReturnType.fixed(Type.NUMBER), (args, rt) -> {
              OffsetDateTime a = parseOpenTofu(str(args.get(0)), 0);
              OffsetDateTime b = parseOpenTofu(str(args.get(1)), 1);
              return Value.number(Integer.signum(a.toInstant().compareTo(b.toInstant())));
            }),
        new FunctionSpec("formatdate",
            List.of(Param.of("format", Type.STRING), Param.of("time", Type.STRING)), null,
            ReturnType.fixed(Type.STRING),
            (args, rt) -> Value.string(formatdate(str(args.get(0)), parse(str(args.get(1)), 1)))));
  }

  private static String str(Value v) {
    return ((StringValue) v).value();
  }

  private static OffsetDateTime parse(String s, int argIndex) throws FunctionException {
    try {
      return GoTime.parseRfc3339(s);
    } catch (GoTime.BadTimestamp e) {
      throw new FunctionException(argIndex, e.getMessage());
    }
  }

  private static OffsetDateTime parseOpenTofu(String s, int argIndex) throws FunctionException {
    try {
      return GoTime.parseRfc3339(s);
    } catch (GoTime.BadTimestamp e) {
      throw new FunctionException(argIndex, e.openTofuMessage());
    }
  }

  private static String timeadd(String ts, String duration) throws FunctionException {
    OffsetDateTime t = parseOpenTofu(ts, -1);
    long nanos;
    try {
      nanos = GoTime.parseDuration(duration);
    } catch (IllegalArgumentException e) {
      throw new FunctionException(e.getMessage());
    }
    return GoTime.format(t.plusNanos(nanos));
  }

  /** go-cty's formatdate: letters repeat to form verbs, {@code '...'} quotes literals. */
  static String formatdate(String format, OffsetDateTime t) throws FunctionException {
    StringBuilder out = new StringBuilder();
    int pos = 0;
    int n = format.length();
    while (pos < n) {
      char c = format.charAt(pos);
      if (c == '\'') {
        if (pos + 1 < n && format.charAt(pos + 1) == '\'') {
          out.append('\'');
          pos += 2;
          continue;
        }
        int i = pos + 1;
        int close = -1;
        while (i < n) {
          if (format.charAt(i) == '\'') {
            if (i + 1 < n && format.charAt(i + 1) == '\'') {
              i += 2;
              continue;
            }
            close = i;
            break;
          }
          i++;
        }
        String tok = close < 0 ? format.substring(pos) : format.substring(pos, close + 1);
        if (tok.length() == 1 || tok.charAt(tok.length() - 1) != '\'') {
          throw new FunctionException(0, "unterminated literal '");
        }
        String raw = tok.substring(1, tok.length() - 1);
        for (int k = 0; k < raw.length(); k++) {
          out.append(raw.charAt(k));
          if (raw.charAt(k) == '\'') {
            k++;
          }
        }
        pos += tok.length();
      } else if (isVerbChar(c)) {
        int end = pos + 1;
        while (end < n && format.charAt(end) == c) {
          end++;
        }
        appendVerb(format.substring(pos, end), t, out);
        pos = end;
      } else {
        int end = pos + 1;
        while (end < n && format.charAt(end) != '\'' && !isVerbChar(format.charAt(end))) {
          end++;
        }
        out.append(format, pos, end);
        pos = end;
      }
    }
    return out.toString();
  }

  private static boolean isVerbChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static void appendVerb(String tok, OffsetDateTime t, StringBuilder out) throws FunctionException {
    int len = tok.length();
    String q = GoQuote.quote(tok);
    switch (tok.charAt(0)) {
      case 'Y' -> {
        if (len == 2) {
          out.append(String.format("%02d", Math.floorMod(t.getYear(), 100)));
        } else if (len == 4) {
          out.append(String.format("%04d", t.getYear()));
        } else {
          throw new FunctionException(0, "invalid date format verb " + q + ": year must either be \"YY\" or \"YYYY\"");
        }
      }
      case 'M' -> {
        String name = t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        switch (len) {
          case 1 -> out.append(t.getMonthValue());
          case 2 -> out.append(String.format("%02d", t.getMonthValue()));
          case 3 -> out.append(name, 0, 3);
          case 4 -> out.append(name);
          default -> throw new FunctionException(0,
              "invalid date format verb " + q + ": month must be \"M\", \"MM\", \"MMM\", or \"MMMM\"");
        }
      }
      case 'D' -> twoForms(len, t.getDayOfMonth(), out,
          "invalid date format verb " + q + ": day of month must either be \"D\" or \"DD\"");
      case 'E' -> {
        String name = t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        if (len == 3) {
          out.append(name, 0, 3);
        } else if (len == 4) {
          out.append(name);
        } else {
          throw new FunctionException(0,
              "invalid date format verb " + q + ": day of week must either be \"EEE\" or \"EEEE\"");
        }
      }
      case 'h' -> twoForms(len, t.getHour(), out,
          "invalid date format verb " + q + ": 24-hour must either be \"h\" or \"hh\"");
      case 'H' -> {
        int h = t.getHour() % 12;
        twoForms(len, h == 0 ? 12 : h, out,
            "invalid date format verb " + q + ": 12-hour must either be \"H\" or \"HH\"");
      }
      case 'A', 'a' -> {
        if (len != 2) {
          String c = tok.substring(0, 1);
          throw new FunctionException(0, "invalid date format verb " + q + ": must be \"" + c + c + "\"");
        }
        String marker = t.getHour() < 12 ? "AM" : "PM";
        out.append(tok.charAt(0) == 'A' ? marker : marker.toLowerCase(Locale.ROOT));
      }
      case 'm' -> twoForms(len, t.getMinute(), out,
          "invalid date format verb " + q + ": minute must either be \"m\" or \"mm\"");
      case 's' -> twoForms(len, t.getSecond(), out,
          "invalid date format verb " + q + ": second must either be \"s\" or \"ss\"");
      case 'Z' -> {
        int secs = t.getOffset().getTotalSeconds();
        String compact = offset(secs, false);
        switch (len) {
          case 1 -> out.append(secs == 0 ? "Z" : offset(secs, true));
          case 3 -> out.append(compact.equals("+0000") ? "UTC" : compact);
          case 4 -> out.append(compact);
          case 5 -> out.append(offset(secs, true));
          default -> throw new FunctionException(0,
              "invalid date format verb " + q + ": timezone must be Z, ZZZZ, or ZZZZZ");
        }
      }
      default -> throw new FunctionException(0, "invalid date format verb " + q);
    }
  }

  private static void twoForms(int len, int v, StringBuilder out, String error) throws FunctionException {
    if (len == 1) {
      out.append(v);
    } else if (len == 2) {
      out.append(String.format("%02d", v));
    } else {
      throw new FunctionException(0, error);
    }
  }

  /** Go's -0700 / -07:00 layouts (seconds of the offset are dropped, as Go does). */
  private static String offset(int totalSeconds, boolean colon) {
    int abs = Math.abs(totalSeconds);
    String sign = totalSeconds < 0 ? "-" : "+";
    return String.format("%s%02d%s%02d", sign, abs / 3600, colon ? ":" : "", (abs / 60) % 60);
  }
}
