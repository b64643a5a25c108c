package dev.kplan.lang.syntax;

import dev.kplan.lang.diag.Diagnostic;
import java.util.List;

/** Decodes the text of template literal tokens: HCL's backslash escapes and the $${ / %%{ escapes. */
final class StringLiterals {
  private StringLiterals() {}

  /**
   * Decodes {@code raw}, which starts at code point {@code startCp}. Backslash escapes apply only to
   * quoted strings; heredocs and templates keep backslashes literally.
   */
  static String decode(String raw, boolean quoted, int startCp, SourcePositions pos, List<Diagnostic> diags) {
    if (raw.indexOf('\\') < 0 && raw.indexOf("${") < 0 && raw.indexOf("%{") < 0) {
      return raw;
    }
    StringBuilder out = new StringBuilder(raw.length());
    int n = raw.length();
    int cp = startCp; // code point index of raw.charAt(i)
    int i = 0;
    while (i < n) {
      char c = raw.charAt(i);
      if (quoted && c == '\\') {
        if (i + 1 >= n) {
          diags.add(Diagnostic.error("Invalid escape sequence",
              "Backslash must be followed by an escape sequence selector character.", pos.range(cp, cp + 1)));
          i++;
          cp++;
          continue;
        }
        char sel = raw.charAt(i + 1);
        switch (sel) {
          case 'n' -> out.append('\n');
          case 'r' -> out.append('\r');
          case 't' -> out.append('\t');
          case '"' -> out.append('"');
          case '\\' -> out.append('\\');
          case 'u', 'U' -> {
            int digits = sel == 'u' ? 4 : 8;
            int have = 0;
            while (have < digits && i + 2 + have < n && isHex(raw.charAt(i + 2 + have))) {
              have++;
            }
            if (have < digits) {
              diags.add(Diagnostic.error("Invalid escape sequence",
                  "The \\" + sel + " escape sequence must be followed by " + (sel == 'u' ? "four" : "eight")
                      + " hexadecimal digits.",
                  pos.range(cp, cp + 2 + have)));
              i += 2 + have;
              cp += 2 + have;
              continue;
            }
            long value = Long.parseLong(raw.substring(i + 2, i + 2 + digits), 16);
            if (value > Character.MAX_CODE_POINT || (value >= 0xD800 && value <= 0xDFFF)) {
              diags.add(Diagnostic.error("Invalid escape sequence",
                  String.format("Cannot encode character U+%04x in UTF-8.", value),
                  pos.range(cp, cp + 2 + digits)));
            } else {
              out.appendCodePoint((int) value);
            }
            i += 2 + digits;
            cp += 2 + digits;
            continue;
          }
          default -> {
            int selCp = raw.codePointAt(i + 1);
            String selector = new String(Character.toChars(selCp));
            diags.add(Diagnostic.error("Invalid escape sequence",
                "The symbol \"" + selector + "\" is not a valid escape sequence selector.",
                pos.range(cp, cp + 2)));
            out.append(selector);
            i += 1 + Character.charCount(selCp);
            cp += 2;
            continue;
          }
        }
        i += 2;
        cp += 2;
        continue;
      }
      if ((c == '$' || c == '%') && i + 2 < n && raw.charAt(i + 1) == c && raw.charAt(i + 2) == '{') {
        out.append(c).append('{');
        i += 3;
        cp += 3;
        continue;
      }
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(raw.charAt(i + 1))) {
        out.append(c).append(raw.charAt(i + 1));
        i += 2;
      } else {
        out.append(c);
        i++;
      }
      cp++;
    }
    return out.toString();
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
