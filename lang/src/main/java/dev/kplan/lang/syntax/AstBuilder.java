package dev.kplan.lang.syntax;

import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.BinaryOpExpr;
import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.BodyItem;
import dev.kplan.lang.ast.ConditionalExpr;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.ForExpr;
import dev.kplan.lang.ast.FunctionCallExpr;
import dev.kplan.lang.ast.IndexExpr;
import dev.kplan.lang.ast.LiteralExpr;
import dev.kplan.lang.ast.ObjectExpr;
import dev.kplan.lang.ast.Operation;
import dev.kplan.lang.ast.ParenExpr;
import dev.kplan.lang.ast.RelativeTraversalExpr;
import dev.kplan.lang.ast.SplatExpr;
import dev.kplan.lang.ast.SplatItemExpr;
import dev.kplan.lang.ast.TemplateExpr;
import dev.kplan.lang.ast.TemplatePart;
import dev.kplan.lang.ast.TemplateWrapExpr;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.ast.Traverser;
import dev.kplan.lang.ast.TupleExpr;
import dev.kplan.lang.ast.UnaryOpExpr;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ErrorNode;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the {@code lang.ast} tree from ANTLR parse trees, one pass, linear in the input. Problems
 * that the grammar cannot express (legacy index chains, invalid escapes, unbalanced template
 * directives, repeated arguments, ambiguous object keys) are reported as diagnostics here.
 */
final class AstBuilder {
  private final SourcePositions pos;
  private final List<Diagnostic> diags;

  // Names and short strings repeat a lot in configurations; sharing them keeps large trees small.
  private final NamePool pool = new NamePool();
  private final HashMap<String, StringValue> stringValues = new HashMap<>();
  private final HashMap<String, NumberValue> numberValues = new HashMap<>();

  AstBuilder(SourcePositions pos, List<Diagnostic> diags) {
    this.pos = pos;
    this.diags = diags;
  }

  String share(String s) {
    return s.length() > NamePool.MAX_LENGTH ? s : pool.intern(s);
  }

  /** The text of an identifier, shared; as {@code getText()} when the context is not a single token. */
  private String identifierText(HclParser.IdentifierContext c) {
    if (c.getChildCount() == 1 && c.getChild(0) instanceof TerminalNode t && !(t instanceof ErrorNode)) {
      return text(t.getSymbol());
    }
    return share(c.getText());
  }

  /** The text of {@code t}, shared; a streamed token's text is looked up without copying it first. */
  String text(Token t) {
    return t instanceof LeafToken leaf ? leaf.sharedText(pool) : share(t.getText());
  }

  private StringValue stringValue(String s) {
    if (s.length() > NamePool.MAX_LENGTH) {
      return Value.string(s);
    }
    StringValue v = stringValues.get(s);
    if (v == null) {
      v = Value.string(share(s));
      stringValues.put(s, v);
    }
    return v;
  }

  // ---- ranges ----

  SourceRange range(Token t) {
    return pos.range(t.getStartIndex(), t.getStopIndex() + 1);
  }

  SourceRange range(Token from, Token to) {
    return pos.range(from.getStartIndex(), Math.max(from.getStartIndex(), to.getStopIndex() + 1));
  }

  SourceRange range(ParserRuleContext ctx) {
    Token stop = ctx.getStop() == null ? ctx.getStart() : ctx.getStop();
    return range(ctx.getStart(), stop);
  }

  SourceRange range(TerminalNode n) {
    return range(n.getSymbol());
  }

  // ---- bodies ----

  Body body(HclParser.BodyContext ctx, SourceRange range) {
    List<BodyItem> items = new ArrayList<>();
    int n = ctx.getChildCount();
    for (int i = 0; i < n; i++) {
      if (ctx.getChild(i) instanceof HclParser.BodyItemContext item) {
        items.add(bodyItem(item));
      }
    }
    return body(items, range);
  }

