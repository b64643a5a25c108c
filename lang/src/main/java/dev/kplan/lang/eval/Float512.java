package dev.kplan.lang.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A binary floating-point number with a 512-bit mantissa, rounded to nearest even: what go-cty's
 * {@code big.Float} numbers are after HCL parses a literal ({@code cty.ParseNumberVal}). kplan keeps
 * numbers as {@link BigDecimal}; arithmetic converts the operands to this form, computes the
 * correctly rounded binary result exactly as Go's {@code math/big} does, and converts back to the
 * shortest decimal that identifies the binary value ({@code Text('f', -1)}), which is also how cty
 * prints it. So {@code 1 / 10} is {@code 0.1} and {@code 11 % 5.1} shows the binary residue, as in
 * Terraform.
 *
 * <p>The value is {@code mant * 2^exp}; {@code mant} carries the sign.
 */
public final class Float512 {
  /** The mantissa precision in bits, as cty uses for parsed numbers. */
  public static final int PRECISION = 512;

  private static final Float512 ZERO = new Float512(BigInteger.ZERO, 0);

  private final BigInteger mant;
  private final int exp;

  private Float512(BigInteger mant, int exp) {
    this.mant = mant;
    this.exp = exp;
  }

  /** {@code d} rounded to 512 bits, nearest even. */
  public static Float512 of(BigDecimal d) {
    Objects.requireNonNull(d, "d is null");
    if (d.signum() == 0) {
      return ZERO;
    }
    BigInteger u = d.unscaledValue().abs();
    int scale = d.scale();
    BigInteger num;
    BigInteger den;
    int k;
    if (scale <= 0) {
      num = u.multiply(BigInteger.TEN.pow(-scale));
      den = BigInteger.ONE;
      k = 0;
    } else {
      den = BigInteger.TEN.pow(scale);
      // enough extra bits that the quotient has more than PRECISION bits before rounding
      k = PRECISION + 2 + den.bitLength() - u.bitLength();
      if (k >= 0) {
        num = u.shiftLeft(k);
      } else {
        num = u;
        den = den.shiftLeft(-k);
      }
    }
    BigInteger[] qr = num.divideAndRemainder(den);
    Float512 r = round(qr[0], -k, qr[1].signum() != 0);
    return d.signum() < 0 ? r.negate() : r;
  }

  public boolean isZero() {
    return mant.signum() == 0;
  }

  public int signum() {
    return mant.signum();
  }

  public Float512 negate() {
    return new Float512(mant.negate(), exp);
  }

  public Float512 add(Float512 o) {
    if (isZero()) {
      return o;
    }
    if (o.isZero()) {
      return this;
    }
    int e = Math.min(exp, o.exp);
    BigInteger a = mant.shiftLeft(exp - e);
    BigInteger b = o.mant.shiftLeft(o.exp - e);
    return roundSigned(a.add(b), e, false);
  }

  public Float512 subtract(Float512 o) {
    return add(o.negate());
  }

  public Float512 multiply(Float512 o) {
    return roundSigned(mant.multiply(o.mant), exp + o.exp, false);
  }

  /** The quotient; the caller must rule out a zero divisor. */
  public Float512 divide(Float512 o) {
    if (o.isZero()) {
      throw new ArithmeticException("division by zero");
    }
    if (isZero()) {
      return ZERO;
    }
    BigInteger a = mant.abs();
    BigInteger b = o.mant.abs();
    int k = PRECISION + 2 + b.bitLength() - a.bitLength();
    BigInteger num = k >= 0 ? a.shiftLeft(k) : a;
    BigInteger den = k >= 0 ? b : b.shiftLeft(-k);
    BigInteger[] qr = num.divideAndRemainder(den);
    Float512 r = round(qr[0], exp - o.exp - k, qr[1].signum() != 0);
    return mant.signum() * o.mant.signum() < 0 ? r.negate() : r;
  }

  /** The integer part, truncated toward zero (Go's {@code big.Float.Int}). */
  public BigInteger truncate() {
    if (exp >= 0) {
      return mant.shiftLeft(exp);
    }
    BigInteger m = mant.abs().shiftRight(-exp);
    return mant.signum() < 0 ? m.negate() : m;
  }

  public static Float512 ofInteger(BigInteger i) {
    return roundSigned(i, 0, false);
  }

  public int compareTo(Float512 o) {
    return toExactDecimal().compareTo(o.toExactDecimal());
  }

  /** The exact value of the binary number (may have many digits). */
  public BigDecimal toExactDecimal() {
    if (exp >= 0) {
      return new BigDecimal(mant.shiftLeft(exp));
    }
    return new BigDecimal(mant.multiply(BigInteger.valueOf(5).pow(-exp)), -exp);
  }

