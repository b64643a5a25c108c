package dev.kplan.lang.value;

import dev.kplan.lang.types.Type;
import java.math.BigDecimal;
import java.util.Objects;

/** An arbitrary-precision number; normalised (no trailing zeros) so that equal numbers are equal records. */
public record NumberValue(BigDecimal value, Marks marks) implements Value {
  public NumberValue {
    Objects.requireNonNull(value, "value is null");
    Objects.requireNonNull(marks, "marks is null");
    value = value.signum() == 0 ? BigDecimal.ZERO : value.stripTrailingZeros();
  }

  @Override
  public Type type() {
    return Type.NUMBER;
  }

  @Override
  public NumberValue withMarks(Marks newMarks) {
    return new NumberValue(value, newMarks);
  }

  @Override
  public boolean isWhollyKnown() {
    return true;
  }

  @Override
  public boolean hasMarksDeep() {
    return !marks.isEmpty();
  }

  /** True when the number is a whole number. */
  public boolean isInteger() {
    return value.signum() == 0 || value.scale() <= 0 || value.stripTrailingZeros().scale() <= 0;
  }
}
