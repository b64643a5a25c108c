package dev.kplan.lang.value;

import dev.kplan.lang.types.Type;
import java.text.Normalizer;
import java.util.Objects;

/** A string, kept in Unicode normal form C as HCL and cty do. */
public record StringValue(String value, Marks marks) implements Value {
  public StringValue {
    Objects.requireNonNull(value, "value is null");
    Objects.requireNonNull(marks, "marks is null");
    if (!belowCombiningMarks(value) && !Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
      value = Normalizer.normalize(value, Normalizer.Form.NFC);
    }
  }

  /**
   * True when every char is below U+0300, the first code point that NFC can change or combine
   * (ICU's quick-check bound): such a string is already in normal form C, and checking it this way
   * allocates nothing.
   */
  private static boolean belowCombiningMarks(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      if (s.charAt(i) >= '\u0300') {
        return false;
      }
    }
    return true;
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
