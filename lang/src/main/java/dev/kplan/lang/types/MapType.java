package dev.kplan.lang.types;

import java.util.Objects;

/** A map whose elements all have type {@code element}. */
public record MapType(Type element) implements Type {
  public MapType {
    Objects.requireNonNull(element, "element is null");
  }

  @Override
  public String friendlyName() {
    return "map of " + element.friendlyName();
  }

  @Override
  public String typeExpression() {
    return "map(" + element.typeExpression() + ")";
  }

  @Override
  public boolean hasDynamicTypes() {
    return element.hasDynamicTypes();
  }

  @Override
  public Type elementType() {
    return element;
  }
}
