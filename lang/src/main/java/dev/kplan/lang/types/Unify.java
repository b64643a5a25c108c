package dev.kplan.lang.types;

import java.util.List;
import java.util.Optional;

/**
 * Finds the one type that several values can all be converted to, as Terraform does for the
 * results of a conditional, the elements of a list built from a tuple, or {@code concat}.
 */
public final class Unify {
  private Unify() {}

  /** The unified type, or empty when the types have none in common. */
  public static Optional<Type> unify(List<Type> types) {
    if (types.isEmpty()) {
      return Optional.of(Type.DYNAMIC);
    }
    Type first = types.get(0);
    for (Type t : types) {
      if (!t.equals(first)) {
        return Optional.empty();
      }
    }
    return Optional.of(first);
  }
}
