package dev.kplan.lang.value;

import dev.kplan.lang.types.Type;
import java.util.Objects;

/** A null of a given type ({@code any} for a bare {@code null} literal). */
public record NullValue(Type type, Marks marks) implements Value {
  public NullValue {
    Objects.requireNonNull(type, "type is null");
    Objects.requireNonNull(marks, "marks is null");
  }

  @Override
  public NullValue withMarks(Marks newMarks) {
    return new NullValue(type, newMarks);
  }

  @Override
  public boolean isWhollyKnown() {
    return true;
  }

  @Override
  public boolean hasMarksDeep() {
    return !marks.isEmpty();
  }
}
