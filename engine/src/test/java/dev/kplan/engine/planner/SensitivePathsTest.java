package dev.kplan.engine.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensitivePathsTest {
  private static final Path OUTPUT = Path.ROOT.attr("output");
  private static final Path OUTPUT_PASSWORD = OUTPUT.attr("password");

  private static Value applied() {
    return Value.object(Map.of("output", Value.object(Map.of("password", Value.string("s"), "user", Value.string("u")))));
  }

  @Test
  void aPathInsideAnUnknownValueMarksTheUnknownValue() {
    Value planned = Value.object(Map.of("output", Value.unknownOf(Type.DYNAMIC), "items", Value.tuple(List.of(
        Value.string("a"), Value.string("b")))));
    Value marked = SensitivePaths.mark(planned, List.of(OUTPUT_PASSWORD, Path.ROOT.attr("items").index(Value.number(1))));
    assertEquals(List.of(Path.ROOT.attr("items").index(Value.number(1)), OUTPUT), SensitivePaths.of(marked));
    assertFalse(((ObjectValue) marked).get("output").isKnown());
  }

  @Test
  void afterApplyTheProviderMayNarrowAMarkOnWhatWasUnknown() {
    Value planned = Value.object(Map.of("output", Value.unknownOf(Type.DYNAMIC).mark(Marks.SENSITIVE)));
    assertEquals(List.of(OUTPUT_PASSWORD),
        SensitivePaths.of(SensitivePaths.afterApply(planned, applied(), List.of(OUTPUT_PASSWORD))));
  }

  @Test
  void afterApplyAMarkOnWhatWasUnknownStaysWholeWhenTheProviderNamesNothingInside() {
    Value planned = Value.object(Map.of("output", Value.unknownOf(Type.DYNAMIC).mark(Marks.SENSITIVE)));
    assertEquals(List.of(OUTPUT), SensitivePaths.of(SensitivePaths.afterApply(planned, applied(), List.of())));
  }

  @Test
  void afterApplyAMarkOnAKnownValueIsKeptWhateverTheProviderSays() {
    Value planned = SensitivePaths.mark(applied(), List.of(OUTPUT));
    Value after = SensitivePaths.afterApply(planned, applied(), List.of(OUTPUT_PASSWORD));
    assertTrue(((ObjectValue) after).get("output").isSensitive());
  }
}
