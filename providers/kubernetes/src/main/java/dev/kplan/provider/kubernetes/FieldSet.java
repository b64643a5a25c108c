package dev.kplan.provider.kubernetes;

import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.PathStep;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fields one manager owns in an object, as Kubernetes writes them in {@code managedFields[].fieldsV1}:
 * {@code f:name} for a field, {@code k:{…}} for a list item by its keys, {@code v:…} for a set item by
 * value, {@code i:N} by index, {@code .} for the node itself; an empty node is a leaf (the whole value).
 * kplan projects live objects onto the set it owns, so that only those fields are ever compared.
 */
record FieldSet(ObjectValue tree) {
  static final FieldSet EMPTY = new FieldSet(ObjectValue.EMPTY);

  /** Unmarked once here, so that walking the tree needs no deep unmarking at every level. */
  FieldSet {
    tree = Values.object(tree);
  }

  /** A node of the (unmarked) tree as an object: an empty one when it is not an object. */
  private static ObjectValue node(Value v) {
    return v instanceof ObjectValue o ? o : ObjectValue.EMPTY;
  }

  static FieldSet fromJson(String json) {
    return json == null || json.isBlank() ? EMPTY : new FieldSet(Values.object(JsonCodec.decode(json)));
  }

  String toJson() {
    return JsonCodec.encode(tree);
  }

  boolean isEmpty() {
    return tree.attributes().isEmpty();
  }

  /** The parts of {@code live} this set names; list items keep their live order. */
  Value project(Value live) {
    return project(live, tree);
  }

