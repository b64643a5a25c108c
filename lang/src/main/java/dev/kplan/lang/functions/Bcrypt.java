package dev.kplan.lang.functions;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * bcrypt as Go's golang.org/x/crypto/bcrypt computes it ({@code $2a$}, the password plus a NUL
 * byte as key, 72 bytes at most). Blowfish's initial P-array and S-boxes are the hexadecimal
 * digits of pi, so they are computed once (Machin's formula) rather than spelled out.
 */
final class Bcrypt {
  private Bcrypt() {}

  static final int MIN_COST = 4;
  static final int MAX_COST = 31;
  static final int DEFAULT_COST = 10;

  private static final String ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final byte[] MAGIC = "OrpheanBeholderScryDoubt".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();

  private static final class PiDigits {
    static final int[] WORDS = piFractionWords(18 + 4 * 256);
  }

  /** Go's bcrypt.GenerateFromPassword. */
  static String generate(byte[] password, int cost) {
    if (password.length > 72) {
      throw new IllegalArgumentException("bcrypt: password length exceeds 72 bytes");
    }
    if (cost < MIN_COST) {
      cost = DEFAULT_COST;
    }
    if (cost > MAX_COST) {
      throw new IllegalArgumentException(
          "crypto/bcrypt: cost " + cost + " is outside allowed range (" + MIN_COST + "," + MAX_COST + ")");
    }
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return hash(password, cost, salt);
  }

  /** The full {@code $2a$} string for a given salt. */
  static String hash(byte[] password, int cost, byte[] salt) {
    byte[] key = Arrays.copyOf(password, password.length + 1);
    int[] p = Arrays.copyOfRange(PiDigits.WORDS, 0, 18);
    int[] s = Arrays.copyOfRange(PiDigits.WORDS, 18, PiDigits.WORDS.length);
    expandKey(p, s, key, salt);
    long rounds = 1L << cost;
    for (long i = 0; i < rounds; i++) {
      expandKey(p, s, key, null);
      expandKey(p, s, salt, null);
    }
    int[] text = new int[6];
    for (int i = 0; i < 6; i++) {
      text[i] = word(MAGIC, 4 * i);
    }
    int[] lr = new int[2];
    for (int round = 0; round < 64; round++) {
      for (int j = 0; j < 6; j += 2) {
        lr[0] = text[j];
        lr[1] = text[j + 1];
        encipher(p, s, lr);
        text[j] = lr[0];
        text[j + 1] = lr[1];
      }
    }
    byte[] out = new byte[24];
    for (int i = 0; i < 6; i++) {
      out[4 * i] = (byte) (text[i] >>> 24);
      out[4 * i + 1] = (byte) (text[i] >>> 16);
      out[4 * i + 2] = (byte) (text[i] >>> 8);
      out[4 * i + 3] = (byte) text[i];
    }
    return "$2a$" + (cost < 10 ? "0" : "") + cost + "$" + encode(salt) + encode(Arrays.copyOf(out, 23));
  }

  private static int word(byte[] data, int offset) {
    int w = 0;
    for (int i = 0; i < 4; i++) {
      w = (w << 8) | (data[(offset + i) % data.length] & 0xff);
    }
    return w;
  }

  /** Blowfish's key schedule; with a salt, the salted variant bcrypt starts from. */
  private static void expandKey(int[] p, int[] s, byte[] key, byte[] salt) {
    int keyPos = 0;
    for (int i = 0; i < 18; i++) {
      p[i] ^= word(key, keyPos);
      keyPos = (keyPos + 4) % key.length;
    }
    int saltPos = 0;
    int[] lr = new int[2];
    for (int i = 0; i < 18; i += 2) {
      if (salt != null) {
        lr[0] ^= word(salt, saltPos);
        lr[1] ^= word(salt, saltPos + 4);
        saltPos = (saltPos + 8) % salt.length;
      }
      encipher(p, s, lr);
      p[i] = lr[0];
      p[i + 1] = lr[1];
    }
    for (int i = 0; i < s.length; i += 2) {
      if (salt != null) {
        lr[0] ^= word(salt, saltPos);
        lr[1] ^= word(salt, saltPos + 4);
        saltPos = (saltPos + 8) % salt.length;
      }
      encipher(p, s, lr);
      s[i] = lr[0];
      s[i + 1] = lr[1];
    }
  }

  private static void encipher(int[] p, int[] s, int[] lr) {
    int l = lr[0] ^ p[0];
    int r = lr[1];
    for (int i = 1; i <= 16; i += 2) {
      r ^= f(s, l) ^ p[i];
      l ^= f(s, r) ^ p[i + 1];
    }
    lr[0] = r ^ p[17];
    lr[1] = l;
  }

  private static int f(int[] s, int x) {
    return ((s[x >>> 24] + s[256 | ((x >>> 16) & 0xff)]) ^ s[512 | ((x >>> 8) & 0xff)]) + s[768 | (x & 0xff)];
  }

  /** bcrypt's base64: its own alphabet, no padding. */
  static String encode(byte[] data) {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < data.length) {
      int c1 = data[i++] & 0xff;
      sb.append(ALPHABET.charAt(c1 >> 2));
      c1 = (c1 & 0x03) << 4;
      if (i >= data.length) {
        sb.append(ALPHABET.charAt(c1));
        break;
      }
      int c2 = data[i++] & 0xff;
      c1 |= c2 >> 4;
      sb.append(ALPHABET.charAt(c1));
      c1 = (c2 & 0x0f) << 2;
      if (i >= data.length) {
        sb.append(ALPHABET.charAt(c1));
        break;
      }
      c2 = data[i++] & 0xff;
      c1 |= c2 >> 6;
      sb.append(ALPHABET.charAt(c1));
      sb.append(ALPHABET.charAt(c2 & 0x3f));
    }
    return sb.toString();
  }

  static byte[] decode(String s, int maxBytes) {
    byte[] out = new byte[maxBytes];
    int n = 0;
    int i = 0;
    while (n < maxBytes && i + 1 < s.length()) {
      int c1 = ALPHABET.indexOf(s.charAt(i++));
      int c2 = ALPHABET.indexOf(s.charAt(i++));
      out[n++] = (byte) ((c1 << 2) | ((c2 & 0x30) >> 4));
      if (n >= maxBytes || i >= s.length()) {
        break;
      }
      int c3 = ALPHABET.indexOf(s.charAt(i++));
      out[n++] = (byte) (((c2 & 0x0f) << 4) | ((c3 & 0x3c) >> 2));
      if (n >= maxBytes || i >= s.length()) {
        break;
      }
      int c4 = ALPHABET.indexOf(s.charAt(i++));
      out[n++] = (byte) (((c3 & 0x03) << 6) | c4);
    }
    return Arrays.copyOf(out, n);
  }

  /** The first {@code count} 32-bit words of pi's fractional part in hexadecimal. */
  static int[] piFractionWords(int count) {
    int bits = count * 32;
    int guard = 64;
    int scale = bits + guard;
    BigInteger pi = atanInverse(5, scale).shiftLeft(4).subtract(atanInverse(239, scale).shiftLeft(2));
    BigInteger fraction = pi.subtract(BigInteger.valueOf(3).shiftLeft(scale)).shiftRight(guard);
    int[] words = new int[count];
    for (int i = 0; i < count; i++) {
      words[i] = fraction.shiftRight(bits - 32 * (i + 1)).intValue();
    }
    return words;
  }

  /** atan(1/x) scaled by 2^scale, by its alternating series. */
  private static BigInteger atanInverse(int x, int scale) {
    BigInteger xSquared = BigInteger.valueOf((long) x * x);
    BigInteger power = BigInteger.ONE.shiftLeft(scale).divide(BigInteger.valueOf(x));
    BigInteger sum = BigInteger.ZERO;
    for (int k = 0; power.signum() != 0; k++) {
      BigInteger term = power.divide(BigInteger.valueOf(2L * k + 1));
      sum = (k % 2 == 0) ? sum.add(term) : sum.subtract(term);
      power = power.divide(xSquared);
    }
    return sum;
  }
}
