package dev.kplan.lang.syntax;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.TemplatePart;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.SourceRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the flat sequence of template tokens (literals, interpolations, directive markers) into
 * {@link TemplatePart}s the way hclsyntax does: strip markers trim the neighbouring literal, flush
 * heredocs lose their common indentation, adjacent literals are joined, and directives are nested,
 * with hclsyntax's diagnostics for unbalanced ones.
 */
final class TemplateAssembler {
  enum Kind { LITERAL, INTERP, IF, ELSE, ENDIF, FOR, ENDFOR }

  /** One flat template token. Literal pieces carry code-point bounds so that flushing can move their start. */
  static final class Piece {
    final Kind kind;
    String text;
    int startCp;
    int endCp;
    final Expr expr;
    final String keyVar;
    final String valueVar;
    final boolean stripBefore;
    final boolean stripAfter;
    final SourceRange range;

    private Piece(Kind kind, String text, int startCp, int endCp, Expr expr, String keyVar, String valueVar,
        boolean stripBefore, boolean stripAfter, SourceRange range) {
      this.kind = kind;
      this.text = text;
      this.startCp = startCp;
      this.endCp = endCp;
      this.expr = expr;
      this.keyVar = keyVar;
      this.valueVar = valueVar;
      this.stripBefore = stripBefore;
      this.stripAfter = stripAfter;
      this.range = range;
    }

    static Piece literal(String text, int startCp, int endCp) {
      return new Piece(Kind.LITERAL, text, startCp, endCp, null, null, null, false, false, null);
    }

    static Piece sequence(Kind kind, Expr expr, String keyVar, String valueVar, boolean stripBefore,
        boolean stripAfter, SourceRange range) {
      return new Piece(kind, null, -1, -1, expr, keyVar, valueVar, stripBefore, stripAfter, range);
    }

