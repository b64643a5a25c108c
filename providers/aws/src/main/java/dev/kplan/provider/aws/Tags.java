package dev.kplan.provider.aws;

import dev.kplan.lang.value.Value;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tags as maps, as Terraform's AWS provider has them: {@code tags} is what the resource configures,
 * {@code tags_all} what AWS holds (the provider's {@code default_tags} merged under {@code tags}). Tags whose
 * key starts with {@code kplan:} are kplan's own bookkeeping (the instance address) and are never shown.
 */
final class Tags {
  private Tags() {}

  static final String PREFIX = "kplan:";
  static final String ADDRESS = "kplan:address";

  /** {@code tags_all} as planned: defaults, overridden by the resource's tags; unknown when the tags are. */
  static Value planAll(Map<String, String> defaults, Value tags) {
    if (!tags.isWhollyKnown()) {
      return Value.unknownOf(Vals.STRING_MAP);
    }
    Map<String, String> all = new TreeMap<>(defaults);
    Map<String, String> own = Vals.stringMap(tags);
    if (own != null) {
      all.putAll(own);
    }
    return Vals.map(all);
  }

  /** Live tags without kplan's own. */
  static Map<String, String> visible(Map<String, String> live) {
    Map<String, String> out = new TreeMap<>();
    live.forEach((k, v) -> {
      if (!k.startsWith(PREFIX)) {
        out.put(k, v);
      }
    });
    return out;
  }

  /**
   * The {@code tags} attribute from live tags: every live tag except those that only come from the
   * defaults (same key and value, and not configured on the resource itself).
   */
  static Value own(Map<String, String> visible, Map<String, String> defaults, Value priorTags) {
    Map<String, String> prior = Vals.stringMap(priorTags);
    Map<String, String> out = new TreeMap<>();
    visible.forEach((k, v) -> {
      boolean configured = prior != null && prior.containsKey(k);
      if (configured || !v.equals(defaults.get(k))) {
        out.put(k, v);
      }
    });
    return out.isEmpty() && prior == null ? Vals.map(null) : Vals.map(out);
  }

  /** What AWS should hold after a create: {@code tags_all} plus the instance address. */
  static Map<String, String> forCreate(Value tagsAll, String address) {
    Map<String, String> all = new TreeMap<>();
    Map<String, String> planned = Vals.stringMap(tagsAll);
    if (planned != null) {
      all.putAll(planned);
    }
    if (address != null) {
      all.put(ADDRESS, address);
    }
    return all;
  }

  /** A change of tags: keys to remove and entries to set, kplan's own untouched. */
  record Change(java.util.Set<String> remove, Map<String, String> set) {
    boolean isEmpty() {
      return remove.isEmpty() && set.isEmpty();
    }
  }

  /** {@code address}, when known, is (re)written to {@link #ADDRESS}: a hand edit may have dropped it. */
  static Change change(Map<String, String> live, Value plannedAll, String address) {
    Map<String, String> want = new TreeMap<>();
    Map<String, String> planned = Vals.stringMap(plannedAll);
    if (planned != null) {
      want.putAll(planned);
    }
    if (address != null) {
      want.put(ADDRESS, address);
    }
    java.util.Set<String> remove = new java.util.TreeSet<>();
    Map<String, String> set = new TreeMap<>();
    for (String k : live.keySet()) {
      if (!k.startsWith(PREFIX) && !want.containsKey(k)) {
        remove.add(k);
      }
    }
    want.forEach((k, v) -> {
      if (!v.equals(live.get(k))) {
        set.put(k, v);
      }
    });
    return new Change(remove, set);
  }
}
