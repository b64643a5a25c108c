package dev.kplan.lang.value;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** Marks carried by a value (today: {@code sensitive}); every operation propagates them. */
public record Marks(Set<String> names) {
  public static final String SENSITIVE_MARK = "sensitive";
  public static final Marks NONE = new Marks(Set.of());
  public static final Marks SENSITIVE = new Marks(Set.of(SENSITIVE_MARK));

  public Marks {
    names = names.isEmpty() ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(names));
  }

  public boolean isEmpty() {
    return names.isEmpty();
  }

  public boolean isSensitive() {
    return names.contains(SENSITIVE_MARK);
  }

  public Marks union(Marks other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    Set<String> all = new TreeSet<>(names);
    all.addAll(other.names);
    return new Marks(all);
  }

  public Marks without(String mark) {
    if (!names.contains(mark)) {
      return this;
    }
    Set<String> rest = new TreeSet<>(names);
    rest.remove(mark);
    return new Marks(rest);
  }
}