  BodyItem bodyItem(HclParser.BodyItemContext item) {
    ParseTree inner = item.getChild(0);
    if (inner instanceof HclParser.AttributeContext a) {
      return attribute(a.getStart(), (HclParser.ExpressionContext) a.getChild(2));
    }
    return block((HclParser.BlockContext) inner);
  }

  /** A body from its items, reporting repeated argument names as hclsyntax does. */
  Body body(List<BodyItem> items, SourceRange range) {
    Map<String, Attribute> seen = null;
    for (BodyItem item : items) {
      if (item instanceof Attribute a) {
        if (seen == null) {
          seen = new HashMap<>();
        }
        Attribute existing = seen.putIfAbsent(a.name(), a);
        if (existing != null) {
          diags.add(Diagnostic.error("Attribute redefined",
              "The argument \"" + a.name() + "\" was already set at " + Ranges.hcl(existing.nameRange())
                  + ". Each argument may be set only once.",
              a.nameRange()));
        }
      }
    }
    return new Body(items, range);
  }

  Attribute attribute(Token name, HclParser.ExpressionContext exprCtx) {
    Expr expr = expression(exprCtx);
    SourceRange nameRange = range(name);
    return new Attribute(text(name), expr, nameRange, nameRange.to(expr.range()));
  }

  private Block block(HclParser.BlockContext ctx) {
    Token type = ctx.identifier().getStart();
    List<String> labels = new ArrayList<>();
    List<SourceRange> labelRanges = new ArrayList<>();
    for (HclParser.BlockLabelContext l : ctx.blockLabel()) {
      labels.add(share(label(l)));
      labelRanges.add(range(l));
    }
    Token open = ctx.LBRACE().getSymbol();
    Token close = ctx.RBRACE().getSymbol();
    SourceRange bodyRange = range(open, close);
    Body body;
    if (ctx.body() != null) {
      body = body(ctx.body(), bodyRange);
    } else if (ctx.oneLineAttribute() != null) {
      HclParser.OneLineAttributeContext a = ctx.oneLineAttribute();
      body = new Body(List.of(attribute(a.identifier().getStart(), a.expression())), bodyRange);
    } else {
      body = new Body(List.of(), bodyRange);
    }
    return new Block(text(type), labels, body, range(type), labelRanges, range(open), range(type, close));
  }

  private String label(HclParser.BlockLabelContext l) {
    if (l.identifier() != null) {
      return identifierText(l.identifier());
    }
    StringBuilder sb = new StringBuilder();
    for (TerminalNode lit : l.Q_LIT()) {
      sb.append(literalText(lit.getSymbol(), true));
    }
    return sb.toString();
  }

  String literalText(Token t, boolean quoted) {
    return StringLiterals.decode(text(t), quoted, t.getStartIndex(), pos, diags);
  }

  // ---- expressions ----

  Expr expression(HclParser.ExpressionContext ctx) {
    int n = ctx.getChildCount();
    int at = operandEnd(ctx, 0);
    Expr first = operand(ctx, 0, at);
    if (at == n) {
      return first;
    }
    Expr cond = first;
    if (!isToken(ctx.getChild(at), HclLexer.QUESTION)) {
      ArrayDeque<Expr> values = new ArrayDeque<>();
      ArrayDeque<Operation> ops = new ArrayDeque<>();
      values.push(first);
      while (at < n && !isToken(ctx.getChild(at), HclLexer.QUESTION)) {
        Operation op = binaryOp(((TerminalNode) ctx.getChild(at++)).getSymbol().getType());
        int prec = precedence(op);
        while (!ops.isEmpty() && precedence(ops.peek()) >= prec) {
          reduce(values, ops.pop());
        }
        ops.push(op);
        int end = operandEnd(ctx, at);
        values.push(operand(ctx, at, end));
        at = end;
      }
      while (!ops.isEmpty()) {
        reduce(values, ops.pop());
      }
      cond = values.pop();
      if (at == n) {
        return cond;
      }
    }
    Expr whenTrue = expression((HclParser.ExpressionContext) ctx.getChild(at + 1));
    Expr whenFalse = expression((HclParser.ExpressionContext) ctx.getChild(at + 3));
    return new ConditionalExpr(cond, whenTrue, whenFalse, cond.range().to(whenFalse.range()));
  }

