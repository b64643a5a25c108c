package dev.kplan.lang.syntax;

import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.BodyItem;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.TemplateExpr;
import dev.kplan.lang.ast.TemplatePart;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.diag.SourceRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.UnbufferedTokenStream;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * The one entry point to HCL native syntax.
 *
 * <p>Parsing runs in two stages. The first uses ANTLR's SLL prediction with a bail-out error
 * strategy: it is fast and succeeds for every well-formed input. Only when it fails does the second
 * stage run: full LL prediction with error reporting, driven item by item like hclsyntax's parser
 * so that every independent error of a file is reported in HCL's wording and the rest of the file
 * still yields a (partial) tree. Syntax errors never escape as exceptions.
 */
public final class Parser {
  private Parser() {}

  /** Parses a configuration file into its top-level body. */
  public static ParseResult<Body> parseFile(String text, String fileName) {
    ParseResult<Body> streamed = parseFileStreaming(text, fileName);
    return streamed != null ? streamed : parseFileBuffered(text, fileName);
  }

  /**
   * The first stage over a streaming token stream: tokens are lexed as the parser asks for them and
   * die with the parse tree of their top-level item, instead of a whole file's tokens staying alive
   * for the whole parse (in a small heap they were copied by every young collection and promoted).
   * Null when the input has an invalid token or a syntax error: then both stages run again from the
   * start over buffered tokens, which report the errors.
   */
  private static ParseResult<Body> parseFileStreaming(String text, String fileName) {
    Objects.requireNonNull(text, "text is null");
    Objects.requireNonNull(fileName, "fileName is null");
    SourcePositions pos = new SourcePositions(fileName, text);
    CharStream chars =
        pos.charsAreCodePoints() ? new StringCharStream(text, fileName) : CharStreams.fromString(text, fileName);
    HclLexer lexer = Session.lexer(chars, true, false);
    lexer.setTokenFactory(new LeafToken.Factory(text, pos));
    HclParser parser = Session.fast(new HclParser(new UnbufferedTokenStream<>(new VisibleTokens(lexer))));
    List<Diagnostic> diags = new ArrayList<>();
    AstBuilder builder = new AstBuilder(pos, diags);
    TopLevelItems items = new TopLevelItems(builder);
    parser.setRuleExitHook(items);
    try {
      parser.configFile();
    } catch (ParseCancellationException e) {
      return null;
    }
    if (lexer.sawInvalidToken()) {
      return null;
    }
    return new ParseResult<>(builder.body(items.built, pos.range(0, pos.codePointCount())), Diagnostics.of(diags));
  }

  private static ParseResult<Body> parseFileBuffered(String text, String fileName) {
    Session s = new Session(text, fileName, true, false);
    List<Diagnostic> diags = new ArrayList<>(s.tokenDiagnostics());
    Body body = null;
    if (diags.isEmpty()) {
      HclParser parser = s.fastParser();
      AstBuilder builder = s.builder(diags);
      TopLevelItems items = new TopLevelItems(builder);
      parser.setRuleExitHook(items);
      try {
        parser.configFile();
        body = builder.body(items.built, s.pos.range(0, s.pos.codePointCount()));
      } catch (ParseCancellationException e) {
        diags.clear();
      } finally {
        parser.setRuleExitHook(null);
      }
    }
    if (body == null) {
      body = new RecoveringParser(s, diags).parseFile();
    }
    return new ParseResult<>(body, Diagnostics.of(diags));
  }

  /** The second stage alone, so tests can check that both stages build the same tree. */
  static ParseResult<Body> parseFileSecondStageOnly(String text, String fileName) {
    Session s = new Session(text, fileName, true, false);
    List<Diagnostic> diags = new ArrayList<>(s.tokenDiagnostics());
    Body body = new RecoveringParser(s, diags).parseFile();
    return new ParseResult<>(body, Diagnostics.of(diags));
  }

  /** Parses one expression, as in {@code kplan console} or an expression-valued option. */
  public static ParseResult<Expr> parseExpression(String text, String fileName) {
    Session s = new Session(text, fileName, true, false);
    List<Diagnostic> diags = new ArrayList<>(s.tokenDiagnostics());
    Expr expr = null;
    if (diags.isEmpty()) {
      try {
        HclParser.ExpressionFileContext tree = s.fastParser().expressionFile();
        expr = s.builder(diags).expression(tree.expression());
      } catch (ParseCancellationException e) {
        diags.clear();
      }
    }
    if (expr == null) {
      expr = new RecoveringParser(s, diags).parseExpressionFile();
    }
    return new ParseResult<>(expr, Diagnostics.of(diags));
  }

