package dev.kplan.lang.value;

import dev.kplan.lang.types.TupleType;
import dev.kplan.lang.types.Type;
import java.util.List;
import java.util.Objects;

/** A tuple: ordered elements, each with its own type (what {@code [...]} makes). */
public record TupleValue(List<Value> elements, Marks marks) implements Value {
  public TupleValue {
    elements = List.copyOf(elements);
    Objects.requireNonNull(marks, "marks is null");
  }

  @Override
  public Type type() {
    return new TupleType(elements.stream().map(Value::type).toList());
  }

  @Override
  public TupleValue withMarks(Marks newMarks) {
    return new TupleValue(elements, newMarks);
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
