package dev.kplan.lang.value;

import dev.kplan.lang.types.Type;
import java.util.Objects;

/** A value not known until apply ("(known after apply)"); only its type is known, possibly {@code any}. */
public record UnknownValue(Type type, Marks marks) implements Value {
  public UnknownValue {
    Objects.requireNonNull(type, "type is null");
    Objects.requireNonNull(marks, "marks is null");
  }

  @Override
  public UnknownValue withMarks(Marks newMarks) {
    return new UnknownValue(type, newMarks);
  }

  @Override
  public boolean isWhollyKnown() {
    return false;
  }

  @Override
  public boolean hasMarksDeep() {
    return !marks.isEmpty();
  }
}