  /**
   * Parses template text without surrounding quotes, as {@code templatefile} reads it. The result
   * is always a {@link TemplateExpr}; a template that is a single interpolation becomes one
   * interpolation part.
   */
  public static ParseResult<TemplateExpr> parseTemplate(String text, String fileName) {
    Session s = new Session(text, fileName, false, true);
    List<Diagnostic> diags = new ArrayList<>(s.tokenDiagnostics());
    Expr expr = null;
    if (diags.isEmpty()) {
      try {
        HclParser.TemplateFileContext tree = s.fastParser().templateFile();
        expr = s.builder(diags).template(tree.templateItem(), false, false, null, null);
      } catch (ParseCancellationException e) {
        diags.clear();
      }
    }
    if (expr == null) {
      expr = new RecoveringParser(s, diags).parseTemplateFile();
    }
    return new ParseResult<>(asTemplate(expr), Diagnostics.of(diags));
  }

  private static TemplateExpr asTemplate(Expr expr) {
    if (expr instanceof TemplateExpr t) {
      return t;
    }
    if (expr instanceof dev.kplan.lang.ast.TemplateWrapExpr w) {
      return new TemplateExpr(List.of(new TemplatePart.Interpolation(w.wrapped(), w.range())), false, w.range());
    }
    if (expr instanceof dev.kplan.lang.ast.LiteralExpr l && l.value() instanceof dev.kplan.lang.value.StringValue sv) {
      return new TemplateExpr(List.of(new TemplatePart.Literal(sv.value(), l.range())), false, l.range());
    }
    return new TemplateExpr(List.of(), false, expr.range());
  }

  /**
   * Builds each top-level body item as soon as the fast parse has finished it and drops its parse
   * tree, so that a large file never holds its whole parse tree next to the AST: the AST is built
   * item by item, as hclsyntax's parser does, with the same diagnostics in the same order.
   */
  private static final class TopLevelItems implements Consumer<ParserRuleContext> {
    final List<BodyItem> built = new ArrayList<>();
    private final AstBuilder builder;

    TopLevelItems(AstBuilder builder) {
      this.builder = builder;
    }

    @Override
    public void accept(ParserRuleContext ctx) {
      // rules also exit while a bail-out unwinds: those contexts carry the exception
      if (ctx instanceof HclParser.BodyItemContext item
          && ctx.exception == null
          && ctx.getParent() != null
          && ctx.getParent().getParent() instanceof HclParser.ConfigFileContext) {
        built.add(builder.bodyItem(item));
        ((ParserRuleContext) ctx.getParent()).removeLastChild();
      }
    }
  }

  /**
   * Bails out at the first syntax error without describing it: the second stage reports errors.
   * (Describing one reads token text through the token stream, which a streaming stream cannot do
   * for tokens it no longer holds.)
   */
  private static final class SilentBailStrategy extends BailErrorStrategy {
    @Override
    public void reportError(org.antlr.v4.runtime.Parser recognizer, RecognitionException e) {}
  }

  /** Lexed input shared by both stages. */
  static final class Session {
    final String fileName;
    final SourcePositions pos;
    final CommonTokenStream tokens;
    final HclParser parser;
    private final HclLexer lexer;

    Session(String text, String fileName, boolean finalNewline, boolean templateMode) {
      Objects.requireNonNull(text, "text is null");
      this.fileName = Objects.requireNonNull(fileName, "fileName is null");
      this.pos = new SourcePositions(fileName, text);
      this.lexer = lexer(CharStreams.fromString(text, fileName), finalNewline, templateMode);
      this.tokens = new CommonTokenStream(lexer);
      tokens.fill();
      this.parser = new HclParser(tokens);
      parser.removeErrorListeners();
    }

    static HclLexer lexer(CharStream chars, boolean finalNewline, boolean templateMode) {
      HclLexer lexer = new HclLexer(chars);
      lexer.removeErrorListeners();
      lexer.setFinalNewline(finalNewline);
      if (templateMode) {
        lexer.pushMode(HclLexer.HEREDOC);
      }
      return lexer;
    }

    HclParser fastParser() {
      return fast(parser);
    }

    /** The first stage's settings: SLL prediction, and the first syntax error cancels the parse. */
    static HclParser fast(HclParser parser) {
      parser.removeErrorListeners();
      parser.setErrorHandler(new SilentBailStrategy());
      parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
      return parser;
    }

    AstBuilder builder(List<Diagnostic> diags) {
      return new AstBuilder(pos, diags);
    }

    SourceRange range(Token t) {
      return pos.range(t.getStartIndex(), t.getStopIndex() + 1);
    }

    /** hclsyntax reports invalid tokens in a pass of their own, before parsing. */
    List<Diagnostic> tokenDiagnostics() {
      List<Diagnostic> out = new ArrayList<>();
      if (!lexer.sawInvalidToken()) {
        return out;
      }
      for (Token t : tokens.getTokens()) {
        if (!SyntaxErrors.mayBeInvalid(t)) {
          continue;
        }
        Diagnostic d = SyntaxErrors.invalidToken(t, range(t));
        if (d != null) {
          out.add(d);
        }
      }
      return out;
    }
  }
}
