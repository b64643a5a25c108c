package dev.kplan.lang.format;

import dev.kplan.lang.format.FmtToken.Kind;
import dev.kplan.lang.syntax.HclLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;

/**
 * Turns source text into the formatter's tokens with kplan's own lexer: every channel (comments and
 * the newlines hidden inside brackets matter for layout), whitespace dropped, and line comments
 * joined with their newline as hclsyntax scans them.
 */
final class FmtLexer {
  private FmtLexer() {}

  static List<FmtToken> tokens(String src) {
    HclLexer lexer = new HclLexer(CharStreams.fromString(src));
    lexer.removeErrorListeners();
    List<FmtToken> out = new ArrayList<>();
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      String text = t.getText();
      if (t.getType() == HclLexer.NEWLINE) {
        if (text.isEmpty()) {
          continue; // the lexer's synthetic end-of-file newline
        }
        FmtToken last = out.isEmpty() ? null : out.get(out.size() - 1);
        if (last != null && last.kind == Kind.COMMENT && isLineComment(last.text) && !last.text.endsWith("\n")) {
          out.set(out.size() - 1, new FmtToken(Kind.COMMENT, last.text + "\n", last.offset));
          continue;
        }
        out.add(new FmtToken(Kind.NEWLINE, "\n", t.getStartIndex()));
        continue;
      }
      out.add(new FmtToken(kind(t.getType()), text, t.getStartIndex()));
    }
    return out;
  }

  private static boolean isLineComment(String text) {
    return text.startsWith("#") || text.startsWith("//");
  }

  private static Kind kind(int type) {
    switch (type) {
      case HclLexer.LINE_COMMENT:
      case HclLexer.BLOCK_COMMENT:
      case HclLexer.UNTERMINATED_COMMENT:
        return Kind.COMMENT;
      case HclLexer.NUMBER:
        return Kind.NUMBER_LIT;
      case HclLexer.FOR:
      case HclLexer.IN:
      case HclLexer.IF:
      case HclLexer.ELSE:
      case HclLexer.ENDIF:
      case HclLexer.ENDFOR:
      case HclLexer.IDENT:
        return Kind.IDENT;
      case HclLexer.LBRACE:
        return Kind.OBRACE;
      case HclLexer.RBRACE:
        return Kind.CBRACE;
      case HclLexer.TEMPLATE_CLOSE:
        return Kind.TEMPLATE_SEQ_END;
      case HclLexer.LPAREN:
        return Kind.OPAREN;
      case HclLexer.RPAREN:
        return Kind.CPAREN;
      case HclLexer.LBRACK:
        return Kind.OBRACK;
      case HclLexer.RBRACK:
        return Kind.CBRACK;
      case HclLexer.ELLIPSIS:
        return Kind.ELLIPSIS;
      case HclLexer.FAT_ARROW:
        return Kind.FAT_ARROW;
      case HclLexer.EQEQ:
        return Kind.EQUAL_OP;
      case HclLexer.NEQ:
        return Kind.NOT_EQUAL;
      case HclLexer.LE:
        return Kind.LESS_EQ;
      case HclLexer.GE:
        return Kind.GREATER_EQ;
      case HclLexer.AND:
        return Kind.AND;
      case HclLexer.OR:
        return Kind.OR;
      case HclLexer.DCOLON:
      case HclLexer.DOT:
        return Kind.DOT; // "provider::ns::fn" is written tight, as attribute access is
      case HclLexer.EQ:
        return Kind.EQUAL;
      case HclLexer.LT:
        return Kind.LESS;
      case HclLexer.GT:
        return Kind.GREATER;
      case HclLexer.NOT:
        return Kind.BANG;
      case HclLexer.PLUS:
        return Kind.PLUS;
      case HclLexer.MINUS:
        return Kind.MINUS;
      case HclLexer.STAR:
        return Kind.STAR;
      case HclLexer.SLASH:
        return Kind.SLASH;
      case HclLexer.PERCENT:
        return Kind.PERCENT;
      case HclLexer.QUESTION:
        return Kind.QUESTION;
      case HclLexer.COLON:
        return Kind.COLON;
      case HclLexer.COMMA:
        return Kind.COMMA;
      case HclLexer.Q_OPEN:
        return Kind.OQUOTE;
      case HclLexer.Q_CLOSE:
        return Kind.CQUOTE;
      case HclLexer.TEMPLATE_INTERP:
        return Kind.TEMPLATE_INTERP;
      case HclLexer.TEMPLATE_CONTROL:
        return Kind.TEMPLATE_CONTROL;
      case HclLexer.Q_LIT:
        return Kind.QUOTED_LIT;
      case HclLexer.HEREDOC_OPEN:
        return Kind.OHEREDOC;
      case HclLexer.HEREDOC_CLOSE:
        return Kind.CHEREDOC;
      case HclLexer.H_LIT:
        return Kind.STRING_LIT;
      default:
        return Kind.INVALID;
    }
  }
}