  /** The index after the operand of {@code ctx} that starts at child {@code from}: prefix operators, a term, postfix steps. */
  private static int operandEnd(HclParser.ExpressionContext ctx, int from) {
    int i = from;
    while (!(ctx.getChild(i) instanceof HclParser.TermContext)) {
      i++;
    }
    i++;
    int n = ctx.getChildCount();
    while (i < n && ctx.getChild(i) instanceof HclParser.PostfixContext) {
      i++;
    }
    return i;
  }

  private static boolean isToken(ParseTree t, int type) {
    return t instanceof TerminalNode n && n.getSymbol().getType() == type;
  }

  /** The operand of {@code ctx} in children {@code [from, end)}: prefix operators, a term and its postfix steps. */
  private Expr operand(HclParser.ExpressionContext ctx, int from, int end) {
    int termIndex = from;
    while (!(ctx.getChild(termIndex) instanceof HclParser.TermContext)) {
      termIndex++;
    }
    Expr e = term((HclParser.TermContext) ctx.getChild(termIndex));
    if (termIndex + 1 < end) {
      List<HclParser.PostfixContext> steps = new ArrayList<>(end - termIndex - 1);
      for (int i = termIndex + 1; i < end; i++) {
        steps.add((HclParser.PostfixContext) ctx.getChild(i));
      }
      e = traversals(e, steps, new int[] {0});
    }
    for (int i = termIndex - 1; i >= from; i--) {
      Token op = ((TerminalNode) ctx.getChild(i)).getSymbol();
      e = new UnaryOpExpr(op.getType() == HclLexer.MINUS ? Operation.NEGATE : Operation.NOT, e, range(op).to(e.range()));
    }
    return e;
  }

  private static void reduce(ArrayDeque<Expr> values, Operation op) {
    Expr rhs = values.pop();
    Expr lhs = values.pop();
    values.push(new BinaryOpExpr(op, lhs, rhs, lhs.range().to(rhs.range())));
  }

  /** hclsyntax's table (operation.go): || < && < == != < > >= < <= < + - < * / %. */
  private static int precedence(Operation op) {
    switch (op) {
      case OR: return 1;
      case AND: return 2;
      case EQUAL: case NOT_EQUAL: return 3;
      case GREATER: case GREATER_OR_EQUAL: case LESS: case LESS_OR_EQUAL: return 4;
      case ADD: case SUBTRACT: return 5;
      default: return 6;
    }
  }

  private static Operation binaryOp(int type) {
    switch (type) {
      case HclLexer.STAR: return Operation.MULTIPLY;
      case HclLexer.SLASH: return Operation.DIVIDE;
      case HclLexer.PERCENT: return Operation.MODULO;
      case HclLexer.PLUS: return Operation.ADD;
      case HclLexer.MINUS: return Operation.SUBTRACT;
      case HclLexer.LT: return Operation.LESS;
      case HclLexer.LE: return Operation.LESS_OR_EQUAL;
      case HclLexer.GT: return Operation.GREATER;
      case HclLexer.GE: return Operation.GREATER_OR_EQUAL;
      case HclLexer.EQEQ: return Operation.EQUAL;
      case HclLexer.NEQ: return Operation.NOT_EQUAL;
      case HclLexer.AND: return Operation.AND;
      case HclLexer.OR: return Operation.OR;
      default: throw new IllegalStateException("not a binary operator: " + type);
    }
  }

