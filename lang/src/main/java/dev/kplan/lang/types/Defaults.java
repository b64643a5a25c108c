package dev.kplan.lang.types;

import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Default values of {@code optional(T, default)} attributes, at any depth of a type constraint
 * (HCL's {@code typeexpr.Defaults}). {@code children} are keyed by attribute name for objects, by
 * index ("0", "1") for tuples, and by "" for the element of a list, set or map.
 */
public record Defaults(Type type, Map<String, Value> defaultValues, Map<String, Defaults> children) {
  public Defaults {
    Objects.requireNonNull(type, "type is null");
    defaultValues = Collections.unmodifiableMap(new TreeMap<>(defaultValues));
    children = Collections.unmodifiableMap(new TreeMap<>(children));
  }

  /**
   * {@code v} with defaults filled in wherever an optional attribute is missing or null. Lenient:
   * a value that does not fit is returned as it is, for the following conversion to report.
   */
  public Value apply(Value v) {
    if (!v.isKnown() || v.isNull() || (defaultValues.isEmpty() && children.isEmpty())) {
      return v;
    }
    Marks marks = v.marks();
    Value bare = v.unmarked();
    Value result = bare;
    if (bare instanceof ListValue || bare instanceof SetValue || bare instanceof TupleValue) {
      List<Value> values = new ArrayList<>();
      List<Value> elems = CollectionValues.elements(bare);
      for (int i = 0; i < elems.size(); i++) {
        Defaults child = childFor(i);
        values.add(child == null ? elems.get(i) : child.apply(elems.get(i)));
      }
      result = null;
      if (bare instanceof SetValue s) {
        if (values.isEmpty()) {
          result = new SetValue(s.elementType(), List.of(), Marks.NONE);
        } else {
          List<Value> unified = unifyAll(values);
          result = unified == null ? null : CollectionValues.set(unified);
        }
      } else if (bare instanceof ListValue l) {
        if (values.isEmpty()) {
          result = new ListValue(l.elementType(), List.of(), Marks.NONE);
        } else {
          List<Value> unified = unifyAll(values);
          result = unified == null ? null : CollectionValues.list(unified);
        }
      }
      if (result == null) {
        result = new TupleValue(values, Marks.NONE);
      }
    } else if (bare instanceof ObjectValue || bare instanceof MapValue) {
      Map<String, Value> in = bare instanceof ObjectValue o ? o.attributes() : ((MapValue) bare).entries();
      Map<String, Value> values = new LinkedHashMap<>();
      in.forEach((k, e) -> {
        Defaults child = childFor(k);
        values.put(k, child == null ? e : child.apply(e));
      });
      defaultValues.forEach((k, dflt) -> {
        Value present = values.get(k);
        if (present == null || present.isNull()) {
          Defaults child = children.get(k);
          values.put(k, child == null ? dflt : child.apply(dflt));
        }
      });
      result = null;
      if (bare instanceof MapValue m) {
        if (values.isEmpty()) {
          result = new MapValue(m.elementType(), Map.of(), Marks.NONE);
        } else {
          List<String> keys = new ArrayList<>(values.keySet());
          List<Value> unified = unifyAll(new ArrayList<>(values.values()));
          if (unified != null) {
            Map<String, Value> out = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
              out.put(keys.get(i), unified.get(i));
            }
            result = CollectionValues.map(out);
          }
        }
      }
      if (result == null) {
        result = new ObjectValue(values, Marks.NONE);
      }
    }
    return result.mark(marks);
  }

  private Defaults childFor(int index) {
    if (type instanceof TupleType) {
      return children.get(String.valueOf(index));
    }
    return children.get("");
  }

  private Defaults childFor(String key) {
    if (type instanceof ObjectType) {
      return children.get(key);
    }
    return children.get("");
  }

  private static List<Value> unifyAll(List<Value> values) {
    Type unified = Unify.unifyOrNull(values.stream().map(Value::type).toList(), true);
    if (unified == null) {
      return null;
    }
    List<Value> out = new ArrayList<>();
    for (Value v : values) {
      if (v.type().equals(unified)) {
        out.add(v);
        continue;
      }
      try {
        out.add(Convert.convert(v, unified));
      } catch (ConversionException e) {
        return null;
      }
    }
    return CollectionValues.sameTypes(out) ? out : null;
  }
}
