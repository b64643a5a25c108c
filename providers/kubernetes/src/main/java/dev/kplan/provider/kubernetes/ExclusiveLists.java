package dev.kplan.provider.kubernetes;

import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lists whose items other managers must not add to unnoticed, because each item opens something: a Service's
 * {@code spec.ports}. Server-side apply lets another manager own an extra item beside kplan's, and kplan's field set
 * never includes it; for these lists kplan takes the whole list as its own: extra live items show in
 * {@code object} (drift), and apply removes them.
 */
final class ExclusiveLists {
  private ExclusiveLists() {}

  /** One exclusive list: where it is, in which kind, and the fields that identify an item (with defaults). */
  private record ListSpec(String apiVersion, String kind, String[] path, Map<String, String> keys) {}

  private static final List<ListSpec> LISTS = List.of(
      new ListSpec("v1", "Service", new String[] {"spec", "ports"}, orderedKeys("port", null, "protocol", "TCP")));

  /** {@code projected} with the live items kplan did not send appended to each exclusive list of {@code live}. */
  static Value withExtras(Value projected, Value live) {
    Value out = projected;
    for (ListSpec l : LISTS) {
      List<Value> extra = extras(l, projected, live);
      if (!extra.isEmpty()) {
        List<Value> all = new ArrayList<>(Values.elements(Values.at(projected, l.path())));
        all.addAll(extra);
        out = with(out, l.path(), 0, Value.tuple(all));
      }
    }
    return out;
  }

  /**
   * For {@code answer} (the object after kplan's apply of {@code manifest}), a JSON patch that removes the items of
   * exclusive lists that kplan did not send (last first, so indexes stay right), or null when there are none.
   */
  static String trimPatch(Value manifest, Value answer) {
    List<String> ops = new ArrayList<>();
    for (ListSpec l : LISTS) {
      if (!matches(l, answer)) {
        continue;
      }
      List<Value> mine = Values.elements(Values.at(manifest, l.path()));
      if (mine.isEmpty()) {
        continue;
      }
      List<Value> live = Values.elements(Values.at(answer, l.path()));
      for (int i = live.size() - 1; i >= 0; i--) {
        if (!contains(l, mine, live.get(i))) {
          ops.add("{\"op\":\"remove\",\"path\":\"/" + String.join("/", l.path()) + "/" + i + "\"}");
        }
      }
    }
    return ops.isEmpty() ? null : "[" + String.join(",", ops) + "]";
  }

  private static List<Value> extras(ListSpec l, Value projected, Value live) {
    if (!matches(l, live)) {
      return List.of();
    }
    List<Value> mine = Values.elements(Values.at(projected, l.path()));
    if (mine.isEmpty()) {
      return List.of(); // kplan does not set this list: it is not kplan's to guard
    }
    List<Value> out = new ArrayList<>();
    for (Value item : Values.elements(Values.at(live, l.path()))) {
      if (!contains(l, mine, item)) {
        out.add(Values.withoutNulls(item));
      }
    }
    return out;
  }

  private static boolean matches(ListSpec l, Value object) {
    return l.apiVersion().equals(Values.string(object, "apiVersion")) && l.kind().equals(Values.string(object, "kind"));
  }

  private static boolean contains(ListSpec l, List<Value> items, Value item) {
    for (Value i : items) {
      if (sameKey(l, i, item)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameKey(ListSpec l, Value a, Value b) {
    for (Map.Entry<String, String> k : l.keys().entrySet()) {
      if (!Objects.equals(key(a, k), key(b, k))) {
        return false;
      }
    }
    return true;
  }

  private static String key(Value item, Map.Entry<String, String> k) {
    Value v = Values.at(item, k.getKey());
    if (v.isNull()) {
      return k.getValue();
    }
    String s = Values.string(v);
    return s != null ? s : Values.toJson(v);
  }

  private static Value with(Value v, String[] path, int i, Value leaf) {
    Map<String, Value> m = new LinkedHashMap<>(Values.entries(v));
    m.put(path[i], i == path.length - 1 ? leaf : with(m.getOrDefault(path[i], Value.object(Map.of())), path, i + 1, leaf));
    return Value.object(m);
  }

  private static Map<String, String> orderedKeys(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }
}
