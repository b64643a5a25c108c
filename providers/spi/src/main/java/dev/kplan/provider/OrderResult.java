package dev.kplan.provider;

import java.util.List;
import java.util.Objects;

/**
 * Orderings the remote system needs beyond the configuration's references: each {@link Edge} says
 * that {@code dependent} must be created or updated after {@code dependency}, and deleted before it.
 * Addresses are those of the {@link OrderRequest}.
 */
public record OrderResult(List<Edge> edges) {
  public static final OrderResult NONE = new OrderResult(List.of());

  public OrderResult {
    edges = List.copyOf(edges);
  }

  /** {@code dependent} comes after {@code dependency} (and is deleted before it). */
  public record Edge(String dependent, String dependency) {
    public Edge {
      Objects.requireNonNull(dependent, "dependent is null");
      Objects.requireNonNull(dependency, "dependency is null");
      if (dependent.equals(dependency)) {
        throw new IllegalArgumentException("an instance cannot depend on itself: " + dependent);
      }
    }
  }
}
