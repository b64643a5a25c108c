package dev.kplan.lang.types;

import java.util.Objects;

/** A set whose elements all have type {@code element}. */
public record SetType(Type element) implements Type {
  public SetType {
    Objects.requireNonNull(element, "element is null");
  }

  @Override
  public String friendlyName() {
    return "set of " + element.friendlyName();
  }

  @Override
  public String typeExpression() {
    return "set(" + element.typeExpression() + ")";
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
