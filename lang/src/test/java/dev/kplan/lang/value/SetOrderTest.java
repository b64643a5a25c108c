package dev.kplan.lang.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.Type;
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
}
