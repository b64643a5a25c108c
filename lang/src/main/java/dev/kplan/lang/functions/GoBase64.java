package dev.kplan.lang.functions;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Go's {@code base64.StdEncoding} decoder: padding required, CR and LF skipped, and the byte offset
 * of the first bad symbol reported (Terraform's messages include it).
 */
final class GoBase64 {
  private GoBase64() {}

  /** Thrown with the byte offset Go's CorruptInputError carries. */
  static final class CorruptInput extends Exception {
    private static final long serialVersionUID = 1L;
    final long offset;

    CorruptInput(long offset) {
      super("illegal base64 data at input byte " + offset, null, false, false);
      this.offset = offset;
    }
  }

  private static final int[] DECODE = new int[256];

  static {
    java.util.Arrays.fill(DECODE, -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      DECODE[alphabet.charAt(i)] = i;
    }
  }

  static byte[] decode(String s) throws CorruptInput {
    byte[] src = s.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(src.length * 3 / 4);
    int si = 0;
    while (true) {
      int[] dbuf = new int[4];
      int dlen = 4;
      boolean end = false;
      for (int j = 0; j < 4; j++) {
        if (si == src.length) {
          if (j == 0) {
            return out.toByteArray();
          }
          throw new CorruptInput(si - j);
        }
        int in = src[si] & 0xff;
        si++;
        int v = DECODE[in];
        if (v >= 0) {
          dbuf[j] = v;
          continue;
        }
        if (in == '\n' || in == '\r') {
          j--;
          continue;
        }
        if (in != '=') {
          throw new CorruptInput(si - 1);
        }
        if (j == 0 || j == 1) {
          throw new CorruptInput(si - 1);
        }
        if (j == 2) {
          while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
            si++;
          }
          if (si == src.length) {
            throw new CorruptInput(src.length);
          }
          if (src[si] != '=') {
            throw new CorruptInput(si - 1);
          }
          si++;
        }
        while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
          si++;
        }
        if (si < src.length) {
          throw new CorruptInput(si);
        }
        dlen = j;
        end = true;
        break;
      }
      int val = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3];
      if (dlen >= 2) {
        out.write(val >> 16);
      }
      if (dlen >= 3) {
        out.write(val >> 8);
      }
      if (dlen == 4) {
        out.write(val);
      }
      if (end) {
        return out.toByteArray();
      }
    }
  }
}
