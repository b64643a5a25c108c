package dev.kplan.engine.planner;

import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Schema-driven value operations: marking sensitive attributes. */
public final class Schemas {
  private Schemas() {}

  /** {@code v} with every attribute the schema calls sensitive marked so, in nested blocks too. */
  public static Value markSensitive(BlockSchema schema, Value v) {
    if (!(v instanceof ObjectValue o)) {
      return v;
    }
    Map<String, Value> attrs = new LinkedHashMap<>(o.attributes());
    for (Map.Entry<String, AttributeSchema> e : schema.attributes().entrySet()) {
      Value a = attrs.get(e.getKey());
      if (a != null && e.getValue().sensitive()) {
        attrs.put(e.getKey(), a.mark(Marks.SENSITIVE));
      }
    }
    for (Map.Entry<String, NestedBlock> e : schema.blocks().entrySet()) {
      Value b = attrs.get(e.getKey());
      if (b == null || b.isNull() || !b.isKnown()) {
        continue;
      }
      BlockSchema inner = e.getValue().block();
      if (b instanceof ObjectValue) {
        attrs.put(e.getKey(), markSensitive(inner, b));
      } else if (b instanceof ListValue l) {
        List<Value> out = new ArrayList<>();
        l.elements().forEach(x -> out.add(markSensitive(inner, x)));
        attrs.put(e.getKey(), new ListValue(l.elementType(), out, l.marks()));
      } else if (b instanceof SetValue s) {
        List<Value> out = new ArrayList<>();
        s.elements().forEach(x -> out.add(markSensitive(inner, x)));
        attrs.put(e.getKey(), new SetValue(s.elementType(), out, s.marks()));
      } else if (b instanceof MapValue m) {
        Map<String, Value> out = new LinkedHashMap<>();
        m.entries().forEach((k, x) -> out.put(k, markSensitive(inner, x)));
        attrs.put(e.getKey(), new MapValue(m.elementType(), out, m.marks()));
      }
    }
    return new ObjectValue(attrs, o.marks());
  }
}
