package dev.kplan.lang.value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Deep operations on marks: collect them all, or strip them all. */
public final class ValueMarks {
  private ValueMarks() {}

  /** The union of the marks on {@code v} and everything nested in it. */
  public static Marks deepMarks(Value v) {
    Marks m = v.marks();
    if (v instanceof ListValue l) {
      for (Value e : l.elements()) {
        m = m.union(deepMarks(e));
      }
    } else if (v instanceof TupleValue t) {
      for (Value e : t.elements()) {
        m = m.union(deepMarks(e));
      }
    } else if (v instanceof SetValue s) {
      for (Value e : s.elements()) {
        m = m.union(deepMarks(e));
      }
    } else if (v instanceof MapValue mv) {
      for (Value e : mv.entries().values()) {
        m = m.union(deepMarks(e));
      }
    } else if (v instanceof ObjectValue o) {
      for (Value e : o.attributes().values()) {
        m = m.union(deepMarks(e));
      }
    }
    return m;
  }

  /** {@code v} with no marks anywhere inside it. */
  public static Value unmarkDeep(Value v) {
    if (!v.hasMarksDeep()) {
      return v;
    }
    if (v instanceof ListValue l) {
      return new ListValue(l.elementType(), unmarkAll(l.elements()), Marks.NONE);
    } else if (v instanceof TupleValue t) {
      return new TupleValue(unmarkAll(t.elements()), Marks.NONE);
    } else if (v instanceof SetValue s) {
      return new SetValue(s.elementType(), unmarkAll(s.elements()), Marks.NONE);
    } else if (v instanceof MapValue m) {
      return new MapValue(m.elementType(), unmarkAll(m.entries()), Marks.NONE);
    } else if (v instanceof ObjectValue o) {
      return new ObjectValue(unmarkAll(o.attributes()), Marks.NONE);
    }
    return v.unmarked();
  }

  private static List<Value> unmarkAll(List<Value> values) {
    List<Value> out = new ArrayList<>(values.size());
    for (Value e : values) {
      out.add(unmarkDeep(e));
    }
    return out;
  }

  private static Map<String, Value> unmarkAll(Map<String, Value> values) {
    Map<String, Value> out = new LinkedHashMap<>();
    values.forEach((k, e) -> out.put(k, unmarkDeep(e)));
    return out;
  }
}
