package dev.kplan.provider.aws;

import java.util.Map;
import java.util.Set;

/** The ids of the objects kplan manages (as stored or planned), by resource type. */
record ManagedIds(Map<String, Set<String>> byType) {
  ManagedIds {
    byType = Map.copyOf(byType);
  }

  boolean contains(String type, String id) {
    return byType.getOrDefault(type, Set.of()).contains(id);
  }

  Set<String> of(String type) {
    return byType.getOrDefault(type, Set.of());
  }
}
