package dev.kplan.engine.ops;

import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes known values as HCL native syntax, for configuration that kplan generates: objects as
 * {@code { key = value }} one attribute a line, lists as {@code [ … ]}, strings quoted with template
 * sequences escaped ({@code $${}, {@code %%{}), keys quoted unless they are identifiers.
 */
final class HclValueWriter {
  private static final String INDENT = "  ";

  private HclValueWriter() {}

  /**
   * Writes an expression of its own in place of a value (a reference to a variable instead of a secret), or
   * answers null to have the value written. {@code path}: attribute names, keys and indexes from the block down.
   */
  @FunctionalInterface
  interface Substitution {
    Substitution NONE = (path, v) -> null;

    String expressionFor(List<String> path, Value v);
  }

  /** A resource block: {@code resource "TYPE" "NAME" { … }} with one attribute a line, null ones left out. */
  static String resource(String type, String name, Map<String, Value> attributes) {
    return resource(type, name, attributes, (BlockSchema) null, Substitution.NONE);
  }

  static String resource(String type, String name, Map<String, Value> attributes, Substitution substitution) {
    return resource(type, name, attributes, (BlockSchema) null, substitution);
  }

  /**
   * As {@link #resource(String, String, Map)}, with the entries that are nested blocks of {@code schema}
   * written as blocks ({@code rule { … }}, one block per element of a list or set), not as attributes.
   */
  static String resource(String type, String name, Map<String, Value> attributes, BlockSchema schema) {
    return resource(type, name, attributes, schema, Substitution.NONE);
  }

  /** With {@code substitution} asked about every value, from whole attributes down. */
  static String resource(String type, String name, Map<String, Value> attributes, BlockSchema schema,
      Substitution substitution) {
    StringBuilder sb = new StringBuilder("resource " + quote(type) + " " + quote(name) + " {\n");
    body(attributes, schema, 1, sb, List.of(), substitution);
    return sb.append("}\n").toString();
  }

  private static void body(Map<String, Value> attributes, BlockSchema schema, int depth, StringBuilder sb,
      List<String> path, Substitution substitution) {
    attributes.forEach((k, v) -> {
      if (v.isNull()) {
        return;
      }
      NestedBlock nested = schema == null ? null : schema.blocks().get(k);
      if (nested == null) {
        sb.append(INDENT.repeat(depth)).append(key(k)).append(" = ");
        write(v, depth, sb, with(path, k), substitution);
        sb.append('\n');
        return;
      }
      Value u = v.unmarked();
      boolean many = u instanceof ListValue || u instanceof SetValue || u instanceof TupleValue;
      List<Value> blocks = u instanceof ListValue l ? l.elements() : u instanceof SetValue s ? s.elements()
          : u instanceof TupleValue t ? t.elements() : List.of(u);
      for (int i = 0; i < blocks.size(); i++) {
        Value b = blocks.get(i);
        sb.append(INDENT.repeat(depth)).append(key(k)).append(" {\n");
        if (b.unmarked() instanceof ObjectValue o) {
          List<String> at = many ? with(with(path, k), Integer.toString(i)) : with(path, k);
          body(o.attributes(), nested.block(), depth + 1, sb, at, substitution);
        }
        sb.append(INDENT.repeat(depth)).append("}\n");
      }
    });
  }

  static String expression(Value v) {
    StringBuilder sb = new StringBuilder();
    write(v, 0, sb, List.of(), Substitution.NONE);
    return sb.toString();
  }

  private static void write(Value v, int depth, StringBuilder sb, List<String> path, Substitution substitution) {
    String instead = substitution.expressionFor(path, v);
    if (instead != null) {
      sb.append(instead);
      return;
    }
    Value u = v.unmarked();
    if (u.isNull()) {
      sb.append("null");
    } else if (!u.isKnown()) {
      throw new IllegalArgumentException("an unknown value has no HCL form");
    } else if (u instanceof StringValue s) {
      sb.append(quote(s.value()));
    } else if (u instanceof NumberValue n) {
      sb.append(n.value().stripTrailingZeros().toPlainString());
    } else if (u instanceof BoolValue b) {
      sb.append(b.value());
    } else if (u instanceof ObjectValue o) {
      map(o.attributes(), depth, sb, path, substitution);
    } else if (u instanceof MapValue m) {
      map(m.entries(), depth, sb, path, substitution);
    } else if (u instanceof TupleValue t) {
      list(t.elements(), depth, sb, path, substitution);
    } else if (u instanceof ListValue l) {
      list(l.elements(), depth, sb, path, substitution);
    } else if (u instanceof SetValue s) {
      list(s.elements(), depth, sb, path, substitution);
    } else {
      throw new IllegalArgumentException("no HCL form for " + u.getClass().getSimpleName());
    }
  }

  private static void map(Map<String, Value> entries, int depth, StringBuilder sb, List<String> path,
      Substitution substitution) {
    if (entries.isEmpty()) {
      sb.append("{}");
      return;
    }
    sb.append("{\n");
    entries.forEach((k, v) -> {
      sb.append(INDENT.repeat(depth + 1)).append(key(k)).append(" = ");
      write(v, depth + 1, sb, with(path, k), substitution);
      sb.append('\n');
    });
    sb.append(INDENT.repeat(depth)).append('}');
  }

  private static void list(List<Value> items, int depth, StringBuilder sb, List<String> path,
      Substitution substitution) {
    if (items.isEmpty()) {
      sb.append("[]");
      return;
    }
    sb.append("[\n");
    for (int i = 0; i < items.size(); i++) {
      sb.append(INDENT.repeat(depth + 1));
      write(items.get(i), depth + 1, sb, with(path, Integer.toString(i)), substitution);
      sb.append(",\n");
    }
    sb.append(INDENT.repeat(depth)).append(']');
  }

  private static List<String> with(List<String> path, String step) {
    List<String> out = new ArrayList<>(path);
    out.add(step);
    return out;
  }

  private static String key(String k) {
    return k.matches("[A-Za-z_][A-Za-z0-9_-]*") && !k.equals("null") && !k.equals("true") && !k.equals("false")
        ? k : quote(k);
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '$', '%' -> {
          sb.append(c);
          if (i + 1 < s.length() && s.charAt(i + 1) == '{') {
            sb.append(c); // $${ and %%{ are literal, not template sequences
          }
        }
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