  /**
   * The shortest decimal that rounds back to this number at 512 bits: Go's
   * {@code big.Float.Text('f', -1)} ({@code roundShortest} in {@code math/big/ftoa.go}).
   */
  public BigDecimal toShortestDecimal() {
    if (isZero()) {
      return BigDecimal.ZERO;
    }
    Digits d = Digits.of(toExactDecimal().abs());
    BigInteger m = mant.abs();
    // mantissa with PRECISION+1 bits, so that its lsb is half an ulp
    int s = m.bitLength() - (PRECISION + 1);
    int e = exp;
    if (s < 0) {
      m = m.shiftLeft(-s);
    } else if (s > 0) {
      m = m.shiftRight(s);
    }
    e += s;
    Digits lower = Digits.of(exactOf(m.subtract(BigInteger.ONE), e));
    Digits upper = Digits.of(exactOf(m.add(BigInteger.ONE), e));
    boolean inclusive = !m.testBit(1);
    Digits out = d;
    for (int i = 0; i < d.mant.length(); i++) {
      char l = lower.at(i);
      char u = upper.at(i);
      char c = d.mant.charAt(i);
      boolean okDown = l != c || inclusive && i + 1 == lower.mant.length();
      boolean okUp = c != u && (inclusive || c + 1 < u || i + 1 < upper.mant.length());
      if (okDown && okUp) {
        out = d.round(i + 1);
        break;
      } else if (okDown) {
        out = d.roundDown(i + 1);
        break;
      } else if (okUp) {
        out = d.roundUp(i + 1);
        break;
      }
    }
    BigDecimal r = out.toBigDecimal();
    return mant.signum() < 0 ? r.negate() : r;
  }

  private static BigDecimal exactOf(BigInteger m, int e) {
    return new Float512(m, e).toExactDecimal();
  }

  private static Float512 roundSigned(BigInteger m, int e, boolean sticky) {
    if (m.signum() == 0) {
      return ZERO;
    }
    Float512 r = round(m.abs(), e, sticky);
    return m.signum() < 0 ? r.negate() : r;
  }

  /** Rounds a non-negative {@code m * 2^e} (plus a sticky remainder below it) to PRECISION bits. */
  private static Float512 round(BigInteger m, int e, boolean sticky) {
    if (m.signum() == 0) {
      return ZERO;
    }
    int excess = m.bitLength() - PRECISION;
    if (excess <= 0) {
      return new Float512(m, e);
    }
    BigInteger kept = m.shiftRight(excess);
    BigInteger dropped = m.subtract(kept.shiftLeft(excess));
    BigInteger half = BigInteger.ONE.shiftLeft(excess - 1);
    int c = dropped.compareTo(half);
    boolean up = c > 0 || (c == 0 && (sticky || kept.testBit(0)));
    int newExp = e + excess;
    if (up) {
      kept = kept.add(BigInteger.ONE);
      if (kept.bitLength() > PRECISION) {
        kept = kept.shiftRight(1);
        newExp++;
      }
    }
    return new Float512(kept, newExp);
  }

  /** A decimal as Go's {@code decimal}: digits without trailing zeros, value = 0.mant * 10^dp. */
  private record Digits(String mant, int dp) {
    static Digits of(BigDecimal positive) {
      BigDecimal s = positive.stripTrailingZeros();
      String digits = s.unscaledValue().toString();
      return new Digits(digits, digits.length() - s.scale());
    }

    char at(int i) {
      return i < mant.length() ? mant.charAt(i) : '0';
    }

    Digits roundDown(int n) {
      return trim(mant.substring(0, Math.min(n, mant.length())), dp);
    }

    Digits roundUp(int n) {
      if (n >= mant.length()) {
        return this;
      }
      int i = n - 1;
      while (i >= 0 && mant.charAt(i) >= '9') {
        i--;
      }
      if (i < 0) {
        return new Digits("1", dp + 1);
      }
      return trim(mant.substring(0, i) + (char) (mant.charAt(i) + 1), dp);
    }

    Digits round(int n) {
      if (n >= mant.length()) {
        return this;
      }
      boolean up;
      if (mant.charAt(n) == '5' && n + 1 == mant.length()) {
        up = n > 0 && ((mant.charAt(n - 1) - '0') & 1) != 0;
      } else {
        up = mant.charAt(n) >= '5';
      }
      return up ? roundUp(n) : roundDown(n);
    }

    private static Digits trim(String m, int dp) {
      int end = m.length();
      while (end > 0 && m.charAt(end - 1) == '0') {
        end--;
      }
      return new Digits(m.substring(0, end), dp);
    }

    BigDecimal toBigDecimal() {
      if (mant.isEmpty()) {
        return BigDecimal.ZERO;
      }
      return new BigDecimal(new BigInteger(mant), mant.length() - dp);
    }
  }
}
