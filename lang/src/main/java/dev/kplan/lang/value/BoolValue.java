package dev.kplan.lang.value;

import dev.kplan.lang.types.Type;
import java.util.Objects;

/** {@code true} or {@code false}. */
public record BoolValue(boolean value, Marks marks) implements Value {
  public static final BoolValue TRUE = new BoolValue(true, Marks.NONE);
  public static final BoolValue FALSE = new BoolValue(false, Marks.NONE);

  public BoolValue {
    Objects.requireNonNull(marks, "marks is null");
  }

  @Override
  public Type type() {
    return Type.BOOL;
  }

  @Override
  public BoolValue withMarks(Marks newMarks) {
    return new BoolValue(value, newMarks);
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
