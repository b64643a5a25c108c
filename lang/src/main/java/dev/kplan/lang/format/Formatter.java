package dev.kplan.lang.format;

import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.BodyItem;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.format.FmtToken.Kind;
import dev.kplan.lang.syntax.ParseResult;
import dev.kplan.lang.syntax.Parser;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats configuration text as {@code terraform fmt} does: hclwrite's layout (indentation, spacing,
 * aligned {@code =} and trailing comments), bare block labels quoted, {@code "${x}"} attribute values
 * unwrapped to {@code x}, and legacy variable types normalised. Text that does not parse is left
 * alone: formatting broken input could change its meaning.
 */
public final class Formatter {
  private Formatter() {}

  public static FormatResult format(String source, String fileName) {
    String src = source.replace("\r\n", "\n");
    ParseResult<Body> parsed = Parser.parseFile(src, fileName);
    if (parsed.diagnostics().hasErrors() || parsed.value() == null) {
      return new FormatResult(source, parsed.diagnostics());
    }
    List<FmtToken> tokens = FmtLexer.tokens(src);
    tokens = normalise(tokens, parsed.value(), List.of());
    TokenLayout.format(tokens);
    return new FormatResult(TokenLayout.print(tokens), parsed.diagnostics());
  }

  /** Applies Terraform's token rewrites body by body; returns the (possibly new) token list. */
  private static List<FmtToken> normalise(List<FmtToken> tokens, Body body, List<String> inBlocks) {
    List<FmtToken> out = tokens;
    // later items first, so that rewriting one does not move the offsets of those still to come
    List<BodyItem> items = new ArrayList<>(body.items());
    java.util.Collections.reverse(items);
    for (BodyItem item : items) {
      if (item instanceof Attribute a) {
        boolean variableType = inBlocks.size() == 1 && inBlocks.get(0).equals("variable") && a.name().equals("type");
        out = rewriteRange(out, a.expr(), variableType);
      } else if (item instanceof Block b) {
        List<String> nested = new ArrayList<>(inBlocks);
        nested.add(b.type());
        out = normalise(out, b.body(), nested);
        out = quoteLabels(out, b);
      }
    }
    return out;
  }

  private static List<FmtToken> quoteLabels(List<FmtToken> tokens, Block b) {
    List<FmtToken> out = tokens;
    for (int i = b.labelRanges().size() - 1; i >= 0; i--) {
      SourceRange r = b.labelRanges().get(i);
      int at = indexAt(out, r.startOffset());
      if (at >= 0 && out.get(at).kind == Kind.IDENT) {
        FmtToken bare = out.get(at);
        List<FmtToken> copy = new ArrayList<>(out);
        copy.remove(at);
        copy.add(at, new FmtToken(Kind.CQUOTE, "\"", bare.offset));
        copy.add(at, new FmtToken(Kind.QUOTED_LIT, bare.text, bare.offset));
        copy.add(at, new FmtToken(Kind.OQUOTE, "\"", bare.offset));
        out = copy;
      }
    }
    return out;
  }

  private static List<FmtToken> rewriteRange(List<FmtToken> tokens, Expr expr, boolean variableType) {
    int from = indexAt(tokens, expr.range().startOffset());
    int to = from;
    while (to < tokens.size() && tokens.get(to).offset < expr.range().endOffset() && tokens.get(to).offset >= 0) {
      to++;
    }
    if (from < 0 || to <= from) {
      return tokens;
    }
    List<FmtToken> exprTokens = tokens.subList(from, to);
    List<FmtToken> replaced = variableType ? typeExpr(exprTokens) : valueExpr(exprTokens);
    if (replaced == exprTokens) {
      return tokens;
    }
    List<FmtToken> out = new ArrayList<>(tokens.subList(0, from));
    out.addAll(replaced);
    out.addAll(tokens.subList(to, tokens.size()));
    return out;
  }

  /** {@code "${foo}"} → {@code foo}, as Terraform's fmt does when the template is nothing else. */
  static List<FmtToken> valueExpr(List<FmtToken> tokens) {
    int n = tokens.size();
    if (n < 5 || tokens.get(0).kind != Kind.OQUOTE || tokens.get(1).kind != Kind.TEMPLATE_INTERP
        || tokens.get(n - 2).kind != Kind.TEMPLATE_SEQ_END || tokens.get(n - 1).kind != Kind.CQUOTE) {
      return tokens;
    }
    List<FmtToken> inside = tokens.subList(2, n - 2);
    int quotes = 0;
    for (FmtToken t : inside) {
      if (t.kind == Kind.OQUOTE) {
        quotes++;
        continue;
      }
      if (t.kind == Kind.CQUOTE) {
        quotes--;
        continue;
      }
      if (quotes > 0) {
        continue;
      }
      if (t.kind == Kind.TEMPLATE_INTERP || t.kind == Kind.TEMPLATE_SEQ_END || t.kind == Kind.QUOTED_LIT) {
        return tokens;
      }
    }
    int start = 0;
    int end = inside.size();
    while (start < end && inside.get(start).kind == Kind.NEWLINE) {
      start++;
    }
    while (end > start && inside.get(end - 1).kind == Kind.NEWLINE) {
      end--;
    }
    List<FmtToken> trimmed = new ArrayList<>(inside.subList(start, end));
    boolean multiLine = false;
    for (FmtToken t : trimmed) {
      multiLine |= t.kind == Kind.NEWLINE;
    }
    boolean parens = !trimmed.isEmpty() && trimmed.get(0).kind == Kind.OPAREN
        && trimmed.get(trimmed.size() - 1).kind == Kind.CPAREN;
    if (multiLine && !parens) {
      trimmed.add(0, new FmtToken(Kind.OPAREN, "(", -1));
      trimmed.add(new FmtToken(Kind.CPAREN, ")", -1));
    }
    return trimmed;
  }

  /** {@code list} → {@code list(any)}; legacy {@code "string"}, {@code "list"}, {@code "map"} → their modern form. */
  static List<FmtToken> typeExpr(List<FmtToken> tokens) {
    if (tokens.size() == 1 && tokens.get(0).kind == Kind.IDENT) {
      String kw = tokens.get(0).text;
      if (kw.equals("list") || kw.equals("map") || kw.equals("set")) {
        return collection(kw, "any");
      }
      return tokens;
    }
    if (tokens.size() == 3 && tokens.get(0).kind == Kind.OQUOTE && tokens.get(1).kind == Kind.QUOTED_LIT
        && tokens.get(2).kind == Kind.CQUOTE) {
      switch (tokens.get(1).text) {
        case "string":
          return List.of(new FmtToken(Kind.IDENT, "string", -1));
        case "list":
          return collection("list", "string");
        case "map":
          return collection("map", "string");
        default:
          return tokens;
      }
    }
    return tokens;
  }

  private static List<FmtToken> collection(String kind, String element) {
    return new ArrayList<>(List.of(
        new FmtToken(Kind.IDENT, kind, -1),
        new FmtToken(Kind.OPAREN, "(", -1),
        new FmtToken(Kind.IDENT, element, -1),
        new FmtToken(Kind.CPAREN, ")", -1)));
  }

  private static int indexAt(List<FmtToken> tokens, int offset) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).offset == offset) {
        return i;
      }
    }
    return -1;
  }
}
