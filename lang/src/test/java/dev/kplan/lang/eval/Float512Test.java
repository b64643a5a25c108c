package dev.kplan.lang.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class Float512Test {
  private static String shortest(String d) {
    return Float512.of(new BigDecimal(d)).toShortestDecimal().toPlainString();
  }

  @Test
  void decimalLiteralsRoundTripThroughBinary() {
    assertEquals("0.1", shortest("0.1"));
    assertEquals("5.1", shortest("5.1"));
    assertEquals("11", shortest("11"));
    assertEquals("-2.5", shortest("-2.5"));
    assertEquals("3.14159265358979323846264338327950288419716939937510582097494459",
        shortest("3.14159265358979323846264338327950288419716939937510582097494459"));
  }

  @Test
  void divisionIsCorrectlyRounded() {
    Float512 tenth = Float512.of(BigDecimal.ONE).divide(Float512.of(BigDecimal.TEN));
    assertEquals("0.1", tenth.toShortestDecimal().toPlainString());
  }

  @Test
  void oneThirdShowsEveryDigitThe512BitMantissaHolds() {
    Float512 third = Float512.of(BigDecimal.ONE).divide(Float512.of(BigDecimal.valueOf(3)));
    String text = third.toShortestDecimal().toPlainString();
    // Go's roundShortest picks the nearest of the 155-digit candidates, so the last digit rounds up
    assertEquals("0." + "3".repeat(154) + "5", text);
  }

  @Test
  void largeIntegersAreExactUpTo512Bits() {
    BigDecimal big = new BigDecimal("2").pow(500).add(BigDecimal.ONE);
    assertEquals(big.toPlainString(), shortest(big.toPlainString()));
  }

  @Test
  void truncatesTowardZero() {
    assertEquals("-2", Float512.of(new BigDecimal("-2.7")).truncate().toString());
    assertEquals("2", Float512.of(new BigDecimal("2.7")).truncate().toString());
  }
}
