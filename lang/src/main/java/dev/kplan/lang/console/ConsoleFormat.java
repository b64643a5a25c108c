package dev.kplan.lang.console;

import dev.kplan.lang.value.GoQuote;
import dev.kplan.lang.value.ValueOrder;

import dev.kplan.lang.types.DynamicType;
import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.MapType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.NullValue;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders a value as Terraform's console does: language syntax with conversion functions where
 * the type would otherwise be lost ({@code tolist([...])}, {@code toset([...])},
 * {@code tomap({...})}, {@code tostring(null)}), one element per line, multi-line strings as
 * heredocs, and placeholders for sensitive and unknown values.
 */
public final class ConsoleFormat {
  private ConsoleFormat() {}

  public static String format(Value value) {
    StringBuilder sb = new StringBuilder();
    write(value, 0, sb);
    return sb.toString();
  }

  private static void write(Value v, int indent, StringBuilder sb) {
    if (!v.isKnown()) {
      sb.append("(known after apply)");
    } else if (v.isSensitive()) {
      sb.append("(sensitive value)");
    } else if (v instanceof NullValue n) {
      sb.append(nullText(n.type()));
    } else if (v instanceof StringValue s) {
      writeString(s.value(), indent, sb);
    } else if (v instanceof NumberValue n) {
      sb.append(JsonCodec.numberText(n.value()));
    } else if (v instanceof BoolValue b) {
      sb.append(b.value() ? "true" : "false");
    } else if (v instanceof ObjectValue o) {
      writeMapping(o.attributes(), indent, sb);
    } else if (v instanceof TupleValue t) {
      writeSequence(t.elements(), indent, sb);
    } else if (v instanceof ListValue l) {
      sb.append("tolist(");
      writeSequence(l.elements(), indent, sb);
      sb.append(')');
    } else if (v instanceof SetValue s) {
      sb.append("toset(");
      writeSequence(s.elements(), indent, sb);
      sb.append(')');
    } else if (v instanceof MapValue m) {
      sb.append("tomap(");
      writeMapping(m.entries(), indent, sb);
      sb.append(')');
    } else {
      throw new IllegalStateException("unexpected value " + v);
    }
  }

  private static String nullText(Type t) {
    if (t instanceof DynamicType) {
      return "null";
    } else if (t == Type.STRING) {
      return "tostring(null)";
    } else if (t == Type.NUMBER) {
      return "tonumber(null)";
    } else if (t == Type.BOOL) {
      return "tobool(null)";
    } else if (t instanceof ListType l) {
      return "tolist(null) /* of " + l.element().friendlyName() + " */";
    } else if (t instanceof SetType s) {
      return "toset(null) /* of " + s.element().friendlyName() + " */";
    } else if (t instanceof MapType m) {
      return "tomap(null) /* of " + m.element().friendlyName() + " */";
    }
    return "null /* " + t.friendlyName() + " */";
  }

  private static void writeString(String s, int indent, StringBuilder sb) {
    String[] lines = s.split("\n", -1);
    if (lines.length < 2) {
      sb.append(GoQuote.quote(s));
      return;
    }
    // a heredoc whose delimiter appears on no line (the parser trims lines before comparing)
    String delimiter = "EOT";
    boolean clash = true;
    while (clash) {
      clash = false;
      for (String line : lines) {
        if (line.strip().equals(delimiter)) {
          delimiter = delimiter + "_";
          clash = true;
          break;
        }
      }
    }
    String pad = " ".repeat(indent);
    sb.append(indent > 0 ? "<<-" : "<<").append(delimiter);
    for (String line : lines) {
      sb.append('\n').append(pad).append(line);
    }
    sb.append('\n').append(pad).append(delimiter);
  }

  private static void writeMapping(Map<String, Value> entries, int indent, StringBuilder sb) {
    Map<String, Value> sorted = new TreeMap<>(ValueOrder::compareCodePoints);
    sorted.putAll(entries);
    String pad = " ".repeat(indent + 2);
    sb.append('{');
    for (Map.Entry<String, Value> e : sorted.entrySet()) {
      sb.append('\n').append(pad).append(GoQuote.quote(e.getKey())).append(" = ");
      write(e.getValue(), indent + 2, sb);
    }
    if (!sorted.isEmpty()) {
      sb.append('\n').append(" ".repeat(indent));
    }
    sb.append('}');
  }

  private static void writeSequence(List<Value> elements, int indent, StringBuilder sb) {
    String pad = " ".repeat(indent + 2);
    sb.append('[');
    for (Value e : elements) {
      sb.append('\n').append(pad);
      write(e, indent + 2, sb);
      sb.append(',');
    }
    if (!elements.isEmpty()) {
      sb.append('\n').append(" ".repeat(indent));
    }
    sb.append(']');
  }
}
