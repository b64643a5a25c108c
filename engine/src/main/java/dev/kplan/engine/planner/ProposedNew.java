package dev.kplan.engine.planner;

import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proposed new state handed to a provider's plan, as OpenTofu's {@code objchange.ProposedNew}:
 * the configuration, except that computed attributes the configuration leaves null keep their
 * prior value (null on create, so the provider decides). Nested single and list blocks merge by
 * position, map blocks by key; set blocks are taken from the configuration as they are.
 */
final class ProposedNew {
  private ProposedNew() {}

  static Value of(BlockSchema schema, Value prior, Value config) {
    if (config.isNull() || !config.isKnown() || !(config instanceof ObjectValue c)) {
      return config;
    }
    ObjectValue p = prior instanceof ObjectValue po ? po : null;
    Map<String, Value> out = new LinkedHashMap<>(c.attributes());
    for (Map.Entry<String, AttributeSchema> e : schema.attributes().entrySet()) {
      Value cv = c.get(e.getKey());
      if (e.getValue().computed() && (cv == null || cv.isNull())) {
        Value pv = p == null ? null : p.get(e.getKey());
        out.put(e.getKey(), pv == null ? Value.nullOf(e.getValue().type()) : pv);
      }
    }
    for (Map.Entry<String, NestedBlock> e : schema.blocks().entrySet()) {
      Value cv = c.get(e.getKey());
      Value pv = p == null ? null : p.get(e.getKey());
      if (cv == null) {
        continue;
      }
      BlockSchema inner = e.getValue().block();
      switch (e.getValue().nesting()) {
        case SINGLE -> out.put(e.getKey(), of(inner, pv == null ? Value.nullOf(cv.type()) : pv, cv));
        case LIST -> {
          if (cv instanceof ListValue cl) {
            List<Value> pl = pv instanceof ListValue l ? l.elements() : List.of();
            List<Value> items = new ArrayList<>();
            for (int i = 0; i < cl.elements().size(); i++) {
              Value pi = i < pl.size() ? pl.get(i) : Value.nullOf(cl.elementType());
              items.add(of(inner, pi, cl.elements().get(i)));
            }
            out.put(e.getKey(), new ListValue(cl.elementType(), items, cl.marks()));
          }
        }
        case MAP -> {
          if (cv instanceof MapValue cm) {
            Map<String, Value> pm = pv instanceof MapValue m ? m.entries() : Map.of();
            Map<String, Value> items = new LinkedHashMap<>();
            cm.entries().forEach((k, x) -> items.put(k, of(inner, pm.getOrDefault(k, Value.nullOf(x.type())), x)));
            out.put(e.getKey(), new MapValue(cm.elementType(), items, cm.marks()));
          }
        }
        case SET -> out.put(e.getKey(), cv);
        default -> throw new IllegalStateException("nesting " + e.getValue().nesting());
      }
    }
    return new ObjectValue(out, c.marks());
  }
}
