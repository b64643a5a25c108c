package dev.kplan.lang.syntax;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.SourceRange;
import java.util.function.Function;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's view of a syntax error (offending token, rule, expected tokens) into the diagnostic
 * hclsyntax gives in the same place, with its summary, detail and subject.
 */
final class SyntaxErrors {
  private SyntaxErrors() {}

  /** Where the LL parse stopped. {@code previous} is the visible token before the offending one. */
  record ErrorInfo(Token offending, Token previous, ParserRuleContext ctx, IntervalSet expected) {}

  static final String INVALID_EXPRESSION = "Invalid expression";

  /** True for the token types {@link #invalidToken} reports (so that others need no range). */
  static boolean mayBeInvalid(Token t) {
    int type = t.getType();
    return type == HclLexer.INVALID || type == HclLexer.Q_NEWLINE || type == HclLexer.UNTERMINATED_COMMENT;
  }

  static Diagnostic invalidToken(Token t, SourceRange r) {
    switch (t.getType()) {
      case HclLexer.INVALID:
        return invalidCharacter(t.getText(), r);
      case HclLexer.Q_NEWLINE:
        return Diagnostic.error("Invalid multi-line string",
            "Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n "
                + "escape to represent a newline character or use the \"heredoc\" multi-line template syntax.",
            r);
      case HclLexer.UNTERMINATED_COMMENT:
        return Diagnostic.error("Unterminated comment",
            "There is no closing \"*/\" for this multi-line comment before the end of the file.",
            new SourceRange(r.file(), r.startLine(), r.startCol(), r.startOffset(), r.startLine(), r.startCol() + 2,
                r.startOffset() + 2));
      default:
        return null;
    }
  }

  private static Diagnostic invalidCharacter(String ch, SourceRange r) {
    switch (ch) {
      case "'":
        return Diagnostic.error("Invalid character",
            "Single quotes are not valid. Use double quotes (\") to enclose strings.", r);
      case ";":
        return Diagnostic.error("Invalid character",
            "The \";\" character is not valid. Use newlines to separate arguments and blocks, and commas to separate "
                + "items in collection values.", r);
      case "`":
        return Diagnostic.error("Invalid character",
            "The \"`\" character is not valid. To create a multi-line string, use the \"heredoc\" syntax, like "
                + "\"<<EOT\".", r);
      case "&":
        return Diagnostic.error("Unsupported operator",
            "Bitwise operators are not supported. Did you mean boolean AND (\"&&\")?", r);
      case "|":
        return Diagnostic.error("Unsupported operator",
            "Bitwise operators are not supported. Did you mean boolean OR (\"||\")?", r);
      case "^":
      case "~":
        return Diagnostic.error("Unsupported operator", "Bitwise operators are not supported.", r);
      default:
        return Diagnostic.error("Invalid character", "This character is not used within the language.", r);
    }
  }

  static boolean isInvalidToken(Token t) {
    int type = t.getType();
    return type == HclLexer.INVALID || type == HclLexer.Q_NEWLINE || type == HclLexer.UNTERMINATED_COMMENT;
  }

  /** A zero-width NEWLINE is the one the lexer adds at the end of input: treat it as the end of file. */
  static boolean isEnd(Token t) {
    return t.getType() == Token.EOF || (t.getType() == HclLexer.NEWLINE && t.getStartIndex() > t.getStopIndex());
  }

  private static boolean startsExpression(IntervalSet expected) {
    return expected.contains(HclLexer.NUMBER) || expected.contains(HclLexer.IDENT)
        || expected.contains(HclLexer.LPAREN) || expected.contains(HclLexer.Q_OPEN);
  }

