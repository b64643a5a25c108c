package dev.kplan.lang.value;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Unmodifiable name-sorted maps for object attributes (of values and of types). A map made here is
 * recognised and kept as it is, so that rebuilding a value or type from another one's attributes
 * (marking, unmarking, type computation) does not copy and re-sort them each time.
 */
public final class SortedAttributes {
  private static final Class<?> UNMODIFIABLE_SORTED = Collections.unmodifiableSortedMap(new TreeMap<>()).getClass();

  private SortedAttributes() {}

  /** {@code attributes} sorted by name and unmodifiable; the same map when it already is one of ours. */
  public static <V> Map<String, V> of(Map<String, V> attributes) {
    if (isOurs(attributes)) {
      return attributes;
    }
    return wrap(new TreeMap<>(attributes));
  }

  /** Wraps a natural-order tree map that the caller will no longer modify. */
  public static <V> Map<String, V> wrap(TreeMap<String, V> sorted) {
    if (sorted.comparator() != null) {
      return of(Map.copyOf(sorted));
    }
    return Collections.unmodifiableSortedMap(sorted);
  }

  private static boolean isOurs(Map<?, ?> m) {
    return m.getClass() == UNMODIFIABLE_SORTED && ((SortedMap<?, ?>) m).comparator() == null;
  }
}
