package dev.kplan.provider;

import dev.kplan.lang.diag.Diagnostics;
import java.util.List;
import java.util.Objects;

/**
 * The live objects in the requested scopes that kplan does not manage, in a stable order; {@code supported} is
 * false for a provider without this capability (then the list is empty).
 */
public record UnmanagedResult(boolean supported, List<UnmanagedObject> objects, Diagnostics diagnostics) {
  public static final UnmanagedResult UNSUPPORTED = new UnmanagedResult(false, List.of(), Diagnostics.NONE);

  public UnmanagedResult {
    objects = List.copyOf(objects);
    Objects.requireNonNull(diagnostics, "diagnostics is null");
  }
}
