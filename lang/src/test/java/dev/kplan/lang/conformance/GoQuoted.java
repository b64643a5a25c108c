package dev.kplan.lang.conformance;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Reads a string literal as Go's {@code strconv.Quote} writes it (how {@code tofu console} prints strings). */
final class GoQuoted {
  private GoQuoted() {}

  static String unquote(String quoted) {
    if (quoted.length() < 2 || quoted.charAt(0) != '"' || quoted.charAt(quoted.length() - 1) != '"') {
      throw new IllegalArgumentException("not a Go quoted string: " + quoted);
    }
    String s = quoted.substring(1, quoted.length() - 1);
    // \x escapes are raw bytes, so decode to bytes first and read UTF-8 at the end
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != '\\') {
        int cp = s.codePointAt(i);
        writeUtf8(bytes, cp);
        i += Character.charCount(cp);
        continue;
      }
      char e = s.charAt(i + 1);
      i += 2;
      switch (e) {
        case 'a' -> bytes.write(7);
        case 'b' -> bytes.write(8);
        case 'f' -> bytes.write(12);
        case 'n' -> bytes.write(10);
        case 'r' -> bytes.write(13);
        case 't' -> bytes.write(9);
        case 'v' -> bytes.write(11);
        case '\\' -> bytes.write('\\');
        case '"' -> bytes.write('"');
        case '\'' -> bytes.write('\'');
        case 'x' -> {
          bytes.write(Integer.parseInt(s.substring(i, i + 2), 16));
          i += 2;
        }
        case 'u' -> {
          writeUtf8(bytes, Integer.parseInt(s.substring(i, i + 4), 16));
          i += 4;
        }
        case 'U' -> {
          writeUtf8(bytes, Integer.parseInt(s.substring(i, i + 8), 16));
          i += 8;
        }
        default -> {
          if (e >= '0' && e <= '7') {
            bytes.write(Integer.parseInt(s.substring(i - 1, i + 2), 8));
            i += 2;
          } else {
            throw new IllegalArgumentException("bad escape \\" + e + " in " + quoted);
          }
        }
      }
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  private static void writeUtf8(ByteArrayOutputStream out, int cp) {
    byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
    out.write(b, 0, b.length);
  }
}
