package dev.kplan.lang.value;

/**
 * Go's {@code strconv.Quote} ({@code %q}), which Terraform's function errors use to show strings;
 * kept exact so that kplan's messages read the same as Terraform's.
 */
public final class GoQuote {
  private GoQuote() {}

  public static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      appendRune(cp, sb);
    }
    return sb.append('"').toString();
  }

  private static void appendRune(int cp, StringBuilder sb) {
    switch (cp) {
      case '"' -> sb.append("\\\"");
      case '\\' -> sb.append("\\\\");
      case 0x07 -> sb.append("\\a");
      case 0x08 -> sb.append("\\b");
      case 0x0c -> sb.append("\\f");
      case 0x0a -> sb.append("\\n");
      case 0x0d -> sb.append("\\r");
      case 0x09 -> sb.append("\\t");
      case 0x0b -> sb.append("\\v");
      default -> {
        if (Character.isSurrogate((char) cp) && cp < 0x10000) {
          sb.append("\\ufffd");
        } else if (isPrint(cp)) {
          sb.appendCodePoint(cp);
        } else if (cp < 0x20 || cp == 0x7f) {
          sb.append(String.format("\\x%02x", cp));
        } else if (cp < 0x10000) {
          sb.append(String.format("\\u%04x", cp));
        } else {
          sb.append(String.format("\\U%08x", cp));
        }
      }
    }
  }

  /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
  public static boolean isPrint(int cp) {
    if (cp == ' ') {
      return true;
    }
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
      default -> false;
    };
  }
}
