package dev.kplan.provider.kubernetes;

import dev.kplan.lang.value.Value;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Bringing an object that kplan did not create under management ({@code import}): the manifest a person
 * would have written for it, and the fields kplan takes as its own from then on.
 *
 * <p>The manifest holds what the object's non-controller managers set ({@code metadata.managedFields}
 * without controllers and subresources), never {@code status}, {@code managedFields}, {@code uid},
 * {@code resourceVersion} or timestamps. A manager that wrote by update (kubectl create, client-side apply)
 * owns the server defaults of its request too, so those are found by asking the server: a dry-run create
 * of the manifest without its candidate fields, under another name, shows which of them the server fills
 * in with the same values. A 422 that names a field the object needs puts it back and asks again.
 */
final class Adoption {
  private static final int ROUNDS = 5;
  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  private Adoption() {}

  /** The manifest for an imported object and the fields kplan owns in it. */
  record Adopted(Value manifest, FieldSet fields) {}

  static Adopted of(Cluster cluster, ApiResource r, Value live) {
    FieldSet people = peopleFields(live);
    Value manifest = withoutDefaults(cluster, r, manifestOf(live, people));
    return new Adopted(manifest, people.restrictTo(manifest));
  }

  /** The fields of every manager that is not a controller (subresources such as status already left out). */
  static FieldSet peopleFields(Value live) {
    FieldSet out = FieldSet.EMPTY;
    for (ManagedFields.Entry e : ManagedFields.of(live).entries()) {
      if (!isController(e.manager())) {
        out = out.union(e.fields());
      }
    }
    return out;
  }

  private static boolean isController(String manager) {
    return manager.equals("kube-controller-manager") || manager.equals("kube-scheduler")
        || manager.equals("kubelet") || manager.equals("kube-apiserver") || manager.contains("controller");
  }

  /** {@code live} projected onto {@code fields}, with its identity and without what the server keeps. */
  static Value manifestOf(Value live, FieldSet fields) {
    Value projected = fields.project(live);
    Map<String, Value> out = new LinkedHashMap<>();
    out.put("apiVersion", Values.at(live, "apiVersion"));
    out.put("kind", Values.at(live, "kind"));
    Map<String, Value> meta = new LinkedHashMap<>();
    meta.put("name", Values.at(live, "metadata", "name"));
    Value ns = Values.at(live, "metadata", "namespace");
    if (!ns.isNull()) {
      meta.put("namespace", ns);
    }
    Map<String, Value> labels = new LinkedHashMap<>(Values.entries(Values.at(projected, "metadata", "labels")));
    if ("Namespace".equals(Values.string(live, "kind"))) {
      labels.remove("kubernetes.io/metadata.name"); // the API server sets it to the name, always
    }
    if (!labels.isEmpty()) {
      meta.put("labels", Value.object(labels));
    }
    Map<String, Value> annotations = new LinkedHashMap<>(Values.entries(Values.at(projected, "metadata", "annotations")));
    annotations.remove(LAST_APPLIED);
    if (!annotations.isEmpty()) {
      meta.put("annotations", Value.object(annotations));
    }
    out.put("metadata", Value.object(meta));
    Values.entries(projected).forEach((k, v) -> {
      if (!k.equals("metadata") && !k.equals("status") && !k.equals("apiVersion") && !k.equals("kind")) {
        out.put(k, v);
      }
    });
    return Values.withoutNulls(Value.object(out));
  }

  private static Value withoutDefaults(Cluster cluster, ApiResource r, Value manifest) {
    List<List<Object>> candidates = new ArrayList<>();
    Values.entries(manifest).forEach((k, v) -> {
      if (!k.equals("metadata") && !k.equals("apiVersion") && !k.equals("kind")) {
        leaves(v, new ArrayList<>(List.of(k)), candidates);
      }
    });
    if (candidates.isEmpty()) {
      return manifest;
    }
    Set<String> keep = new HashSet<>();
    String namespace = Values.string(manifest, "metadata", "namespace");
    for (int round = 0; round < ROUNDS; round++) {
      List<List<Object>> strip = new ArrayList<>();
      for (List<Object> p : candidates) {
        if (!keep.contains(text(p))) {
          strip.add(p);
        }
      }
      Value probe = manifest;
      for (List<Object> p : strip) {
        probe = removed(probe, p, 0);
      }
      Map<String, Value> meta = new LinkedHashMap<>(Values.entries(Values.at(probe, "metadata")));
      meta.put("name", Value.string("kplan-probe-" + UUID.randomUUID().toString().substring(0, 8)));
      probe = Values.with(Values.object(probe), "metadata", Value.object(meta));
      Value defaulted;
      try {
        defaulted = cluster.createDryRun(r, r.namespaced() ? (namespace == null ? "default" : namespace) : null, probe);
      } catch (KubernetesClientException e) {
        boolean added = false;
        for (String field : ApiErrors.invalidFields(e)) {
          for (List<Object> p : strip) {
            if (related(text(p), field)) {
              added |= keep.add(text(p));
            }
          }
        }
        if (!added) {
          return manifest; // the server cannot tell its defaults apart here: keep every field
        }
        continue;
      }
      Value out = manifest;
      for (List<Object> p : strip) {
        if (at(defaulted, p).equals(at(manifest, p))) {
          out = removed(out, p, 0);
        }
      }
      return pruned(out, manifest);
    }
    return manifest;
  }

