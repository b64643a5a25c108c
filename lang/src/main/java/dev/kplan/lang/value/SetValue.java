package dev.kplan.lang.value;

import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A set: distinct elements of one type, kept in cty's canonical order ({@link ValueOrder}) so that
 * equal sets are equal records and print the same way. Element marks move to the set itself, as
 * cty does, because a set element cannot be addressed on its own.
 */
public record SetValue(Type elementType, List<Value> elements, Marks marks) implements Value {
  public SetValue {
    Objects.requireNonNull(elementType, "elementType is null");
    Objects.requireNonNull(marks, "marks is null");
    Marks moved = marks;
    List<Value> distinct = new ArrayList<>(elements.size());
    for (Value e : elements) {
      moved = moved.union(e.marks());
      Value bare = e.unmarked();
      // unknown elements never compare equal: each may turn out to be any value
      if (!bare.isKnown() || !distinct.contains(bare)) {
        distinct.add(bare);
      }
    }
    distinct.sort(ValueOrder.INSTANCE);
    elements = List.copyOf(distinct);
    marks = moved;
  }

  public static SetValue of(Type elementType, List<Value> elements) {
    return new SetValue(elementType, elements, Marks.NONE);
  }

  @Override
  public Type type() {
    return new SetType(elementType);
  }

  @Override
  public SetValue withMarks(Marks newMarks) {
    return new SetValue(elementType, elements, newMarks);
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
