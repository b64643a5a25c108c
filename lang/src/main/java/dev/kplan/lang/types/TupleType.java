package dev.kplan.lang.types;

import java.util.List;
import java.util.stream.Collectors;

/** A tuple type: a fixed-length sequence where each position has its own type. */
public record TupleType(List<Type> elements) implements Type {
  public static final TupleType EMPTY = new TupleType(List.of());

  public TupleType {
    elements = List.copyOf(elements);
  }

  @Override
  public String friendlyName() {
    return "tuple";
  }

  @Override
  public String typeExpression() {
    return elements.stream().map(Type::typeExpression).collect(Collectors.joining(", ", "tuple([", "])"));
  }

  @Override
  public boolean hasDynamicTypes() {
    return elements.stream().anyMatch(Type::hasDynamicTypes);
  }
}