  /**
   * hclsyntax's parseExpressionTraversals: applies steps from {@code cursor} on to {@code from}. A run
   * of static steps extends the traversal once, not once per step.
   */
  private Expr traversals(Expr from, List<HclParser.PostfixContext> steps, int[] cursor) {
    Expr ret = from;
    List<Traverser> run = null; // static steps not yet applied to ret
    while (cursor[0] < steps.size()) {
      HclParser.PostfixContext p = steps.get(cursor[0]++);
      if (p instanceof HclParser.GetAttrContext g) {
        run = add(run, new Traverser.GetAttr(text(g.name), range(g)));
      } else if (p instanceof HclParser.LegacyIndexContext l) {
        run = add(run, legacyIndex(l.NUMBER().getSymbol(), range(l), false));
      } else if (p instanceof HclParser.AttrSplatContext s) {
        ret = attrSplat(from, extend(ret, run), s, steps, cursor);
        run = null;
      } else if (p instanceof HclParser.FullSplatContext f) {
        SplatItemExpr item = new SplatItemExpr(range(f));
        Expr each = traversals(item, steps, cursor);
        ret = new SplatExpr(extend(ret, run), each, true, from.range().to(each.range()));
        run = null;
      } else {
        HclParser.IndexContext x = (HclParser.IndexContext) p;
        Expr key = expression(x.expression());
        SourceRange r = range(x);
        if (key instanceof LiteralExpr lit) {
          run = add(run, new Traverser.Index(lit.value(), r));
        } else {
          ret = new IndexExpr(extend(ret, run), key, from.range().to(r));
          run = null;
        }
      }
    }
    return extend(ret, run);
  }

  private static List<Traverser> add(List<Traverser> run, Traverser t) {
    if (run == null) {
      run = new ArrayList<>(4);
    }
    run.add(t);
    return run;
  }

  /** Extends a traversal by static steps (in source order), as hclsyntax's makeRelativeTraversal does step by step. */
  private static Expr extend(Expr ret, List<Traverser> run) {
    if (run == null) {
      return ret;
    }
    SourceRange last = run.get(run.size() - 1).range();
    if (ret instanceof TraversalExpr tr) {
      return new TraversalExpr(tr.root(), tr.rootRange(), concat(tr.steps(), run), tr.range().to(last));
    }
    if (ret instanceof RelativeTraversalExpr rel) {
      return new RelativeTraversalExpr(rel.source(), concat(rel.steps(), run), rel.range().to(last));
    }
    return new RelativeTraversalExpr(ret, run, ret.range().to(last));
  }

  private static List<Traverser> concat(List<Traverser> steps, List<Traverser> run) {
    if (steps.isEmpty()) {
      return run;
    }
    List<Traverser> all = new ArrayList<>(steps.size() + run.size());
    all.addAll(steps);
    all.addAll(run);
    return all;
  }

  private Expr attrSplat(Expr from, Expr source, HclParser.AttrSplatContext s, List<HclParser.PostfixContext> steps,
      int[] cursor) {
    SourceRange marker = range(s);
    SplatItemExpr item = new SplatItemExpr(marker);
    List<Traverser> trav = new ArrayList<>();
    SourceRange last = marker;
    while (cursor[0] < steps.size()) {
      HclParser.PostfixContext p = steps.get(cursor[0]);
      if (p instanceof HclParser.GetAttrContext g) {
        last = range(g);
        trav.add(new Traverser.GetAttr(text(g.name), last));
      } else if (p instanceof HclParser.LegacyIndexContext l) {
        last = range(l);
        trav.add(legacyIndex(l.NUMBER().getSymbol(), last, true));
      } else {
        if (p instanceof HclParser.AttrSplatContext nested) {
          diags.add(Diagnostic.error("Nested splat expression not allowed",
              "A splat expression (*) cannot be used inside another attribute-only splat expression.",
              range(nested.STAR())));
        }
        break;
      }
      cursor[0]++;
    }
    Expr each = trav.isEmpty() ? item : new RelativeTraversalExpr(item, trav, trav.get(0).range().to(last));
    return new SplatExpr(source, each, false, from.range().to(last));
  }

