package dev.kplan.engine.apply;

import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether a later value keeps every known part of an earlier one (Terraform's "planned value is
 * compatible"): unknown parts of {@code planned} may become anything, known parts must stay equal.
 * Used twice at apply time: the re-plan against the saved plan, and the provider's new state
 * against the plan.
 */
public final class Compatibility {
  private Compatibility() {}

  /** The paths (in Terraform's dotted form) where {@code actual} contradicts {@code planned}. */
  public static List<String> problems(Value planned, Value actual) {
    List<String> out = new ArrayList<>();
    check(ValueMarks.unmarkDeep(planned), ValueMarks.unmarkDeep(actual), "", out);
    return out;
  }

  private static void check(Value p, Value a, String path, List<String> out) {
    if (!p.isKnown()) {
      return;
    }
    if (p.isWhollyKnown()) {
      if (!p.equals(a)) {
        out.add(path.isEmpty() ? "the whole object" : path);
      }
      return;
    }
    if (p instanceof ObjectValue po && a instanceof ObjectValue ao) {
      for (Map.Entry<String, Value> e : po.attributes().entrySet()) {
        Value av = ao.attributes().get(e.getKey());
        if (av == null) {
          out.add(path + "." + e.getKey());
        } else {
          check(e.getValue(), av, path + "." + e.getKey(), out);
        }
      }
    } else if (p instanceof MapValue pm && a instanceof MapValue am) {
      if (!pm.entries().keySet().equals(am.entries().keySet())) {
        out.add(path);
        return;
      }
      pm.entries().forEach((k, v) -> check(v, am.entries().get(k), path + "[\"" + k + "\"]", out));
    } else if (p instanceof ListValue pl && a instanceof ListValue al) {
      elements(pl.elements(), al.elements(), path, out);
    } else if (p instanceof TupleValue pt && a instanceof TupleValue at) {
      elements(pt.elements(), at.elements(), path, out);
    } else if (p instanceof SetValue ps && a instanceof SetValue as) {
      // set elements with unknowns have no identity: only the count can be held to
      if (ps.elements().size() != as.elements().size()) {
        out.add(path);
      }
    } else {
      out.add(path.isEmpty() ? "the whole object" : path);
    }
  }

  private static void elements(List<Value> p, List<Value> a, String path, List<String> out) {
    if (p.size() != a.size()) {
      out.add(path);
      return;
    }
    for (int i = 0; i < p.size(); i++) {
      check(p.get(i), a.get(i), path + "[" + i + "]", out);
    }
  }
}
