package dev.kplan.lang.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The exact shortcuts the operators take for whole numbers must give what the 512-bit float
 * computation (cty's) gives, including near the limits where the shortcuts stop applying.
 */
class IntegerFastPathTest {
  private static final int SAMPLES = 800;

  private static BigDecimal randomInteger(Random rnd) {
    int digits = 1 + rnd.nextInt(rnd.nextBoolean() ? 19 : 165);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < digits; i++) {
      sb.append((char) ('0' + rnd.nextInt(10)));
    }
    BigDecimal d = new BigDecimal(new BigInteger(sb.toString())).scaleByPowerOfTen(rnd.nextInt(4) == 0 ? rnd.nextInt(5) : 0);
    d = rnd.nextBoolean() ? d.negate() : d;
    return Value.number(d).value(); // normalised, as the evaluator holds numbers
  }

  private static BigDecimal viaFloat(Float512 f) {
    return Value.number(f.toShortestDecimal()).value();
  }

  private static BigDecimal num(Value v) {
    return ((dev.kplan.lang.value.NumberValue) v).value();
  }

  @Test
  void wholeNumberArithmeticMatchesThe512BitComputation() throws Exception {
    Random rnd = new Random(512);
    for (int i = 0; i < SAMPLES; i++) {
      BigDecimal x = randomInteger(rnd);
      BigDecimal y = randomInteger(rnd);
      Float512 fx = Float512.of(x);
      Float512 fy = Float512.of(y);
      Value a = Value.number(x);
      Value b = Value.number(y);
      String where = x + " and " + y;
      assertEquals(viaFloat(fx.add(fy)), num(Operators.add(a, b)), "sum of " + where);
      assertEquals(viaFloat(fx.subtract(fy)), num(Operators.subtract(a, b)), "difference of " + where);
      assertEquals(viaFloat(fx.multiply(fy)), num(Operators.multiply(a, b)), "product of " + where);
      if (!fy.isZero()) {
        assertEquals(viaFloat(fx.divide(fy)), num(Operators.divide(a, b)), "quotient of " + where);
        Float512 q = Float512.ofInteger(fx.divide(fy).truncate());
        assertEquals(viaFloat(fx.subtract(fy.multiply(q))), num(Operators.modulo(a, b)), "remainder of " + where);
      }
      int c = fx.compareTo(fy);
      assertEquals(c < 0, ((BoolValue) Operators.lessThan(a, b)).value(), "order of " + where);
      assertEquals(c == 0, ((BoolValue) Operators.equal(a, b)).value(), "equality of " + where);
    }
  }

  @Test
  void smallDivisorsAndDividendsAgreeIncludingSigns() throws Exception {
    for (long x = -40; x <= 40; x++) {
      for (long y = -9; y <= 9; y++) {
        if (y == 0) {
          continue;
        }
        Float512 fx = Float512.of(BigDecimal.valueOf(x));
        Float512 fy = Float512.of(BigDecimal.valueOf(y));
        Float512 q = Float512.ofInteger(fx.divide(fy).truncate());
        assertEquals(viaFloat(fx.subtract(fy.multiply(q))), num(Operators.modulo(Value.number(x), Value.number(y))));
        assertEquals(viaFloat(fx.divide(fy)), num(Operators.divide(Value.number(x), Value.number(y))));
      }
    }
  }
}
