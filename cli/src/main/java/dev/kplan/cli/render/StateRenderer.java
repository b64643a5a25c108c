package dev.kplan.cli.render;

import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.ResourceMode;
import dev.kplan.engine.ops.StateView;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The state as {@code kplan show} prints it, following Terraform's {@code show}: each object as a
 * {@code # address:} comment and a {@code resource "type" "name"} (or {@code data}) block with its
 * non-null attributes aligned, nested values expanded, sensitive values as
 * {@code (sensitive value)}; then "Outputs:" with {@code name = value} lines.
 */
public final class StateRenderer {
  private static final int STEP = 4;

  private StateRenderer() {}

  /** The text for {@code instances} and {@code outputs} (sensitive ones marked). */
  public static String render(List<StateView.Instance> instances, Map<String, Value> outputs, boolean color) {
    Style style = new Style(color);
    StringBuilder out = new StringBuilder();
    for (StateView.Instance i : instances) {
      ResourceAddress a = i.address();
      out.append(style.bold("# " + a + ":" + (i.tainted() ? " (tainted)" : ""))).append('\n');
      out.append(a.mode() == ResourceMode.DATA ? "data" : "resource").append(" \"").append(a.type()).append("\" \"")
          .append(a.name()).append("\" {\n");
      attributes(out, i.attributes() instanceof ObjectValue o ? o.attributes() : Map.of(), STEP, false);
      out.append("}\n\n");
    }
    if (!outputs.isEmpty()) {
      out.append("\nOutputs:\n\n");
      outputs.forEach((k, v) -> out.append(k).append(" = ").append(value(v, 0)).append('\n'));
    }
    return out.toString();
  }

  private static void attributes(StringBuilder out, Map<String, Value> attrs, int indent, boolean quoteKeys) {
    int width = 0;
    for (Map.Entry<String, Value> e : attrs.entrySet()) {
      if (!ValueDiff.absent(e.getValue())) {
        width = Math.max(width, key(e.getKey(), quoteKeys).length());
      }
    }
    for (Map.Entry<String, Value> e : attrs.entrySet()) {
      if (ValueDiff.absent(e.getValue())) {
        continue; // as Terraform: null attributes are not shown
      }
      String k = key(e.getKey(), quoteKeys);
      out.append(ValueDiff.indent(indent)).append(k).append(" ".repeat(width - k.length())).append(" = ")
          .append(value(e.getValue(), indent)).append('\n');
    }
  }

  private static String key(String k, boolean quote) {
    return quote || !k.matches("[A-Za-z_][A-Za-z0-9_-]*") ? "\"" + k.replace("\"", "\\\"") + "\"" : k;
  }

  /** A value whose first line continues a line at {@code indent}. */
  private static String value(Value v, int indent) {
    if (ValueDiff.sensitive(v) || v.isSensitive()) {
      return ValueDiff.SENSITIVE;
    }
    if (!v.isKnown()) {
      return ValueDiff.UNKNOWN;
    }
    if (v instanceof ObjectValue || v instanceof MapValue) {
      Map<String, Value> attrs = v instanceof ObjectValue o ? o.attributes() : ((MapValue) v).entries();
      if (attrs.values().stream().allMatch(ValueDiff::absent)) {
        return "{}";
      }
      StringBuilder sb = new StringBuilder("{\n");
      attributes(sb, attrs, indent + STEP, v instanceof MapValue);
      return sb.append(ValueDiff.indent(indent)).append('}').toString();
    }
    List<Value> elements = v instanceof ListValue l ? l.elements() : v instanceof TupleValue t ? t.elements()
        : v instanceof SetValue s ? s.elements() : null;
    if (elements != null) {
      if (elements.isEmpty()) {
        return "[]";
      }
      List<String> lines = new ArrayList<>();
      for (Value e : elements) {
        lines.add(ValueDiff.indent(indent + STEP) + value(e, indent + STEP) + ",");
      }
      return "[\n" + String.join("\n", lines) + "\n" + ValueDiff.indent(indent) + "]";
    }
    return ValueDiff.primitive(v);
  }
}
