package dev.kplan.lang.value;

import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.Type;
import java.util.List;
import java.util.Objects;

/** A list: ordered elements that all have type {@code elementType}. */
public record ListValue(Type elementType, List<Value> elements, Marks marks) implements Value {
  public ListValue {
    Objects.requireNonNull(elementType, "elementType is null");
    elements = List.copyOf(elements);
    Objects.requireNonNull(marks, "marks is null");
  }

  @Override
  public Type type() {
    return new ListType(elementType);
  }

  @Override
  public ListValue withMarks(Marks newMarks) {
    return new ListValue(elementType, elements, newMarks);
  }

  @Override
  public boolean isWhollyKnown() {
    return Walks.allWhollyKnown(elements);
  }

  @Override
  public boolean hasMarksDeep() {
    return !marks.isEmpty() || Walks.anyMarked(elements);
  }
}
