package dev.kplan.lang.eval;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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
      num = u.multiply(pow(TENS, 10, -scale));
      den = BigInteger.ONE;
      k = 0;
    } else {
      den = pow(TENS, 10, scale);
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

  /** True when both are the same binary number. */
  public boolean sameValue(Float512 o) {
    if (mant.signum() != o.mant.signum()) {
      return false;
    }
    if (mant.signum() == 0) {
      return true;
    }
    int tz = mant.getLowestSetBit();
    int otz = o.mant.getLowestSetBit();
    return exp + tz == o.exp + otz && mant.shiftRight(tz).equals(o.mant.shiftRight(otz));
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
   * {@code big.Float.Text('f', -1)} ({@code roundShortest} in {@code math/big/ftoa.go}). Go walks
   * the printed digits of the number and of its half-ulp neighbours; the same decision is made
   * here on integers: the fewest digits at which truncating or rounding up the number stays inside
   * the interval between the neighbours (found by bisection, since more digits only bring the
   * candidates closer), taking the nearer candidate when both do, ties to even.
   */
  public BigDecimal toShortestDecimal() {
    if (isZero()) {
      return BigDecimal.ZERO;
    }
    BigInteger m = mant.abs();
    // mantissa with PRECISION+1 bits, so that its lsb is half an ulp
    int s = m.bitLength() - (PRECISION + 1);
    int e = exp + s;
    m = s < 0 ? m.shiftLeft(-s) : m.shiftRight(s);
    if (e >= 0) {
      return toShortestDecimalReference();
    }
    // scaled by 10^k the number and its neighbours are integers: v = m*5^k, v -+ 5^k
    int k = -e;
    BigInteger half = pow(FIVES, 5, k);
    BigInteger v = m.multiply(half);
    BigInteger lower = v.subtract(half);
    BigInteger upper = v.add(half);
    boolean inclusive = !m.testBit(1);
    int digits = (int) (v.bitLength() * LOG10_2) + 1;
    if (v.compareTo(pow(TENS, 10, digits)) >= 0) {
      digits++;
    } else if (digits > 1 && v.compareTo(pow(TENS, 10, digits - 1)) < 0) {
      digits--;
    }
    // j = how many trailing digits are dropped; the largest j that still fits is the shortest form
    int lo = 0;
    int hi = digits - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (pick(v, mid, lower, upper, inclusive) != null) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    BigInteger chosen = pick(v, lo, lower, upper, inclusive);
    BigDecimal r = new BigDecimal(chosen.divide(pow(TENS, 10, lo)), k - lo).stripTrailingZeros();
    return mant.signum() < 0 ? r.negate() : r;
  }

  /** Truncation or round-up of {@code v} at 10^j that lies inside the interval (the nearer if both), or null. */
  private static BigInteger pick(BigInteger v, int j, BigInteger lower, BigInteger upper, boolean inclusive) {
    BigInteger unit = pow(TENS, 10, j);
    BigInteger rest = v.mod(unit);
    BigInteger fl = v.subtract(rest);
    BigInteger ce = rest.signum() == 0 ? fl : fl.add(unit);
    boolean okDown = inclusive ? fl.compareTo(lower) >= 0 : fl.compareTo(lower) > 0;
    boolean okUp = inclusive ? ce.compareTo(upper) <= 0 : ce.compareTo(upper) < 0;
    if (okDown && okUp) {
      int c = rest.compareTo(ce.subtract(v));
      if (c == 0) {
        return fl.divide(unit).testBit(0) ? ce : fl;
      }
      return c < 0 ? fl : ce;
    } else if (okDown) {
      return fl;
    } else if (okUp) {
      return ce;
    }
    return null;
  }

  private static final double LOG10_2 = Math.log10(2);
  private static final ConcurrentHashMap<Integer, BigInteger> FIVES = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<Integer, BigInteger> TENS = new ConcurrentHashMap<>();

  private static BigInteger pow(ConcurrentHashMap<Integer, BigInteger> cache, int base, int k) {
    if (k > 4096) {
      return BigInteger.valueOf(base).pow(k);
    }
    return cache.computeIfAbsent(k, x -> BigInteger.valueOf(base).pow(x));
  }

  /** The same digit walk over fully printed exact decimals: the slow reference for tests. */
  BigDecimal toShortestDecimalReference() {
    if (isZero()) {
      return BigDecimal.ZERO;
    }
    BigInteger m = mant.abs();
    int s = m.bitLength() - (PRECISION + 1);
    int e = exp + s;
    m = s < 0 ? m.shiftLeft(-s) : m.shiftRight(s);
    String d = exactDigits(toExactDecimal().abs());
    String lower = exactDigits(exactOf(m.subtract(BigInteger.ONE), e));
    String upper = exactDigits(exactOf(m.add(BigInteger.ONE), e));
    int dp = toExactDecimal().abs().stripTrailingZeros().precision() - toExactDecimal().abs().stripTrailingZeros().scale();
    Digits full = new Digits(d, dp);
    Digits lo = new Digits(lower, 0);
    Digits hi = new Digits(upper, 0);
    boolean inclusive = !m.testBit(1);
    Digits out = full;
    for (int i = 0; i < d.length(); i++) {
      char l = lo.at(i);
      char u = hi.at(i);
      char c = d.charAt(i);
      boolean okDown = l != c || inclusive && i + 1 == lower.length();
      boolean okUp = c != u && (inclusive || c + 1 < u || i + 1 < upper.length());
      if (okDown && okUp) {
        out = full.round(i + 1);
        break;
      } else if (okDown) {
        out = full.roundDown(i + 1);
        break;
      } else if (okUp) {
        out = full.roundUp(i + 1);
        break;
      }
    }
    BigDecimal r = out.toBigDecimal();
    return mant.signum() < 0 ? r.negate() : r;
  }

  private static String exactDigits(BigDecimal positive) {
    return positive.stripTrailingZeros().unscaledValue().toString();
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