  private Traverser legacyIndex(Token num, SourceRange r, boolean inSplat) {
    String text = num.getText();
    int dot = text.indexOf('.');
    if (dot >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
      if (dot >= 0) {
        String first = text.substring(0, dot);
        String second = text.substring(dot + 1);
        diags.add(Diagnostic.error("Invalid legacy index syntax",
            "When using the legacy index syntax, chaining two indexes together is not permitted. Use the proper index "
                + "syntax" + (inSplat ? " with a full splat expression [*]" : "") + " instead, like [" + first + "]["
                + second + "].",
            range(num)));
        return new Traverser.Index(Value.unknownOf(Type.DYNAMIC), r);
      }
    }
    return new Traverser.Index(Value.number(new BigDecimal(text)), r);
  }

  private Expr term(HclParser.TermContext ctx) {
    if (ctx instanceof HclParser.NameTermContext n) {
      return name(n.name);
    }
    if (ctx instanceof HclParser.NumberTermContext n) {
      return number(n.NUMBER().getSymbol());
    }
    if (ctx instanceof HclParser.CallTermContext c) {
      return call(c.functionCall());
    }
    if (ctx instanceof HclParser.QuotedTermContext q) {
      HclParser.QuotedTemplateContext t = q.quotedTemplate();
      return template(t.templateItem(), false, false, t.getStart(), t.getStop());
    }
    if (ctx instanceof HclParser.HeredocTermContext h) {
      HclParser.HeredocTemplateContext t = h.heredocTemplate();
      Token open = t.getStart();
      return template(t.templateItem(), true, open.getText().startsWith("<<-"), open, t.getStop());
    }
    if (ctx instanceof HclParser.ParenTermContext p) {
      return new ParenExpr(expression(p.expression()), range(p));
    }
    if (ctx instanceof HclParser.TupleTermContext t) {
      List<Expr> elements = new ArrayList<>();
      for (HclParser.ExpressionContext e : t.tuple().expression()) {
        elements.add(expression(e));
      }
      return new TupleExpr(elements, range(t));
    }
    if (ctx instanceof HclParser.ObjectTermContext o) {
      return object(o.object());
    }
    if (ctx instanceof HclParser.ForTupleTermContext f) {
      HclParser.ForTupleContext t = f.forTuple();
      return forExpr(t.forIntro(), t.expression(), t.FAT_ARROW() != null, t.ELLIPSIS(), t.forCondition(), false,
          range(t));
    }
    HclParser.ForObjectContext t = ((HclParser.ForObjectTermContext) ctx).forObject();
    return forExpr(t.forIntro(), t.expression(), t.FAT_ARROW() != null, t.ELLIPSIS(), t.forCondition(), true,
        range(t));
  }

  private Expr name(Token t) {
    SourceRange r = range(t);
    String text = text(t);
    switch (text) {
      case "true": return new LiteralExpr(Value.bool(true), r);
      case "false": return new LiteralExpr(Value.bool(false), r);
      case "null": return new LiteralExpr(Value.nullOf(Type.DYNAMIC), r);
      default: return new TraversalExpr(text, r, List.of(), r);
    }
  }

  private Expr number(Token t) {
    String text = text(t);
    NumberValue v = numberValues.get(text);
    if (v == null) {
      v = Value.number(new BigDecimal(text));
      numberValues.put(text, v);
    }
    return new LiteralExpr(v, range(t));
  }

  private Expr call(HclParser.FunctionCallContext c) {
    List<HclParser.IdentifierContext> names = c.identifier();
    String name;
    if (names.size() == 1) {
      name = identifierText(names.get(0));
    } else {
      StringBuilder sb = new StringBuilder();
      for (HclParser.IdentifierContext n : names) {
        if (sb.length() > 0) {
          sb.append("::");
        }
        sb.append(n.getText());
      }
      name = sb.toString();
    }
    List<Expr> args = new ArrayList<>();
    boolean expand = false;
    if (c.arguments() != null) {
      for (HclParser.ExpressionContext e : c.arguments().expression()) {
        args.add(expression(e));
      }
      expand = c.arguments().ELLIPSIS() != null;
    }
    SourceRange nameRange = range(names.get(0).getStart(), names.get(names.size() - 1).getStart());
    return new FunctionCallExpr(name, args, expand, nameRange, range(c));
  }

