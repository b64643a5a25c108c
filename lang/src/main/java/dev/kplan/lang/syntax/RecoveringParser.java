package dev.kplan.lang.syntax;

import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.BodyItem;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.LiteralExpr;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Value;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * The second parse stage: walks bodies item by item the way hclsyntax's parser does, parsing each
 * expression with the ANTLR grammar in full LL mode. The first error inside an item is reported
 * (in hclsyntax's wording) and parsing resumes at the next item, so every independent error of a
 * file is found, and the items that parsed still appear in the returned tree.
 */
final class RecoveringParser {
  private final Parser.Session session;
  private final List<Diagnostic> diags;
  private final AstBuilder builder;
  private final List<Token> toks = new ArrayList<>();
  private final int[] visibleIndex;
  private final CapturingStrategy strategy = new CapturingStrategy();
  private int p;
  private int blockDepth; // how many block bodies enclose the current item

  RecoveringParser(Parser.Session session, List<Diagnostic> diags) {
    this.session = session;
    this.diags = diags;
    this.builder = session.builder(diags);
    List<Token> all = session.tokens.getTokens();
    this.visibleIndex = new int[all.size() + 1];
    for (Token t : all) {
      visibleIndex[t.getTokenIndex()] = toks.size();
      if (t.getChannel() == Token.DEFAULT_CHANNEL) {
        toks.add(t);
      }
    }
    session.parser.setErrorHandler(strategy);
    session.parser.getInterpreter().setPredictionMode(PredictionMode.LL);
  }

  // ---- entry points ----

  Body parseFile() {
    List<BodyItem> items = parseBodyItems(null);
    return builder.body(items, session.pos.range(0, session.pos.codePointCount()));
  }

  Expr parseExpressionFile() {
    skipNewlines();
    int start = p;
    HclParser.ExpressionContext ctx = parseExpressionHere();
    if (ctx == null) {
      return placeholder(start);
    }
    Expr expr = builder.expression(ctx);
    skipNewlines();
    Token t = peek();
    if (t.getType() != Token.EOF) {
      diags.add(Diagnostic.error("Extra characters after expression",
          "An expression was successfully parsed, but extra characters were found after it.", range(t)));
    }
    return expr;
  }

  Expr parseTemplateFile() {
    List<HclParser.TemplateItemContext> items = new ArrayList<>();
    while (peek().getType() != Token.EOF) {
      int start = p;
      seekParser(start);
      try {
        items.add(session.parser.templateItem());
        p = visibleIndex[session.parser.getCurrentToken().getTokenIndex()];
      } catch (SyntaxAbort a) {
        report(a.info);
        p = start + 1;
        skipToSequenceEnd(start);
      }
    }
    return builder.template(items, false, false, null, null);
  }

  // ---- bodies ----

  /** Items up to the end of the body: EOF at top level, else the closing brace (consumed). */
  private List<BodyItem> parseBodyItems(Token openBrace) {
    if (openBrace != null) {
      blockDepth++;
    }
    try {
      return parseBodyItemsIn(openBrace);
    } finally {
      if (openBrace != null) {
        blockDepth--;
      }
    }
  }

  private List<BodyItem> parseBodyItemsIn(Token openBrace) {
    List<BodyItem> items = new ArrayList<>();
    while (true) {
      Token t = peek();
      int type = t.getType();
      if (openBrace != null && type == HclLexer.RBRACE) {
        p++;
        return items;
      }
      if (type == Token.EOF) {
        if (openBrace != null) {
          diags.add(Diagnostic.error("Unclosed configuration block",
              "There is no closing brace for this block before the end of the file. This may be caused by incorrect "
                  + "brace nesting elsewhere in this file.", range(openBrace)));
        }
        return items;
      }
      if (type == HclLexer.NEWLINE) {
        p++;
        continue;
      }
      if (AstBuilder.isIdentifierToken(type)) {
        BodyItem item = parseBodyItem();
        if (item != null) {
          items.add(item);
        }
        continue;
      }
      int start = p;
      if (!SyntaxErrors.isInvalidToken(t)) {
        if (type == HclLexer.Q_OPEN) {
          diags.add(Diagnostic.error("Invalid argument name", "Argument names must not be quoted.", range(t)));
        } else {
          diags.add(Diagnostic.error("Argument or block definition required",
              "An argument or block definition is required here.", range(t)));
        }
      }
      recoverItem(start, start);
    }
  }

  private BodyItem parseBodyItem() {
    int start = p;
    Token ident = toks.get(p++);
    Token next = peek();
    int type = next.getType();
    if (type == HclLexer.EQ) {
      return parseAttribute(start, ident, false);
    }
    if (type == HclLexer.Q_OPEN || type == HclLexer.LBRACE || AstBuilder.isIdentifierToken(type)) {
      return parseBlock(start, ident);
    }
    if (!SyntaxErrors.isInvalidToken(next)) {
      diags.add(Diagnostic.error("Argument or block definition required",
          "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to "
              + "introduce the argument value.", range(ident)));
    }
    recoverItem(start, start + 1);
    return null;
  }

  private Attribute parseAttribute(int itemStart, Token ident, boolean singleLine) {
    p++; // '='
    int exprStart = p;
    HclParser.ExpressionContext ctx = parseExpressionHere();
    SourceRange nameRange = range(ident);
    if (ctx == null) {
      Expr expr = placeholder(exprStart);
      recoverItem(itemStart, errorIndex);
      return new Attribute(ident.getText(), expr, nameRange, nameRange.to(expr.range()));
    }
    Expr expr = builder.expression(ctx);
    Attribute attr = new Attribute(ident.getText(), expr, nameRange, nameRange.to(expr.range()));
    if (!singleLine) {
      Token end = peek();
      if (end.getType() == HclLexer.NEWLINE) {
        p++;
      } else if (end.getType() != Token.EOF) {
        if (!SyntaxErrors.isInvalidToken(end)) {
          boolean comma = end.getType() == HclLexer.COMMA;
          diags.add(Diagnostic.error(comma ? "Unexpected comma after argument" : "Missing newline after argument",
              (comma ? "Argument definitions must be separated by newlines, not commas. " : "")
                  + "An argument definition must end with a newline.", range(end))
              .withContext(nameRange.to(range(end))));
        }
        recoverItem(itemStart, p);
      }
    }
    return attr;
  }

  private Block parseBlock(int itemStart, Token ident) {
    List<String> labels = new ArrayList<>();
    List<SourceRange> labelRanges = new ArrayList<>();
    Token open;
    while (true) {
      Token t = peek();
      int type = t.getType();
      if (type == HclLexer.LBRACE) {
        open = t;
        p++;
        break;
      }
      if (type == HclLexer.Q_OPEN) {
        if (!parseQuotedLabel(labels, labelRanges, itemStart)) {
          return headerOnly(ident, labels, labelRanges);
        }
        continue;
      }
      if (AstBuilder.isIdentifierToken(type)) {
        labels.add(t.getText());
        labelRanges.add(range(t));
        p++;
        continue;
      }
      if (!SyntaxErrors.isInvalidToken(t)) {
        String detail;
        if (type == HclLexer.EQ) {
          detail = "The equals sign \"=\" indicates an argument definition, and must not be used when defining a block.";
        } else if (type == HclLexer.NEWLINE) {
          detail = "A block definition must have block content delimited by \"{\" and \"}\", starting on the same line "
              + "as the block header.";
        } else {
          detail = "Either a quoted string block label or an opening brace (\"{\") is expected here.";
        }
        diags.add(Diagnostic.error("Invalid block definition", detail, range(t))
            .withContext(range(ident).to(range(t))));
      }
      recoverItem(itemStart, p);
      if (type == HclLexer.NEWLINE && peek().getType() == HclLexer.LBRACE) {
        recoverItem(p, p); // the body that should have been on the header's line belongs to this item
      }
      return headerOnly(ident, labels, labelRanges);
    }

    Body body;
    Token close;
    int after = peek().getType();
    if (after == HclLexer.NEWLINE || after == Token.EOF || after == HclLexer.RBRACE) {
      List<BodyItem> items = parseBodyItems(open);
      close = toks.get(Math.max(0, p - 1));
      if (close.getType() != HclLexer.RBRACE) {
        close = open;
        return new Block(ident.getText(), labels, builder.body(items, range(open)), range(ident), labelRanges,
            range(open), range(ident).to(range(open)));
      }
      body = builder.body(items, range(open).to(range(close)));
    } else {
      Attribute single = parseSingleAttribute(itemStart);
      if (single == null) {
        return headerOnly(ident, labels, labelRanges);
      }
      Token t = peek();
      if (t.getType() != HclLexer.RBRACE) {
        if (t.getType() == Token.EOF || SyntaxErrors.isEnd(t)) {
          diags.add(Diagnostic.error("Unclosed configuration block",
              "There is no closing brace for this block before the end of the file. This may be caused by incorrect "
                  + "brace nesting elsewhere in this file.", range(open))
              .withContext(range(ident).to(range(open))));
        } else if (!SyntaxErrors.isInvalidToken(t)) {
          String detail;
          if (t.getType() == HclLexer.COMMA) {
            detail = "Single-line block syntax can include only one argument definition. To define multiple "
                + "arguments, use the multi-line block syntax with one argument definition per line.";
          } else if (t.getType() == HclLexer.NEWLINE) {
            detail = "An argument definition on the same line as its containing block creates a single-line block "
                + "definition, which must also be closed on the same line. Place the block's closing brace "
                + "immediately after the argument definition.";
          } else {
            detail = "A single-line block definition must end with a closing brace immediately after its single "
                + "argument definition.";
          }
          diags.add(Diagnostic.error("Invalid single-argument block definition", detail, range(t)));
        }
        recoverItem(itemStart, p);
        return new Block(ident.getText(), labels, new Body(List.of(single), range(open).to(single.range())),
            range(ident), labelRanges, range(open), range(ident).to(single.range()));
      }
      close = t;
      p++;
      body = new Body(List.of(single), range(open).to(range(close)));
    }
    Block block = new Block(ident.getText(), labels, body, range(ident), labelRanges, range(open),
        range(ident).to(range(close)));
    Token eol = peek();
    if (eol.getType() == HclLexer.NEWLINE) {
      p++;
    } else if (eol.getType() != Token.EOF) {
      if (!SyntaxErrors.isInvalidToken(eol)) {
        diags.add(Diagnostic.error("Missing newline after block definition",
            "A block definition must end with a newline.", range(eol)).withContext(range(ident).to(range(eol))));
      }
      recoverItem(itemStart, p);
    }
    return block;
  }

  private Attribute parseSingleAttribute(int itemStart) {
    Token ident = peek();
    if (!AstBuilder.isIdentifierToken(ident.getType())) {
      if (!SyntaxErrors.isInvalidToken(ident)) {
        diags.add(Diagnostic.error("Argument or block definition required",
            "An argument or block definition is required here.", range(ident)));
      }
      recoverItem(itemStart, p);
      return null;
    }
    p++;
    Token next = peek();
    int type = next.getType();
    if (type == HclLexer.EQ) {
      return parseAttribute(itemStart, ident, true);
    }
    if (type == HclLexer.Q_OPEN || type == HclLexer.LBRACE || AstBuilder.isIdentifierToken(type)) {
      diags.add(Diagnostic.error("Argument definition required",
          "A single-line block definition can contain only a single argument. If you meant to define argument \""
              + ident.getText() + "\", use an equals sign to assign it a value. To define a nested block, place it on a "
              + "line of its own within its parent block.", range(ident).to(range(next))));
    } else if (!SyntaxErrors.isInvalidToken(next)) {
      diags.add(Diagnostic.error("Argument or block definition required",
          "An argument or block definition is required here. To set an argument, use the equals sign \"=\" to "
              + "introduce the argument value.", range(ident)));
    }
    recoverItem(itemStart, p);
    return null;
  }

  private boolean parseQuotedLabel(List<String> labels, List<SourceRange> labelRanges, int itemStart) {
    Token open = toks.get(p++);
    StringBuilder sb = new StringBuilder();
    while (true) {
      Token t = peek();
      switch (t.getType()) {
        case HclLexer.Q_LIT:
          sb.append(builder.literalText(t, true));
          p++;
          break;
        case HclLexer.Q_CLOSE:
          p++;
          labels.add(sb.toString());
          labelRanges.add(range(open).to(range(t)));
          return true;
        case HclLexer.TEMPLATE_INTERP:
        case HclLexer.TEMPLATE_CONTROL: {
          String which = t.getType() == HclLexer.TEMPLATE_INTERP ? "$" : "%";
          diags.add(Diagnostic.error("Invalid string literal",
              "Template sequences are not allowed in this string. To include a literal \"" + which
                  + "\", double it (as \"" + which + which + "\") to escape it.", range(t))
              .withContext(range(open).to(range(t))));
          recoverItem(itemStart, p);
          return false;
        }
        default:
          if (!SyntaxErrors.isInvalidToken(t)) {
            diags.add(Diagnostic.error("Unterminated string literal",
                "Unable to find the closing quote mark before the end of the file.", range(t))
                .withContext(range(open).to(range(t))));
          }
          recoverItem(itemStart, p);
          return false;
      }
    }
  }

  private Block headerOnly(Token ident, List<String> labels, List<SourceRange> labelRanges) {
    SourceRange header = labelRanges.isEmpty() ? range(ident) : range(ident).to(labelRanges.get(labelRanges.size() - 1));
    return new Block(ident.getText(), labels, new Body(List.of(), range(ident)), range(ident), labelRanges,
        range(ident), header);
  }

  // ---- expressions through ANTLR ----

  private int errorIndex;

  /** Parses an expression at the current token with the LL parser; null after reporting an error. */
  private HclParser.ExpressionContext parseExpressionHere() {
    seekParser(p);
    try {
      HclParser.ExpressionContext ctx = session.parser.expression();
      p = visibleIndex[session.parser.getCurrentToken().getTokenIndex()];
      return ctx;
    } catch (SyntaxAbort a) {
      report(a.info);
      return null;
    }
  }

  private void seekParser(int visible) {
    strategy.info = null;
    session.parser.reset();
    session.tokens.seek(toks.get(visible).getTokenIndex());
  }

  private void report(SyntaxErrors.ErrorInfo info) {
    errorIndex = visibleIndex[info.offending().getTokenIndex()];
    Diagnostic d = SyntaxErrors.describe(info, this::range);
    if (d != null) {
      diags.add(d);
    }
  }

  private Expr placeholder(int from) {
    Token start = toks.get(Math.min(from, toks.size() - 1));
    return new LiteralExpr(Value.unknownOf(Type.DYNAMIC), range(start));
  }

  // ---- recovery ----

  /**
   * Skips to the end of the body item that starts at {@code itemStart}: the first newline outside any
   * brackets that lies at or after the error at {@code errorAt}. An unmatched closing brace ends the
   * enclosing body and is left for it.
   */
  private void recoverItem(int itemStart, int errorAt) {
    skipItem(itemStart, errorAt);
    if (p <= itemStart && toks.get(itemStart).getType() != Token.EOF) {
      p = itemStart + 1; // always make progress, e.g. past a stray closing brace
    }
  }

  private void skipItem(int itemStart, int errorAt) {
    ArrayDeque<Integer> open = new ArrayDeque<>();
    int i = itemStart;
    while (i < toks.size()) {
      Token t = toks.get(i);
      int type = t.getType();
      switch (type) {
        case Token.EOF:
          p = i;
          return;
        case HclLexer.NEWLINE:
        case HclLexer.Q_NEWLINE:
          if (type == HclLexer.Q_NEWLINE && !open.isEmpty() && open.peek() == HclLexer.Q_OPEN) {
            open.pop();
          }
          if (open.isEmpty() && i >= errorAt) {
            p = i + 1;
            return;
          }
          break;
        case HclLexer.LBRACE:
        case HclLexer.LBRACK:
        case HclLexer.LPAREN:
        case HclLexer.Q_OPEN:
        case HclLexer.HEREDOC_OPEN:
        case HclLexer.TEMPLATE_INTERP:
        case HclLexer.TEMPLATE_CONTROL:
          open.push(type == HclLexer.TEMPLATE_CONTROL ? HclLexer.TEMPLATE_INTERP : type);
          break;
        case HclLexer.RBRACE:
          if (!open.contains(HclLexer.LBRACE)) {
            // Inside a block an unmatched brace closes it; at top level it is stray and skipped.
            if (i >= errorAt && blockDepth > 0) {
              p = i;
              return;
            }
            break;
          }
          popTo(open, HclLexer.LBRACE);
          break;
        case HclLexer.RBRACK:
          popTo(open, HclLexer.LBRACK);
          break;
        case HclLexer.RPAREN:
          popTo(open, HclLexer.LPAREN);
          break;
        case HclLexer.Q_CLOSE:
          popTo(open, HclLexer.Q_OPEN);
          break;
        case HclLexer.HEREDOC_CLOSE:
          popTo(open, HclLexer.HEREDOC_OPEN);
          break;
        case HclLexer.TEMPLATE_CLOSE:
          popTo(open, HclLexer.TEMPLATE_INTERP);
          break;
        default:
          break;
      }
      i++;
    }
    p = toks.size() - 1;
  }

  private static void popTo(ArrayDeque<Integer> open, int opener) {
    if (!open.contains(opener)) {
      return;
    }
    while (!open.isEmpty() && open.pop() != opener) {
      // discard unclosed inner openers
    }
  }

  private void skipToSequenceEnd(int from) {
    int depth = 0;
    for (int i = from; i < toks.size(); i++) {
      int type = toks.get(i).getType();
      if (type == Token.EOF) {
        p = i;
        return;
      }
      if (type == HclLexer.TEMPLATE_INTERP || type == HclLexer.TEMPLATE_CONTROL) {
        depth++;
      } else if (type == HclLexer.TEMPLATE_CLOSE && --depth <= 0) {
        p = i + 1;
        return;
      }
    }
    p = toks.size() - 1;
  }

  private void skipNewlines() {
    while (peek().getType() == HclLexer.NEWLINE) {
      p++;
    }
  }

  private Token peek() {
    return toks.get(Math.min(p, toks.size() - 1));
  }

  private SourceRange range(Token t) {
    return session.range(t);
  }

  // ---- error capture ----

  /** Thrown to abandon the current item after its first error. */
  private static final class SyntaxAbort extends RuntimeException {
    final SyntaxErrors.ErrorInfo info;

    SyntaxAbort(SyntaxErrors.ErrorInfo info) {
      super(null, null, false, false);
      this.info = info;
    }
  }

  /** Records the first error with its context and aborts; never resynchronises inside an item. */
  private final class CapturingStrategy extends DefaultErrorStrategy {
    SyntaxErrors.ErrorInfo info;

    @Override
    public void reportError(org.antlr.v4.runtime.Parser recognizer, RecognitionException e) {
      if (info == null) {
        Token offending = e.getOffendingToken() == null ? recognizer.getCurrentToken() : e.getOffendingToken();
        ParserRuleContext ctx = e.getCtx() instanceof ParserRuleContext c ? c : recognizer.getContext();
        info = new SyntaxErrors.ErrorInfo(offending, previous(offending), ctx, safeExpected(e));
      }
    }

    @Override
    public void recover(org.antlr.v4.runtime.Parser recognizer, RecognitionException e) {
      reportError(recognizer, e);
      throw new SyntaxAbort(info);
    }

    @Override
    public Token recoverInline(org.antlr.v4.runtime.Parser recognizer) {
      reportError(recognizer, new InputMismatchException(recognizer));
      throw new SyntaxAbort(info);
    }

    @Override
    public void sync(org.antlr.v4.runtime.Parser recognizer) {
      // errors surface at the next decision or match, where the context is most precise
    }

    private org.antlr.v4.runtime.misc.IntervalSet safeExpected(RecognitionException e) {
      try {
        return e.getExpectedTokens();
      } catch (RuntimeException ex) {
        return new org.antlr.v4.runtime.misc.IntervalSet();
      }
    }

    private Token previous(Token t) {
      int v = visibleIndex[t.getTokenIndex()];
      return v > 0 ? toks.get(v - 1) : null;
    }
  }
}