  /**
   * The diagnostic for an error the LL parse found, or null when the offending token was already
   * reported as invalid.
   */
  static Diagnostic describe(ErrorInfo e, Function<Token, SourceRange> ranges) {
    Token o = e.offending();
    if (isInvalidToken(o)) {
      return null;
    }
    SourceRange subject = ranges.apply(o);
    boolean end = isEnd(o);
    int prev = e.previous() == null ? -1 : e.previous().getType();
    IntervalSet exp = e.expected() == null ? new IntervalSet() : e.expected();
    ParserRuleContext c = e.ctx();

    if (c instanceof HclParser.TupleContext t && exp.contains(HclLexer.COMMA)) {
      if (end) {
        return Diagnostic.error("Unterminated tuple constructor expression",
            "There is no corresponding closing bracket before the end of the file. This may be caused by incorrect "
                + "bracket nesting elsewhere in this file.", ranges.apply(t.getStart()));
      }
      return Diagnostic.error("Missing item separator", "Expected a comma to mark the beginning of the next item.",
          subject).withContext(ranges.apply(t.getStart()).to(subject));
    }
    if (c instanceof HclParser.ObjectItemContext && (exp.contains(HclLexer.EQ) || exp.contains(HclLexer.COLON))) {
      Token open = c.getParent() == null ? c.getStart() : ((ParserRuleContext) c.getParent()).getStart();
      if (end) {
        return unterminatedObject(ranges.apply(open));
      }
      if (o.getType() == HclLexer.NEWLINE || o.getType() == HclLexer.COMMA) {
        return Diagnostic.error("Missing attribute value",
            "Expected an attribute value, introduced by an equals sign (\"=\").", subject);
      }
      if (AstBuilder.isIdentifierToken(o.getType())) {
        return Diagnostic.error("Missing key/value separator",
            "Expected an equals sign (\"=\") to mark the beginning of the attribute value. If you intended to given an "
                + "attribute name containing periods or spaces, write the name in quotes to create a string literal.",
            subject);
      }
      return Diagnostic.error("Missing key/value separator",
          "Expected an equals sign (\"=\") to mark the beginning of the attribute value.", subject);
    }
    if ((c instanceof HclParser.ObjectContext || c instanceof HclParser.ObjectSeparatorContext)
        && exp.contains(HclLexer.RBRACE) && (exp.contains(HclLexer.COMMA) || exp.contains(HclLexer.NEWLINE))) {
      ParserRuleContext obj = c instanceof HclParser.ObjectContext ? c : (ParserRuleContext) c.getParent();
      if (end) {
        return unterminatedObject(ranges.apply(obj.getStart()));
      }
      return Diagnostic.error("Missing attribute separator",
          "Expected a newline or comma to mark the beginning of the next attribute.", subject);
    }
    if (c instanceof HclParser.FunctionCallContext || c instanceof HclParser.ArgumentsContext) {
      HclParser.FunctionCallContext call = c instanceof HclParser.FunctionCallContext f
          ? f : (HclParser.FunctionCallContext) c.getParent();
      if (prev == HclLexer.ELLIPSIS) {
        return Diagnostic.error("Missing closing parenthesis",
            "An expanded function argument (with ...) must be immediately followed by closing parentheses.",
            ranges.apply(e.previous()));
      }
      if (prev == HclLexer.DCOLON) {
        return Diagnostic.error("Missing function name",
            "Function scope resolution symbol :: must be followed by a function name in this scope.", subject);
      }
      if (exp.contains(HclLexer.LPAREN) && !exp.contains(HclLexer.RPAREN)) {
        return Diagnostic.error("Missing open parenthesis",
            "Function selector must be followed by an open parenthesis to begin the function call.", subject);
      }
      if (exp.contains(HclLexer.COMMA) || exp.contains(HclLexer.RPAREN)) {
        if (end) {
          Token paren = call.LPAREN() == null ? call.getStart() : call.LPAREN().getSymbol();
          return Diagnostic.error("Unterminated function call",
              "There is no closing parenthesis for this function call before the end of the file. This may be caused "
                  + "by incorrect parenthesis nesting elsewhere in this file.",
              ranges.apply(call.getStart()).to(ranges.apply(paren)));
        }
        if (!(exp.contains(HclLexer.NUMBER) && prev == HclLexer.LPAREN)) {
          return Diagnostic.error("Missing argument separator",
              "A comma is required to separate each function argument from the next.", subject);
        }
      }
    }
    if (c instanceof HclParser.ParenTermContext && exp.contains(HclLexer.RPAREN)) {
      return Diagnostic.error("Unbalanced parentheses", "Expected a closing parenthesis to terminate the expression.",
          subject);
    }
    if (c instanceof HclParser.FullSplatContext) {
      return Diagnostic.error("Missing close bracket on splat index",
          "The star for a full splat operator must be immediately followed by a closing bracket (\"]\").", subject);
    }
    if (c instanceof HclParser.IndexContext && exp.contains(HclLexer.RBRACK)) {
      return Diagnostic.error("Missing close bracket on index",
          "The index operator must end with a closing bracket (\"]\").", subject);
    }
    if (prev == HclLexer.DOT && (c instanceof HclParser.PostfixContext || c instanceof HclParser.ExpressionContext)) {
      return Diagnostic.error("Invalid attribute name", "An attribute name is required after a dot.", subject);
    }
    if (c instanceof HclParser.ExpressionContext x && x.QUESTION() != null && exp.contains(HclLexer.COLON)) {
      return Diagnostic.error("Missing false expression in conditional",
          "The conditional operator (...?...:...) requires a false expression, delimited by a colon.", subject);
    }
    if (c instanceof HclParser.ForIntroContext) {
      String detail;
      if (prev == HclLexer.FOR) {
        detail = "For expression requires variable name after 'for'.";
      } else if (prev == HclLexer.COMMA) {
        detail = "For expression requires value variable name after comma.";
      } else if (exp.contains(HclLexer.IN)) {
        detail = "For expression requires the 'in' keyword after its name declarations.";
      } else if (exp.contains(HclLexer.COLON)) {
        detail = "For expression requires a colon after the collection expression.";
      } else {
        detail = null;
      }
      if (detail != null) {
        return Diagnostic.error("Invalid 'for' expression", detail, subject);
      }
    }
    if ((c instanceof HclParser.ForTupleContext || c instanceof HclParser.ForObjectContext
        || c instanceof HclParser.ForConditionContext)
        && (exp.contains(HclLexer.RBRACK) || exp.contains(HclLexer.RBRACE))) {
      return Diagnostic.error("Invalid 'for' expression", "Extra characters after the end of the 'for' expression.",
          subject);
    }
    Diagnostic template = template(e, c, o, subject, end, prev, exp, ranges);
    if (template != null) {
      return template;
    }
    if (end) {
      return Diagnostic.error("Missing expression",
          "Expected the start of an expression, but found the end of the file.", subject);
    }
    return Diagnostic.error(INVALID_EXPRESSION,
        "Expected the start of an expression, but found an invalid expression token.", subject);
  }

