package dev.kplan.lang.types;

import java.util.Objects;

/** A list whose elements all have type {@code element}. */
public record ListType(Type element) implements Type {
  public ListType {
    Objects.requireNonNull(element, "element is null");
  }

  @Override
  public String friendlyName() {
    return "list of " + element.friendlyName();
  }

  @Override
  public String typeExpression() {
    return "list(" + element.typeExpression() + ")";
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