  private Expr object(HclParser.ObjectContext o) {
    List<ObjectExpr.Item> items = new ArrayList<>();
    int n = o.getChildCount();
    for (int i = 0; i < n; i++) {
      if (!(o.getChild(i) instanceof HclParser.ObjectItemContext item)) {
        continue;
      }
      Expr key = objectKey(item.key);
      Expr value = expression(item.value);
      items.add(new ObjectExpr.Item(key, value, key.range().to(value.range())));
    }
    return new ObjectExpr(items, range(o));
  }

  /** hclsyntax's ObjectConsKeyExpr: a bare name is a string; a naked multi-step traversal is ambiguous. */
  private Expr objectKey(HclParser.ExpressionContext ctx) {
    if (ctx.getStart() == ctx.getStop() && isIdentifierToken(ctx.getStart().getType())) {
      return new LiteralExpr(stringValue(text(ctx.getStart())), range(ctx.getStart()));
    }
    Expr key = expression(ctx);
    if (key instanceof TraversalExpr t && !t.steps().isEmpty()) {
      diags.add(Diagnostic.error("Ambiguous attribute key",
          "If this expression is intended to be a reference, wrap it in parentheses. If it's instead intended as a "
              + "literal name containing periods, wrap it in quotes to create a string literal.",
          key.range()));
    }
    return key;
  }

  static boolean isIdentifierToken(int type) {
    return type == HclLexer.IDENT || type == HclLexer.FOR || type == HclLexer.IN || type == HclLexer.IF
        || type == HclLexer.ELSE || type == HclLexer.ENDIF || type == HclLexer.ENDFOR;
  }

  private Expr forExpr(HclParser.ForIntroContext intro, List<HclParser.ExpressionContext> exprs, boolean hasKey,
      TerminalNode ellipsis, HclParser.ForConditionContext cond, boolean objectForm, SourceRange range) {
    List<HclParser.IdentifierContext> names = intro.identifier();
    String keyVar = names.size() > 1 ? identifierText(names.get(0)) : null;
    String valueVar = identifierText(names.get(names.size() - 1));
    Expr collection = expression(intro.expression());
    Expr keyExpr = hasKey ? expression(exprs.get(0)) : null;
    Expr valueExpr = expression(exprs.get(hasKey ? 1 : 0));
    Expr condition = cond == null ? null : expression(cond.expression());
    boolean grouped = ellipsis != null;
    if (!objectForm) {
      if (keyExpr != null) {
        diags.add(Diagnostic.error("Invalid 'for' expression", "Key expression is not valid when building a tuple.",
            keyExpr.range()).withContext(range));
        keyExpr = null;
      }
      if (grouped) {
        diags.add(Diagnostic.error("Invalid 'for' expression",
            "Grouping ellipsis (...) cannot be used when building a tuple.", range(ellipsis)).withContext(range));
        grouped = false;
      }
    } else if (keyExpr == null) {
      diags.add(Diagnostic.error("Invalid 'for' expression", "Key expression is required when building an object.",
          valueExpr.range()).withContext(range));
      keyExpr = valueExpr;
    }
    return new ForExpr(keyVar, valueVar, collection, keyExpr, valueExpr, condition, grouped, range);
  }

  // ---- templates ----

