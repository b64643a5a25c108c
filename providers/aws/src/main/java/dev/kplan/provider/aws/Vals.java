package dev.kplan.provider.aws;

import dev.kplan.lang.types.MapType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small helpers over language values: attribute lookup, string maps, objects complete for a schema. */
final class Vals {
  private Vals() {}

  static final Type STRING_MAP = new MapType(Type.STRING);

  /** {@code v} without marks as an object, or an empty object when it is null or not an object. */
  static ObjectValue object(Value v) {
    Value u = v == null ? null : ValueMarks.unmarkDeep(v);
    return u instanceof ObjectValue o ? o : ObjectValue.EMPTY;
  }

  static Value get(Value o, String name) {
    Value v = o instanceof ObjectValue ov ? ov.get(name) : null;
    return v == null ? Value.nullOf(Type.DYNAMIC) : v;
  }

  static String string(Value o, String name) {
    return get(o, name) instanceof StringValue s ? s.value() : null;
  }

  static Boolean bool(Value o, String name) {
    return get(o, name) instanceof BoolValue b ? b.value() : null;
  }

  static Integer integer(Value o, String name) {
    return get(o, name) instanceof NumberValue n ? n.value().intValue() : null;
  }

  /** A map or object of strings as a sorted Java map; null when the value is null or unknown. */
  static Map<String, String> stringMap(Value v) {
    Map<String, Value> entries;
    if (v instanceof MapValue m) {
      entries = m.entries();
    } else if (v instanceof ObjectValue o) {
      entries = o.attributes();
    } else {
      return null;
    }
    Map<String, String> out = new TreeMap<>();
    entries.forEach((k, x) -> {
      if (x instanceof StringValue s) {
        out.put(k, s.value());
      }
    });
    return out;
  }

  /** The elements of a list, set or tuple (none for anything else). */
  static List<Value> elements(Value v) {
    return v instanceof ListValue l ? l.elements()
        : v instanceof TupleValue t ? t.elements() : v instanceof SetValue s ? s.elements() : List.of();
  }

  static List<String> strings(Value v) {
    List<Value> elements = v instanceof ListValue l ? l.elements()
        : v instanceof TupleValue t ? t.elements() : v instanceof SetValue s ? s.elements() : List.of();
    List<String> out = new ArrayList<>();
    for (Value x : elements) {
      if (x instanceof StringValue s) {
        out.add(s.value());
      }
    }
    return out;
  }

  static Value map(Map<String, String> m) {
    if (m == null) {
      return Value.nullOf(STRING_MAP);
    }
    Map<String, Value> out = new TreeMap<>();
    m.forEach((k, x) -> out.put(k, Value.string(x)));
    return Value.map(Type.STRING, out);
  }

  static Value str(String s) {
    return s == null ? Value.nullOf(Type.STRING) : Value.string(s);
  }

  static Value num(Integer n) {
    return n == null ? Value.nullOf(Type.NUMBER) : Value.number(n.longValue());
  }

  static Value bool(Boolean b) {
    return b == null ? Value.nullOf(Type.BOOL) : Value.bool(b);
  }

  /** An object with every attribute and block of {@code schema}: those in {@code values}, the rest null. */
  static ObjectValue complete(BlockSchema schema, Map<String, Value> values) {
    Map<String, Value> all = new LinkedHashMap<>();
    for (Map.Entry<String, AttributeSchema> e : schema.attributes().entrySet()) {
      Value v = values.get(e.getKey());
      all.put(e.getKey(), v == null || v.isNull() ? Value.nullOf(e.getValue().type()) : v);
    }
    for (Map.Entry<String, NestedBlock> e : schema.blocks().entrySet()) {
      Value v = values.get(e.getKey());
      all.put(e.getKey(), v == null ? Value.nullOf(schema.impliedType().attributeType(e.getKey())) : v);
    }
    return Value.object(all);
  }
}
