package dev.kplan.engine.planner;

import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.PathStep;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and replacing values at attribute paths, and moving marks between values by path. */
final class ValuePaths {
  private ValuePaths() {}

  /** The value at {@code path}, or Java null when there is none (missing key, index out of range, null parent). */
  static Value get(Value v, Path path) {
    Value cur = v;
    for (PathStep s : path.steps()) {
      cur = step(cur, s);
      if (cur == null) {
        return null;
      }
    }
    return cur;
  }

  private static Value step(Value v, PathStep s) {
    if (s instanceof PathStep.GetAttr a) {
      if (v instanceof ObjectValue o) {
        return o.get(a.name());
      }
      if (v instanceof MapValue m) {
        return m.entries().get(a.name());
      }
      return null;
    }
    Value key = ((PathStep.Index) s).key().unmarked();
    if (v instanceof MapValue m && key instanceof StringValue k) {
      return m.entries().get(k.value());
    }
    if (v instanceof ObjectValue o && key instanceof StringValue k) {
      return o.get(k.value());
    }
    List<Value> elems = v instanceof ListValue l ? l.elements() : v instanceof TupleValue t ? t.elements() : null;
    if (elems != null && key instanceof NumberValue n && n.isInteger()) {
      int i = n.value().intValue();
      return i >= 0 && i < elems.size() ? elems.get(i) : null;
    }
    return null;
  }

  /**
   * {@code v} with the value at {@code path} replaced by {@code replacement}; a Java null
   * replacement removes a map key (and nulls an attribute). Paths that do not exist are left alone.
   */
  static Value set(Value v, Path path, Value replacement) {
    if (path.steps().isEmpty()) {
      return replacement == null ? Value.nullOf(v.type()) : replacement;
    }
    PathStep s = path.steps().get(0);
    Path rest = new Path(path.steps().subList(1, path.steps().size()));
    String name = s instanceof PathStep.GetAttr a ? a.name()
        : ((PathStep.Index) s).key().unmarked() instanceof StringValue k ? k.value() : null;
    if (v instanceof ObjectValue o && name != null && o.attributes().containsKey(name)) {
      Map<String, Value> attrs = new LinkedHashMap<>(o.attributes());
      Value old = attrs.get(name);
      attrs.put(name, rest.steps().isEmpty() && replacement == null ? Value.nullOf(old.type()) : set(old, rest, replacement));
      return new ObjectValue(attrs, o.marks());
    }
    if (v instanceof MapValue m && name != null) {
      Map<String, Value> entries = new LinkedHashMap<>(m.entries());
      Value old = entries.get(name);
      if (rest.steps().isEmpty()) {
        if (replacement == null) {
          entries.remove(name);
        } else {
          entries.put(name, replacement);
        }
      } else if (old != null) {
        entries.put(name, set(old, rest, replacement));
      }
      return new MapValue(m.elementType(), entries, m.marks());
    }
    if (v instanceof ListValue l && s instanceof PathStep.Index ix && ix.key().unmarked() instanceof NumberValue n) {
      int i = n.value().intValue();
      if (i >= 0 && i < l.elements().size()) {
        List<Value> elems = new ArrayList<>(l.elements());
        elems.set(i, set(elems.get(i), rest, replacement == null && rest.steps().isEmpty()
            ? Value.nullOf(elems.get(i).type()) : replacement));
        return new ListValue(l.elementType(), elems, l.marks());
      }
    }
    if (v instanceof TupleValue t && s instanceof PathStep.Index ix && ix.key().unmarked() instanceof NumberValue n) {
      int i = n.value().intValue();
      if (i >= 0 && i < t.elements().size()) {
        List<Value> elems = new ArrayList<>(t.elements());
        elems.set(i, set(elems.get(i), rest, replacement == null && rest.steps().isEmpty()
            ? Value.nullOf(elems.get(i).type()) : replacement));
        return new TupleValue(elems, t.marks());
      }
    }
    return v;
  }

  /** The paths of every value in {@code v} that carries marks of its own, with those marks. */
  static Map<Path, Marks> markedPaths(Value v) {
    Map<Path, Marks> out = new LinkedHashMap<>();
    collect(v, Path.ROOT, out);
    return out;
  }

  private static void collect(Value v, Path at, Map<Path, Marks> out) {
    if (!v.hasMarksDeep()) {
      return;
    }
    if (v.isMarked()) {
      out.put(at, v.marks());
    }
    if (v instanceof ObjectValue o) {
      o.attributes().forEach((k, e) -> collect(e, at.attr(k), out));
    } else if (v instanceof MapValue m) {
      m.entries().forEach((k, e) -> collect(e, at.index(Value.string(k)), out));
    } else if (v instanceof ListValue l) {
      for (int i = 0; i < l.elements().size(); i++) {
        collect(l.elements().get(i), at.index(Value.number(i)), out);
      }
    } else if (v instanceof TupleValue t) {
      for (int i = 0; i < t.elements().size(); i++) {
        collect(t.elements().get(i), at.index(Value.number(i)), out);
      }
    } else if (v instanceof SetValue) {
      return; // a set's element marks live on the set itself
    }
  }

  /**
   * {@code v} with each path's marks added where that path exists. A path that runs into an
   * unknown value marks that value as a whole: what it will hold is not known, so neither is where
   * the marked part will be, and dropping the mark could let a secret out once it is known.
   */
  static Value applyMarks(Value v, Map<Path, Marks> marks) {
    Value out = v;
    for (Map.Entry<Path, Marks> e : marks.entrySet()) {
      Path at = existingPrefix(out, e.getKey());
      if (at != null) {
        out = set(out, at, get(out, at).mark(e.getValue()));
      }
    }
    return out;
  }

  /**
   * {@code path} when it exists in {@code v}; else its longest prefix that leads to an unknown
   * value; else (a missing key, a null on the way) Java null.
   */
  private static Path existingPrefix(Value v, Path path) {
    Value cur = v;
    for (int i = 0; i < path.steps().size(); i++) {
      if (!cur.isKnown()) {
        return new Path(path.steps().subList(0, i));
      }
      cur = step(cur, path.steps().get(i));
      if (cur == null) {
        return null;
      }
    }
    return path;
  }
}
