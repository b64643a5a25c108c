package dev.kplan.lang.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.Type;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueOrderTest {
  private static Value s(String v) {
    return Value.string(v);
  }

  private static ListValue list(Value... vs) {
    return new ListValue(Type.STRING, List.of(vs), Marks.NONE);
  }

  @Test
  void ordersSetsOfListsByTheirHashTextAsCtyDoes() {
    SetValue set = SetValue.of(new ListType(Type.STRING), List.of(list(), list(s("b")), list(s("a"), s("c"))));
    assertEquals(List.of(list(s("a"), s("c")), list(s("b")), list()), set.elements());
  }

  @Test
  void putsUnknownsAfterKnownValuesAndNullsLast() {
    SetValue set = SetValue.of(Type.STRING, List.of(Value.nullOf(Type.STRING), Value.unknownOf(Type.STRING), s("z")));
    assertEquals(List.of(s("z"), Value.unknownOf(Type.STRING), Value.nullOf(Type.STRING)), set.elements());
  }

  @Test
  void writesNumbersAsGoBigFloatString() {
    assertEquals("1.23456789e+19", ValueOrder.goFloatString(new BigDecimal("12345678901234567890")));
    assertEquals("0.02", ValueOrder.goFloatString(new BigDecimal("0.02")));
    assertEquals("100", ValueOrder.goFloatString(new BigDecimal("100")));
    assertEquals("1e+10", ValueOrder.goFloatString(new BigDecimal("1e10")));
    assertEquals("1e-05", ValueOrder.goFloatString(new BigDecimal("0.00001")));
    assertEquals("-2.5", ValueOrder.goFloatString(new BigDecimal("-2.5")));
  }

  @Test
  void quotesStringsAsGo() {
    assertEquals("\"a\\\"b\\\\c\\n日本語\\u00a0\"", ValueOrder.goQuote("a\"b\\c\n日本語\u00a0"));
  }
}
