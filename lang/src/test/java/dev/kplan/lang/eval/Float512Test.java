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
  void shortestFormMatchesTheFullyPrintedDigitWalk() {
    java.util.Random rnd = new java.util.Random(11);
    for (int i = 0; i < 3000; i++) {
      BigDecimal a = new BigDecimal(java.math.BigInteger.valueOf(rnd.nextInt(2_000_000) - 1_000_000), rnd.nextInt(40) - 20);
      BigDecimal b = new BigDecimal(java.math.BigInteger.valueOf(rnd.nextInt(2_000) + 1), rnd.nextInt(6) - 3);
      Float512 r = i % 2 == 0 ? Float512.of(a).divide(Float512.of(b)) : Float512.of(a).multiply(Float512.of(b));
      assertEquals(0, r.toShortestDecimalReference().compareTo(r.toShortestDecimal()), a + " op " + b);
    }
    for (String t : new String[] {"0.123456", "0.3", "7", "1e-30", "123456789.5", "1e300", "-2.5e-200"}) {
      Float512 near = Float512.of(new BigDecimal(t)).add(Float512.of(new BigDecimal(t).abs().movePointLeft(150)));
      assertEquals(0, near.toShortestDecimalReference().compareTo(near.toShortestDecimal()), t);
    }
  }

  @Test
  void truncatesTowardZero() {
    assertEquals("-2", Float512.of(new BigDecimal("-2.7")).truncate().toString());
    assertEquals("2", Float512.of(new BigDecimal("2.7")).truncate().toString());
  }
}
