package dev.kplan.provider.kubernetes;

import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Attribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a live object becomes the {@code object} attribute (its projection onto the fields kplan owns, without
 * {@code computed_fields}), and who changed a field where the projection differs from what kplan recorded.
 */
final class LiveObjects {
  private LiveObjects() {}

  /** {@code live} projected onto {@code owned}, minus the dotted {@code computedFields}. */
  static Value owned(Value live, FieldSet owned, List<String> computedFields) {
    Value v = owned.project(live);
    for (String path : computedFields) {
      v = without(v, path.split("\\."), 0);
    }
    return v;
  }

  private static Value without(Value v, String[] path, int i) {
    if (!Values.isStructure(v) || !Values.entries(v).containsKey(path[i])) {
      return v;
    }
    Map<String, Value> m = new LinkedHashMap<>(Values.entries(v));
    if (i == path.length - 1) {
      m.remove(path[i]);
    } else {
      m.put(path[i], without(m.get(path[i]), path, i + 1));
    }
    return Value.object(m);
  }

  /** The paths (under {@code object}) where {@code live} differs from {@code stored}, at the deepest level both share. */
  static List<Path> differences(Value stored, Value live) {
    List<Path> out = new ArrayList<>();
    diff(stored, live, Path.ROOT, out);
    return out;
  }

  private static void diff(Value a, Value b, Path at, List<Path> out) {
    if (a.equals(b)) {
      return;
    }
    if (Values.isStructure(a) && Values.isStructure(b)) {
      Set<String> keys = new TreeSet<>(Values.entries(a).keySet());
      keys.addAll(Values.entries(b).keySet());
      for (String k : keys) {
        Value x = Values.entries(a).get(k);
        Value y = Values.entries(b).get(k);
        diff(x == null ? Values.NULL : x, y == null ? Values.NULL : y, at.attr(k), out);
      }
      return;
    }
    List<Value> xs = Values.elements(a);
    List<Value> ys = Values.elements(b);
    if (Values.isCollection(a) && Values.isCollection(b) && xs.size() == ys.size()) {
      for (int i = 0; i < xs.size(); i++) {
        diff(xs.get(i), ys.get(i), at.index(Value.number(i)), out);
      }
      return;
    }
    if (Values.isCollection(a) && Values.isCollection(b) && ys.size() > xs.size()
        && xs.equals(ys.subList(0, xs.size()))) {
      for (int i = xs.size(); i < ys.size(); i++) { // items appended: each is its own change, with its own owner
        out.add(at.index(Value.number(i)));
      }
      return;
    }
    out.add(at);
  }

  /**
   * For each changed path of {@code projected}, the latest manager other than {@code self} that owns it in
   * {@code live} ({@link DriftClassifier#UNKNOWN_MANAGER} when none does), classified: the drift's "who and when".
   */
  static List<Attribution> attributions(Value stored, Value projected, Value live, String self,
      DriftClassifier classifier) {
    List<Attribution> out = new ArrayList<>();
    ManagedFields mf = ManagedFields.of(live);
    String apiVersion = Values.string(live, "apiVersion");
    String kind = Values.string(live, "kind");
    for (Path p : differences(stored, projected)) {
      ManagedFields.Entry best = null;
      for (ManagedFields.Entry e : mf.entries()) {
        if (!e.manager().equals(self) && e.fields().owns(projected, p)
            && (best == null || (e.time() != null && (best.time() == null || e.time().isAfter(best.time()))))) {
          best = e;
        }
      }
      List<dev.kplan.lang.value.PathStep> steps = new ArrayList<>();
      steps.add(new dev.kplan.lang.value.PathStep.GetAttr("object"));
      steps.addAll(p.steps());
      String manager = best == null ? DriftClassifier.UNKNOWN_MANAGER : best.manager();
      boolean sensitive = DriftClassifier.securitySensitive(apiVersion, kind, p, valueAt(projected, p));
      out.add(new Attribution(new Path(steps), manager, best == null ? "" : best.operation(),
          best == null ? null : best.time(), classifier.origin(manager), sensitive));
    }
    return out;
  }

  private static Value valueAt(Value v, Path p) {
    Value cur = v;
    for (dev.kplan.lang.value.PathStep s : p.steps()) {
      if (s instanceof dev.kplan.lang.value.PathStep.GetAttr a) {
        cur = Values.at(cur, a.name());
      } else if (s instanceof dev.kplan.lang.value.PathStep.Index i
          && i.key() instanceof dev.kplan.lang.value.NumberValue n) {
        List<Value> xs = Values.elements(cur);
        int k = n.value().intValue();
        cur = k >= 0 && k < xs.size() ? xs.get(k) : Values.NULL;
      } else {
        return Values.NULL;
      }
    }
    return cur;
  }
}