    String name() {
      return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The assembled parts; {@code passthrough} when the template is exactly one interpolation. */
  record Result(List<TemplatePart> parts, boolean passthrough, boolean onlyLiterals) {}

  private final SourcePositions pos;
  private final List<Diagnostic> diags;
  private List<Piece> pieces;
  private int at;
  private SourceRange endRange;

  private final java.util.function.UnaryOperator<String> strings;

  TemplateAssembler(SourcePositions pos, List<Diagnostic> diags, java.util.function.UnaryOperator<String> strings) {
    this.pos = pos;
    this.diags = diags;
    this.strings = strings;
  }

  /**
   * @param pieces literal pieces must already be merged the way hclsyntax's scanner tokenises:
   *     one per run in quoted templates, one per line in heredocs
   * @param endRange the closing marker, for "unexpected end" diagnostics
   */
  Result assemble(List<Piece> pieces, boolean flush, SourceRange endRange) {
    applyStripMarkers(pieces);
    if (flush) {
      flushIndentation(pieces);
    }
    List<Piece> melded = meld(pieces);
    boolean passthrough = melded.size() == 1 && melded.get(0).kind == Kind.INTERP;
    boolean onlyLiterals = true;
    for (Piece p : melded) {
      onlyLiterals &= p.kind == Kind.LITERAL;
    }
    this.pieces = melded;
    this.at = 0;
    this.endRange = endRange;
    List<TemplatePart> parts = new ArrayList<>();
    while (at < melded.size()) {
      TemplatePart part = parseItem();
      if (part != null) {
        parts.add(part);
      }
    }
    return new Result(parts, passthrough, onlyLiterals);
  }

  private static void applyStripMarkers(List<Piece> pieces) {
    boolean ltrimNext = false;
    boolean nextCanTrimPrev = false;
    for (int i = 0; i < pieces.size(); i++) {
      Piece p = pieces.get(i);
      boolean ltrim = ltrimNext;
      ltrimNext = false;
      boolean canTrimPrev = nextCanTrimPrev;
      nextCanTrimPrev = false;
      if (p.kind == Kind.LITERAL) {
        if (ltrim) {
          p.text = trimLeft(p.text);
        }
        nextCanTrimPrev = true;
        continue;
      }
      if (p.stripBefore && canTrimPrev && i > 0) {
        Piece prev = pieces.get(i - 1);
        prev.text = trimRight(prev.text);
      }
      ltrimNext = p.stripAfter;
    }
  }

  private void flushIndentation(List<Piece> pieces) {
    int minSpaces = Integer.MAX_VALUE;
    boolean newline = true;
    List<Piece> adjust = new ArrayList<>();
    for (Piece p : pieces) {
      if (newline) {
        newline = false;
        int spaces = 0;
        if (p.kind == Kind.LITERAL) {
          String trimmed = trimLeft(p.text);
          if (trimmed.isEmpty() && p.text.endsWith("\n")) {
            spaces = Integer.MAX_VALUE; // a blank line does not count
          } else {
            String lead = p.text.substring(0, p.text.length() - trimmed.length());
            spaces = lead.codePointCount(0, lead.length());
            adjust.add(p);
          }
        }
        minSpaces = Math.min(minSpaces, spaces);
      }
      if (p.kind == Kind.LITERAL && p.text.endsWith("\n")) {
        newline = true;
      }
    }
    if (minSpaces == Integer.MAX_VALUE || minSpaces == 0) {
      return;
    }
    for (Piece p : adjust) {
      int chars = p.text.offsetByCodePoints(0, Math.min(minSpaces, p.text.codePointCount(0, p.text.length())));
      p.text = p.text.substring(chars);
      p.startCp = Math.min(p.endCp, p.startCp + minSpaces);
    }
  }

  private static List<Piece> meld(List<Piece> pieces) {
    List<Piece> out = new ArrayList<>(pieces.size());
    Piece open = null;
    StringBuilder text = null; // only when several literals meld
    for (Piece p : pieces) {
      if (p.kind == Kind.LITERAL) {
        if (open == null) {
          open = p;
          text = null;
        } else {
          if (text == null) {
            text = new StringBuilder(open.text);
          }
          text.append(p.text);
          open.endCp = p.endCp;
        }
        continue;
      }
      if (open != null) {
        if (text != null) {
          open.text = text.toString();
        }
        out.add(open);
        open = null;
      }
      out.add(p);
    }
    if (open != null) {
      if (text != null) {
        open.text = text.toString();
      }
      out.add(open);
    }
    return out;
  }

  private TemplatePart parseItem() {
    Piece p = pieces.get(at++);
    switch (p.kind) {
      case LITERAL:
        return new TemplatePart.Literal(strings.apply(p.text), pos.range(p.startCp, p.endCp));
      case INTERP:
        return new TemplatePart.Interpolation(p.expr, p.range);
      case IF:
        return parseIf(p);
      case FOR:
        return parseFor(p);
      default:
        diags.add(Diagnostic.error("Unexpected " + p.name() + " directive",
            "The control directives within this template are unbalanced.", p.range));
        return null;
    }
  }

  private TemplatePart parseIf(Piece open) {
    List<TemplatePart> then = new ArrayList<>();
    List<TemplatePart> otherwise = new ArrayList<>();
    List<TemplatePart> current = then;
    while (true) {
      if (at >= pieces.size()) {
        diags.add(Diagnostic.error("Unexpected end of template",
            "The if directive at " + Ranges.hcl(open.range) + " is missing its corresponding endif directive.",
            endRange));
        return new TemplatePart.If(open.expr, then, otherwise, open.range.to(endRange));
      }
      Piece next = pieces.get(at);
      if (next.kind == Kind.ELSE || next.kind == Kind.ENDIF || next.kind == Kind.ENDFOR) {
        at++;
        if (next.kind == Kind.ELSE && current == then) {
          current = otherwise;
          continue;
        }
        if (next.kind == Kind.ENDIF) {
          return new TemplatePart.If(open.expr, then, otherwise, open.range.to(next.range));
        }
        String detail = next.kind == Kind.ELSE
            ? "Already in the else clause for the if started at " + Ranges.hcl(open.range) + "."
            : "Expecting an endif directive for the if started at " + Ranges.hcl(open.range) + ".";
        diags.add(Diagnostic.error("Unexpected " + next.name() + " directive", detail, next.range));
        return new TemplatePart.If(open.expr, then, otherwise, open.range.to(next.range));
      }
      TemplatePart part = parseItem();
      if (part != null) {
        current.add(part);
      }
    }
  }

  private TemplatePart parseFor(Piece open) {
    List<TemplatePart> body = new ArrayList<>();
    while (true) {
      if (at >= pieces.size()) {
        diags.add(Diagnostic.error("Unexpected end of template",
            "The for directive at " + Ranges.hcl(open.range) + " is missing its corresponding endfor directive.",
            endRange));
        return new TemplatePart.For(open.keyVar, open.valueVar, open.expr, body, open.range.to(endRange));
      }
      Piece next = pieces.get(at);
      if (next.kind == Kind.ELSE || next.kind == Kind.ENDIF || next.kind == Kind.ENDFOR) {
        at++;
        if (next.kind == Kind.ENDFOR) {
          return new TemplatePart.For(open.keyVar, open.valueVar, open.expr, body, open.range.to(next.range));
        }
        String detail = next.kind == Kind.ELSE
            ? "An else clause is not expected for a for directive."
            : "Expecting an endfor directive corresponding to the for directive at " + Ranges.hcl(open.range) + ".";
        diags.add(Diagnostic.error("Unexpected " + next.name() + " directive", detail, next.range));
        return new TemplatePart.For(open.keyVar, open.valueVar, open.expr, body, open.range.to(next.range));
      }
      TemplatePart part = parseItem();
      if (part != null) {
        body.add(part);
      }
    }
  }

  static boolean isSpace(int cp) {
    return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x85;
  }

  static String trimLeft(String s) {
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (!isSpace(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    return s.substring(i);
  }

  static String trimRight(String s) {
    int i = s.length();
    while (i > 0) {
      int cp = s.codePointBefore(i);
      if (!isSpace(cp)) {
        break;
      }
      i -= Character.charCount(cp);
    }
    return s.substring(0, i);
  }
}