  /**
   * A quoted string, heredoc or template file. {@code open}/{@code close} are null for a template
   * file, whose range is the whole input.
   */
  Expr template(List<HclParser.TemplateItemContext> items, boolean heredoc, boolean flush, Token open, Token close) {
    List<TemplateAssembler.Piece> pieces = new ArrayList<>(items.size());
    boolean quoted = open != null && !heredoc;
    TemplateAssembler.Piece lit = null;
    StringBuilder litText = null; // only when a literal spans several tokens
    for (HclParser.TemplateItemContext item : items) {
      if (item instanceof HclParser.TplLiteralContext l) {
        Token t = l.getStart();
        String text = literalText(t, quoted);
        if (lit == null) {
          lit = TemplateAssembler.Piece.literal(text, t.getStartIndex(), t.getStopIndex() + 1);
          litText = null;
        } else {
          if (litText == null) {
            litText = new StringBuilder(lit.text);
          }
          litText.append(text);
          lit.endCp = t.getStopIndex() + 1;
        }
        // hclsyntax's scanner yields one literal token per line in heredocs and templates.
        if (!quoted && text.endsWith("\n")) {
          pieces.add(closeLiteral(lit, litText));
          lit = null;
        }
        continue;
      }
      if (lit != null) {
        pieces.add(closeLiteral(lit, litText));
        lit = null;
      }
      pieces.add(sequence(item));
    }
    if (lit != null) {
      pieces.add(closeLiteral(lit, litText));
    }
    SourceRange whole;
    SourceRange endRange;
    if (open != null) {
      whole = range(open, close);
      endRange = range(close);
    } else {
      whole = pos.range(0, pos.codePointCount());
      endRange = pos.point(pos.codePointCount());
    }
    TemplateAssembler.Result r = new TemplateAssembler(pos, diags, this::share).assemble(pieces, flush, endRange);
    if (r.passthrough()) {
      TemplatePart.Interpolation only = (TemplatePart.Interpolation) r.parts().get(0);
      return new TemplateWrapExpr(only.expr(), whole);
    }
    if (quoted && r.onlyLiterals()) {
      List<TemplatePart> parts = r.parts();
      String text;
      if (parts.size() == 1) {
        text = ((TemplatePart.Literal) parts.get(0)).text();
      } else {
        StringBuilder sb = new StringBuilder();
        for (TemplatePart p : parts) {
          sb.append(((TemplatePart.Literal) p).text());
        }
        text = sb.toString();
      }
      return new LiteralExpr(stringValue(text), whole);
    }
    return new TemplateExpr(r.parts(), heredoc, whole);
  }

  private static TemplateAssembler.Piece closeLiteral(TemplateAssembler.Piece lit, StringBuilder joined) {
    if (joined != null) {
      lit.text = joined.toString();
    }
    return lit;
  }

  private TemplateAssembler.Piece sequence(HclParser.TemplateItemContext item) {
    Token opener = item.getStart();
    Token closer = item.getStop();
    boolean stripBefore = opener.getText().endsWith("~");
    boolean stripAfter = closer.getText().startsWith("~");
    SourceRange r = range(opener, closer);
    if (item instanceof HclParser.TplInterpContext i) {
      return TemplateAssembler.Piece.sequence(TemplateAssembler.Kind.INTERP, expression(i.expression()), null, null,
          stripBefore, stripAfter, r);
    }
    if (item instanceof HclParser.TplIfContext i) {
      return TemplateAssembler.Piece.sequence(TemplateAssembler.Kind.IF, expression(i.expression()), null, null,
          stripBefore, stripAfter, r);
    }
    if (item instanceof HclParser.TplForContext f) {
      List<HclParser.IdentifierContext> names = f.identifier();
      String keyVar = names.size() > 1 ? identifierText(names.get(0)) : null;
      String valueVar = identifierText(names.get(names.size() - 1));
      return TemplateAssembler.Piece.sequence(TemplateAssembler.Kind.FOR, expression(f.expression()), keyVar,
          valueVar, stripBefore, stripAfter, r);
    }
    TemplateAssembler.Kind kind = item instanceof HclParser.TplElseContext ? TemplateAssembler.Kind.ELSE
        : item instanceof HclParser.TplEndIfContext ? TemplateAssembler.Kind.ENDIF : TemplateAssembler.Kind.ENDFOR;
    return TemplateAssembler.Piece.sequence(kind, null, null, null, stripBefore, stripAfter, r);
  }
}
