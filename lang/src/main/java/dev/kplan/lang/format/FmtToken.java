package dev.kplan.lang.format;

import java.util.Objects;

/**
 * A token as the formatter sees it: a kind, its exact text, where it started in the source, and
 * the number of spaces to print before it (what formatting decides).
 */
final class FmtToken {
  final Kind kind;
  final String text;
  final int offset;
  int spacesBefore;

  FmtToken(Kind kind, String text, int offset) {
    this.kind = Objects.requireNonNull(kind, "kind is null");
    this.text = Objects.requireNonNull(text, "text is null");
    this.offset = offset;
  }

  /** hclsyntax's token types, the ones hclwrite's formatting rules distinguish. */
  enum Kind {
    OBRACE, CBRACE, OBRACK, CBRACK, OPAREN, CPAREN,
    OQUOTE, CQUOTE, OHEREDOC, CHEREDOC, QUOTED_LIT, STRING_LIT,
    TEMPLATE_INTERP, TEMPLATE_CONTROL, TEMPLATE_SEQ_END,
    STAR, SLASH, PLUS, MINUS, PERCENT,
    EQUAL, EQUAL_OP, NOT_EQUAL, LESS, LESS_EQ, GREATER, GREATER_EQ,
    AND, OR, BANG, DOT, COMMA, ELLIPSIS, FAT_ARROW, QUESTION, COLON,
    NUMBER_LIT, IDENT, COMMENT, NEWLINE, INVALID
  }

  int bracketChange() {
    return switch (kind) {
      case OBRACE, OBRACK, OPAREN, TEMPLATE_CONTROL, TEMPLATE_INTERP -> 1;
      case CBRACE, CBRACK, CPAREN, TEMPLATE_SEQ_END -> -1;
      default -> 0;
    };
  }

  /** Single-line comments own their newline, so they end a line as a newline does. */
  boolean endsLine() {
    return kind == Kind.NEWLINE || (kind == Kind.COMMENT && text.endsWith("\n"));
  }

  int columns() {
    return spacesBefore + text.codePointCount(0, text.length());
  }

  @Override
  public String toString() {
    return kind + "(" + text + ")";
  }
}
