package dev.kplan.lang.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.Type;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetOrderTest {
  private static Value strings(String... s) {
    return Value.list(Type.STRING, java.util.Arrays.stream(s).map(x -> (Value) Value.string(x)).toList());
  }

  @Test
  void ordersSetsOfListsByTheirHashTextAsCtyDoes() {
    SetValue set = Value.set(new ListType(Type.STRING), List.of(strings(), strings("b"), strings("a", "c")));
    assertEquals(List.of(strings("a", "c"), strings("b"), strings()), set.elements());
  }

  @Test
  void ordersNumbersNumericallyAndStringsByCodePoint() {
    assertEquals(List.of(Value.number(-3), Value.number(2), Value.number(10)),
        Value.set(Type.NUMBER, List.of(Value.number(10), Value.number(-3), Value.number(2))).elements());
    assertEquals(List.of(Value.string("B"), Value.string("a"), Value.string("é")),
        Value.set(Type.STRING, List.of(Value.string("é"), Value.string("a"), Value.string("B"))).elements());
  }

  @Test
  void writesNumbersInTheHashTextAsGoBigFloatStringDoes() {
    assertEquals("1000000", SetHash.goFloatString(new BigDecimal("1000000")));
    assertEquals("1e+10", SetHash.goFloatString(new BigDecimal("10000000000")));
    assertEquals("2.5", SetHash.goFloatString(new BigDecimal("2.5")));
    assertEquals("123456789", SetHash.goFloatString(new BigDecimal("123456789")));
    assertEquals("1.234567891e+10", SetHash.goFloatString(new BigDecimal("12345678912")));
    assertEquals("0.0001", SetHash.goFloatString(new BigDecimal("0.0001")));
    assertEquals("1e-05", SetHash.goFloatString(new BigDecimal("0.00001")));
  }

  @Test
  void quotesStringsAsGoDoes() {
    StringBuilder sb = new StringBuilder();
    SetHash.goQuote("a\"b\\c\n\u0001é", sb);
    assertEquals("\"a\\\"b\\\\c\\n\\x01é\"", sb.toString());
  }
}
