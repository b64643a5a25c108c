package dev.kplan.lang.types;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import dev.kplan.lang.value.SortedAttributes;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An object type: a fixed set of named attributes. {@code optional} names the attributes that a
 * type constraint marks {@code optional(...)}; it is empty for the type of an actual value.
 */
public record ObjectType(Map<String, Type> attributes, Set<String> optional) implements Type {
  public static final ObjectType EMPTY = new ObjectType(Map.of(), Set.of());

  public ObjectType {
    Objects.requireNonNull(attributes, "attributes is null");
    attributes = SortedAttributes.of(attributes);
    optional = optional == null || optional.isEmpty()
        ? Set.of()
        : Collections.unmodifiableSet(new TreeSet<>(optional));
    if (!attributes.keySet().containsAll(optional)) {
      throw new IllegalArgumentException("optional attributes not in the object: " + optional);
    }
  }

  public ObjectType(Map<String, Type> attributes) {
    this(attributes, Set.of());
  }

  public Type attributeType(String name) {
    return attributes.get(name);
  }

  @Override
  public String friendlyName() {
    return "object";
  }

  @Override
  public String typeExpression() {
    return attributes.entrySet().stream()
        .map(e -> {
          String t = e.getValue().typeExpression();
          return e.getKey() + "=" + (optional.contains(e.getKey()) ? "optional(" + t + ")" : t);
        })
        .collect(Collectors.joining(", ", "object({", "})"));
  }

  @Override
  public boolean hasDynamicTypes() {
    return attributes.values().stream().anyMatch(Type::hasDynamicTypes);
  }
}