  private static Value project(Value live, ObjectValue fs) {
    if (isLeaf(fs)) {
      return live;
    }
    if (Values.isStructure(live)) {
      Map<String, Value> in = Values.entries(live);
      Map<String, Value> out = new LinkedHashMap<>();
      fs.attributes().forEach((key, sub) -> {
        if (key.startsWith("f:") && in.containsKey(key.substring(2))) {
          out.put(key.substring(2), project(in.get(key.substring(2)), node(sub)));
        }
      });
      return Value.object(out);
    }
    if (Values.isCollection(live)) {
      List<Value> items = Values.elements(live);
      List<Value> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        ObjectValue sub = itemSet(fs, items.get(i), i);
        if (sub != null) {
          out.add(project(items.get(i), sub));
        }
      }
      return Value.tuple(out);
    }
    return live;
  }

  /** True when a field set node owns its value as a whole. */
  private static boolean isLeaf(ObjectValue fs) {
    for (String k : fs.attributes().keySet()) {
      if (!k.equals(".")) {
        return false;
      }
    }
    return true;
  }

  /** The sub-set for list item {@code item} at {@code index}, or null when this set does not name it. */
  private static ObjectValue itemSet(ObjectValue fs, Value item, int index) {
    for (Map.Entry<String, Value> e : fs.attributes().entrySet()) {
      String key = e.getKey();
      if (key.startsWith("k:") && matchesKeys(JsonCodec.decode(key.substring(2)), item)) {
        return node(e.getValue());
      }
      if (key.startsWith("v:") && JsonCodec.decode(key.substring(2)).equals(item)) {
        return node(e.getValue());
      }
      if (key.equals("i:" + index)) {
        return node(e.getValue());
      }
    }
    return null;
  }

  private static boolean matchesKeys(Value keys, Value item) {
    if (!Values.isStructure(item)) {
      return false;
    }
    Map<String, Value> have = Values.entries(item);
    for (Map.Entry<String, Value> k : Values.entries(keys).entrySet()) {
      if (!k.getValue().equals(have.get(k.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether this set owns the field at {@code path} of {@code projected} (an object projected onto any
   * set, so that list indexes are positions in it): list steps are matched by the item's keys or value.
   */
  boolean owns(Value projected, Path path) {
    ObjectValue fs = tree;
    Value cur = projected;
    for (PathStep step : path.steps()) {
      if (isLeaf(fs)) {
        return true;
      }
      if (step instanceof PathStep.GetAttr a) {
        Value sub = fs.get("f:" + a.name());
        if (sub == null) {
          return false;
        }
        fs = node(sub);
        cur = Values.at(cur, a.name());
      } else if (step instanceof PathStep.Index ix) {
        if (ix.key() instanceof StringValue s) {
          Value sub = fs.get("f:" + s.value());
          if (sub == null) {
            return false;
          }
          fs = node(sub);
          cur = Values.at(cur, s.value());
          continue;
        }
        if (!(ix.key() instanceof NumberValue n)) {
          return false;
        }
        int i = n.value().intValue();
        List<Value> items = Values.elements(cur);
        if (i >= items.size()) {
          return false;
        }
        ObjectValue sub = itemSet(fs, items.get(i), i);
        if (sub == null) {
          return false;
        }
        fs = sub;
        cur = items.get(i);
      }
    }
    return true;
  }

  /**
   * Every field this set names, written as the API server writes field paths in conflict errors
   * ({@code .spec.replicas}, {@code .spec.containers[name="web"].image}, {@code .metadata.finalizers[="x"]}).
   */
  Set<String> paths() {
    Set<String> out = new TreeSet<>();
    collect(tree, "", out);
    return out;
  }

  private static void collect(ObjectValue fs, String prefix, Set<String> out) {
    for (Map.Entry<String, Value> e : fs.attributes().entrySet()) {
      String key = e.getKey();
      String here;
      if (key.startsWith("f:")) {
        here = prefix + "." + key.substring(2);
      } else if (key.startsWith("k:")) {
        List<String> parts = new ArrayList<>();
        Values.entries(JsonCodec.decode(key.substring(2))).entrySet().stream()
            .sorted(Map.Entry.comparingByKey())
            .forEach(k -> parts.add(k.getKey() + "=" + JsonCodec.encode(k.getValue())));
        here = prefix + "[" + String.join(",", parts) + "]";
      } else if (key.startsWith("v:")) {
        here = prefix + "[=" + JsonCodec.encode(JsonCodec.decode(key.substring(2))) + "]";
      } else if (key.startsWith("i:")) {
        here = prefix + "[" + key.substring(2) + "]";
      } else {
        continue;
      }
      out.add(here);
      collect(node(e.getValue()), here, out);
    }
  }

  /** The fields either set names. */
  FieldSet union(FieldSet other) {
    return new FieldSet(merge(tree, other.tree));
  }

  private static ObjectValue merge(ObjectValue a, ObjectValue b) {
    Map<String, Value> out = new LinkedHashMap<>(a.attributes());
    b.attributes().forEach((k, v) -> out.merge(k, v, (x, y) -> merge(node(x), node(y))));
    return Value.object(out);
  }

  /**
   * This set without the fields that {@code value} lacks: what an object's owners set, narrowed to the
   * manifest written for it. List items are kept when {@code value} holds an item they name.
   */
  FieldSet restrictTo(Value value) {
    return new FieldSet(restrict(tree, value));
  }

  private static ObjectValue restrict(ObjectValue fs, Value v) {
    if (isLeaf(fs)) {
      return fs;
    }
    Map<String, Value> out = new LinkedHashMap<>();
    List<Value> items = Values.isCollection(v) ? Values.elements(v) : List.of();
    fs.attributes().forEach((key, sub) -> {
      if (key.equals(".")) {
        out.put(key, sub);
      } else if (key.startsWith("f:")) {
        Value child = Values.isStructure(v) ? Values.entries(v).get(key.substring(2)) : null;
        if (child != null && !child.isNull()) {
          out.put(key, restrict(node(sub), child));
        }
      } else {
        for (int i = 0; i < items.size(); i++) {
          if (itemSet(Value.object(Map.of(key, sub)), items.get(i), i) != null) {
            out.put(key, restrict(node(sub), items.get(i)));
            break;
          }
        }
      }
    });
    return Value.object(out);
  }
}
