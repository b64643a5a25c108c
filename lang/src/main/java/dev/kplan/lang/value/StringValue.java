package dev.kplan.lang.value;

import dev.kplan.lang.types.Type;
import java.text.Normalizer;
import java.util.Objects;

/** A string, kept in Unicode normal form C as HCL and cty do. */
public record StringValue(String value, Marks marks) implements Value {
  public StringValue {
    Objects.requireNonNull(value, "value is null");
    Objects.requireNonNull(marks, "marks is null");
    if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
      value = Normalizer.normalize(value, Normalizer.Form.NFC);
    }
  }

  @Override
  public Type type() {
    return Type.STRING;
  }

  @Override
  public StringValue withMarks(Marks newMarks) {
    return new StringValue(value, newMarks);
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
