package dev.kplan.lang.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The shortcuts in {@link Operators} give exactly what the full binary computation gives. */
class OperatorsFastPathTest {
  interface Op {
    Value apply(Value a, Value b) throws OperationException;
  }

  interface BinOp {
    Float512 apply(Float512 a, Float512 b);
  }

  private static BigDecimal slow(BigDecimal a, BigDecimal b, String op) {
    Float512 x = Float512.of(a);
    Float512 y = Float512.of(b);
    Float512 r;
    switch (op) {
      case "+" -> r = x.add(y);
      case "-" -> r = x.subtract(y);
      case "*" -> r = x.multiply(y);
      case "/" -> r = x.divide(y);
      default -> r = x.subtract(y.multiply(Float512.ofInteger(x.divide(y).truncate())));
    }
    return r.toShortestDecimal();
  }

  @Test
  void shortcutsAgreeWithTheFullComputationOnRandomOperands() throws Exception {
    Random rnd = new Random(7);
    String[] ops = {"+", "-", "*", "/", "%"};
    for (int i = 0; i < 4000; i++) {
      BigDecimal a = new BigDecimal(BigInteger.valueOf(rnd.nextInt(2_000_000) - 1_000_000), rnd.nextInt(10) - 3);
      BigDecimal b = new BigDecimal(BigInteger.valueOf(rnd.nextInt(2_000_000) - 1_000_000), rnd.nextInt(10) - 3);
      if (b.signum() == 0) {
        continue;
      }
      String op = ops[i % ops.length];
      Value va = Value.number(a);
      Value vb = Value.number(b);
      Value got = switch (op) {
        case "+" -> Operators.add(va, vb);
        case "-" -> Operators.subtract(va, vb);
        case "*" -> Operators.multiply(va, vb);
        case "/" -> Operators.divide(va, vb);
        default -> Operators.modulo(va, vb);
      };
      BigDecimal want = slow(a, b, op);
      assertEquals(0, want.compareTo(((NumberValue) got).value()), a + " " + op + " " + b);
    }
  }
}