  /** Scalar attributes, lists of scalars and empty objects: the fields a server may default. Names and metadata are never defaults. */
  private static void leaves(Value v, List<Object> at, List<List<Object>> out) {
    Object last = at.get(at.size() - 1);
    if (last.equals("metadata") || last.equals("name")) {
      return;
    }
    if (Values.isStructure(v)) {
      Map<String, Value> m = Values.entries(v);
      if (m.isEmpty() && last instanceof String) {
        out.add(List.copyOf(at));
      }
      m.forEach((k, x) -> {
        at.add(k);
        leaves(x, at, out);
        at.remove(at.size() - 1);
      });
    } else if (Values.isCollection(v)) {
      List<Value> items = Values.elements(v);
      if (last instanceof String && items.stream().noneMatch(x -> Values.isStructure(x) || Values.isCollection(x))) {
        out.add(List.copyOf(at)); // a list of scalars (finalizers, access modes) is defaulted as a whole
        return;
      }
      for (int i = 0; i < items.size(); i++) {
        if (Values.isStructure(items.get(i))) {
          at.add(i);
          leaves(items.get(i), at, out);
          at.remove(at.size() - 1);
        }
      }
    } else if (last instanceof String && !v.isNull()) {
      out.add(List.copyOf(at));
    }
  }

  /** As the API server writes field paths: {@code spec.template.spec.containers[0].image}. */
  private static String text(List<Object> path) {
    StringBuilder sb = new StringBuilder();
    for (Object s : path) {
      if (s instanceof Integer i) {
        sb.append('[').append(i).append(']');
      } else {
        sb.append(sb.length() == 0 ? "" : ".").append(s);
      }
    }
    return sb.toString();
  }

  private static boolean related(String path, String field) {
    return path.equals(field) || path.startsWith(field + ".") || path.startsWith(field + "[")
        || field.startsWith(path + ".") || field.startsWith(path + "[");
  }

  private static Value at(Value v, List<Object> path) {
    Value cur = v;
    for (Object s : path) {
      if (s instanceof Integer i) {
        List<Value> items = Values.elements(cur);
        cur = i < items.size() ? items.get(i) : Values.NULL;
      } else {
        Value next = Values.isStructure(cur) ? Values.entries(cur).get((String) s) : null;
        cur = next == null ? Values.NULL : next;
      }
    }
    return cur;
  }

  /** {@code v} without the attribute at {@code path} (list items keep their positions). */
  private static Value removed(Value v, List<Object> path, int i) {
    Object s = path.get(i);
    if (s instanceof Integer idx) {
      List<Value> items = new ArrayList<>(Values.elements(v));
      if (idx < items.size()) {
        items.set(idx, removed(items.get(idx), path, i + 1));
      }
      return Value.tuple(items);
    }
    if (!Values.isStructure(v) || !Values.entries(v).containsKey((String) s)) {
      return v;
    }
    Map<String, Value> m = new LinkedHashMap<>(Values.entries(v));
    if (i == path.size() - 1) {
      m.remove(s);
    } else {
      m.put((String) s, removed(m.get(s), path, i + 1));
    }
    return Value.object(m);
  }

  /** Objects that lost all their fields to defaults go too (those that were empty to begin with stay). */
  private static Value pruned(Value v, Value original) {
    if (Values.isStructure(v)) {
      Map<String, Value> out = new LinkedHashMap<>();
      Map<String, Value> was = Values.entries(original);
      Values.entries(v).forEach((k, x) -> {
        Value o = was.getOrDefault(k, Values.NULL);
        Value p = pruned(x, o);
        boolean emptied = Values.isStructure(p) && Values.entries(p).isEmpty() && !Values.entries(o).isEmpty();
        if (!emptied) {
          out.put(k, p);
        }
      });
      return Value.object(out);
    }
    if (Values.isCollection(v)) {
      List<Value> items = Values.elements(v);
      List<Value> was = Values.elements(original);
      List<Value> out = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        out.add(pruned(items.get(i), i < was.size() ? was.get(i) : Values.NULL));
      }
      return Value.tuple(out);
    }
    return v;
  }
}
