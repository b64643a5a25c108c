package dev.kplan.lang.functions;

import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.NullValue;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * JSON text as go-cty's {@code json.Marshal} writes it, for {@code format}'s {@code %#v} and
 * {@code %q}: Go's string escaping (including {@code <}, {@code >}, {@code &}), numbers in plain
 * decimal, attributes and keys in sorted order. Takes wholly known values without marks.
 */
final class GoJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoJson() {}

  static String encode(Value v) {
    StringBuilder sb = new StringBuilder();
    write(sb, v);
    return sb.toString();
  }

  /** A number as cty prints it in JSON and when converting to string: plain decimal, shortest. */
  static String number(BigDecimal n) {
    return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2);
    quote(sb, s);
    return sb.toString();
  }

  private static void write(StringBuilder sb, Value v) {
    if (v instanceof NullValue) {
      sb.append("null");
    } else if (v instanceof StringValue s) {
      quote(sb, s.value());
    } else if (v instanceof NumberValue n) {
      sb.append(number(n.value()));
    } else if (v instanceof BoolValue b) {
      sb.append(b.value());
    } else if (v instanceof ListValue l) {
      array(sb, l.elements());
    } else if (v instanceof SetValue s) {
      array(sb, s.elements());
    } else if (v instanceof TupleValue t) {
      array(sb, t.elements());
    } else if (v instanceof MapValue m) {
      object(sb, m.entries());
    } else if (v instanceof ObjectValue o) {
      object(sb, o.attributes());
    } else {
      throw new IllegalArgumentException("value must be known: " + v);
    }
  }

  private static void array(StringBuilder sb, List<Value> elements) {
    sb.append('[');
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      write(sb, elements.get(i));
    }
    sb.append(']');
  }

  private static void object(StringBuilder sb, Map<String, Value> attrs) {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, Value> e : attrs.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      quote(sb, e.getKey());
      sb.append(':');
      write(sb, e.getValue());
    }
    sb.append('}');
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"', '\\' -> sb.append('\\').append(c);
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            sb.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 15])
                .append(HEX[(c >> 4) & 15]).append(HEX[c & 15]);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
