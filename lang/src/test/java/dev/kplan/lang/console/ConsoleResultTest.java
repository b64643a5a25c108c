package dev.kplan.lang.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleResultTest {

  @Test
  void valueLineIsCompactJsonWithSetsAsArraysAndPlainNumbers() {
    Value v = Value.object(Map.of(
        "n", Value.number(new BigDecimal("2.0")),
        "s", Value.set(Type.STRING, List.of(Value.string("b"), Value.string("a"))),
        "t", Value.tuple(List.of(Value.bool(true), Value.nullOf(Type.STRING)))));
    assertEquals("{\"n\":2,\"s\":[\"a\",\"b\"],\"t\":[true,null]}", new ConsoleResult.Success(v, Diagnostics.NONE).toJsonLine());
  }

  @Test
  void sensitiveValuesAreWrittenInJsonButHiddenForPeople() {
    ConsoleResult r = new ConsoleResult.Success(Value.string("pw").mark(Marks.SENSITIVE), Diagnostics.NONE);
    assertEquals("\"pw\"", r.toJsonLine());
    assertEquals("(sensitive value)", r.toHuman());
  }

  @Test
  void unknownValuesHaveAnUnknownMarkerLine() {
    assertEquals("{\"unknown\":true}", new ConsoleResult.Success(Value.unknownOf(Type.NUMBER), Diagnostics.NONE).toJsonLine());
  }

  @Test
  void errorLineJoinsSummaryAndDetailOnOneLine() {
    ConsoleResult r = new ConsoleResult.Failure(Diagnostics.of(
        Diagnostic.error("Invalid function argument", "Invalid value for \"str\" parameter:\nstring required.", null)));
    assertEquals("{\"error\":\"Invalid function argument: Invalid value for \\\"str\\\" parameter: string required.\"}", r.toJsonLine());
    assertEquals("Error: Invalid function argument\n\nInvalid value for \"str\" parameter:\nstring required.", r.toHuman());
  }

  @Test
  void errorWithoutDetailIsJustItsSummary() {
    ConsoleResult r = new ConsoleResult.Failure(Diagnostics.of(Diagnostic.error("Unsupported operator", "", null)));
    assertEquals("{\"error\":\"Unsupported operator\"}", r.toJsonLine());
  }

  @Test
  void failureNeedsAnError() {
    assertThrows(IllegalArgumentException.class,
        () -> new ConsoleResult.Failure(Diagnostics.of(Diagnostic.warning("Deprecated", "", null))));
  }
}
