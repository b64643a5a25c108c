package dev.kplan.cli.render;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Terse value builders for plan fixtures. */
final class V {
  private V() {}

  static Value s(String s) {
    return Value.string(s);
  }

  static Value n(long n) {
    return Value.number(n);
  }

  static Value b(boolean b) {
    return Value.bool(b);
  }

  static Value unknown() {
    return Value.unknownOf(Type.STRING);
  }

  static Value nul() {
    return Value.nullOf(Type.DYNAMIC);
  }

  static Value secret(Value v) {
    return v.mark(Marks.SENSITIVE);
  }

  /** An object from name/value pairs; a String value becomes a string value. */
  static Value obj(Object... kv) {
    return Value.object(pairs(kv));
  }

  static Value map(Object... kv) {
    return Value.map(Type.STRING, pairs(kv));
  }

  static Value list(Object... elements) {
    return Value.list(Type.DYNAMIC, values(elements));
  }

  static Value set(Object... elements) {
    return Value.set(Type.STRING, values(elements));
  }

  private static Map<String, Value> pairs(Object... kv) {
    Map<String, Value> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], value(kv[i + 1]));
    }
    return m;
  }

  private static List<Value> values(Object... elements) {
    List<Value> out = new ArrayList<>();
    for (Object e : elements) {
      out.add(value(e));
    }
    return out;
  }

  private static Value value(Object o) {
    if (o instanceof Value v) {
      return v;
    }
    if (o instanceof String str) {
      return Value.string(str);
    }
    if (o instanceof Integer i) {
      return Value.number(i);
    }
    if (o instanceof Boolean bo) {
      return Value.bool(bo);
    }
    throw new IllegalArgumentException("no value for " + o);
  }
}