  private static Diagnostic template(ErrorInfo e, ParserRuleContext c, Token o, SourceRange subject, boolean end,
      int prev, IntervalSet exp, Function<Token, SourceRange> ranges) {
    if (c instanceof HclParser.TplInterpContext && exp.contains(HclLexer.TEMPLATE_CLOSE)) {
      SourceRange opener = ranges.apply(c.getStart());
      if (end) {
        return Diagnostic.error("Unclosed template interpolation sequence",
            "There is no closing brace for this interpolation sequence before the end of the file. This might be "
                + "caused by incorrect nesting inside the given expression.", opener);
      }
      if (o.getType() == HclLexer.COLON) {
        return Diagnostic.error("Extra characters after interpolation expression",
            "Template interpolation doesn't expect a colon at this location. Did you intend this to be a literal "
                + "sequence to be processed as part of another language? If so, you can escape it by starting with "
                + "\"$${\" instead of just \"${\".", subject);
      }
      if (o.getType() == HclLexer.Q_CLOSE || o.getType() == HclLexer.Q_OPEN) {
        return Diagnostic.error("Unclosed template interpolation sequence",
            "There is no closing brace for this interpolation sequence before the end of the quoted template. This "
                + "might be caused by incorrect nesting inside the given expression.", opener);
      }
      return Diagnostic.error("Extra characters after interpolation expression",
          "Expected a closing brace to end the interpolation expression, but found extra characters.\n\nThis can "
              + "happen when you include interpolation syntax for another language, such as shell scripting, but "
              + "forget to escape the interpolation start token. If this is an embedded sequence for another language, "
              + "escape it by starting with \"$${\" instead of just \"${\".", subject);
    }
    if (c instanceof HclParser.TemplateItemContext && exp.contains(HclLexer.TEMPLATE_CLOSE) && !end
        && c.getStart().getType() == HclLexer.TEMPLATE_CONTROL && c.getChildCount() > 1) {
      String keyword = c.getChild(1).getText();
      if (c instanceof HclParser.TplForContext && prev == HclLexer.FOR) {
        return Diagnostic.error("Invalid 'for' directive", "For directive requires variable name after 'for'.",
            subject);
      }
      return Diagnostic.error("Extra characters in " + keyword + " marker",
          "Expected a closing brace to end the sequence, but found extra characters.", subject);
    }
    if (c instanceof HclParser.TplForContext) {
      if (prev == HclLexer.FOR) {
        return Diagnostic.error("Invalid 'for' directive", "For directive requires variable name after 'for'.",
            subject);
      }
      if (prev == HclLexer.COMMA) {
        return Diagnostic.error("Invalid 'for' directive", "For directive requires value variable name after comma.",
            subject);
      }
      if (exp.contains(HclLexer.IN)) {
        return Diagnostic.error("Invalid 'for' directive", "For directive requires 'in' keyword after names.",
            subject);
      }
    }
    if (prev == HclLexer.TEMPLATE_CONTROL) {
      if (o.getType() == HclLexer.IDENT) {
        String given = o.getText();
        String suggestion = dev.kplan.lang.diag.Suggestions.closest(given, java.util.List.of("else", "endfor", "endif", "for", "if"));
        return Diagnostic.error("Invalid template control keyword",
            "\"" + given + "\" is not a valid template control keyword."
                + (suggestion == null ? "" : " Did you mean \"" + suggestion + "\"?"), subject);
      }
      return Diagnostic.error("Invalid template directive",
          "A template directive keyword (\"if\", \"for\", etc) is expected at the beginning of a %{ sequence.",
          subject);
    }
    if ((c instanceof HclParser.QuotedTemplateContext || c instanceof HclParser.HeredocTemplateContext
        || c instanceof HclParser.TemplateFileContext) && end) {
      return Diagnostic.error("Unterminated template string", "No closing marker was found for the string.", subject);
    }
    return null;
  }

  private static Diagnostic unterminatedObject(SourceRange open) {
    return Diagnostic.error("Unterminated object constructor expression",
        "There is no corresponding closing brace before the end of the file. This may be caused by incorrect brace "
            + "nesting elsewhere in this file.", open);
  }
}
