package dev.kplan.lang.functions;

import dev.kplan.lang.ast.BinaryOpExpr;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.FunctionCallExpr;
import dev.kplan.lang.ast.LiteralExpr;
import dev.kplan.lang.ast.ObjectExpr;
import dev.kplan.lang.ast.Operation;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.ast.TupleExpr;
import dev.kplan.lang.ast.UnaryOpExpr;
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.types.Convert;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.types.TypeConstraints;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stand-in for the parser and evaluator in function tests: literals, tuples, objects, function
 * calls (with {@code ...}), {@code +}/{@code -} on numbers and type keywords for {@code convert}.
 */
final class TestingExpressions {
  private static final SourceRange R = SourceRange.startOf("test");
  private final String src;
  private int pos;

  private TestingExpressions(String src) {
    this.src = src;
  }

  static Expr parse(String src) {
    TestingExpressions p = new TestingExpressions(src);
    Expr e = p.expr();
    p.skip();
    if (p.pos != src.length()) {
      throw new IllegalArgumentException("unexpected text at " + p.pos + ": " + src.substring(p.pos));
    }
    return e;
  }

  static Value evaluate(String src, FunctionTable table) throws FunctionException {
    return eval(parse(src), table);
  }

  static Value eval(Expr e, FunctionTable table) throws FunctionException {
    if (e instanceof LiteralExpr l) {
      return l.value();
    }
    if (e instanceof TupleExpr t) {
      List<Value> elems = new ArrayList<>();
      for (Expr x : t.elements()) {
        elems.add(eval(x, table));
      }
      return new TupleValue(elems, Marks.NONE);
    }
    if (e instanceof ObjectExpr o) {
      Map<String, Value> attrs = new LinkedHashMap<>();
      for (ObjectExpr.Item item : o.items()) {
        attrs.put(((StringValue) eval(item.key(), table)).value(), eval(item.value(), table));
      }
      return new ObjectValue(attrs, Marks.NONE);
    }
    if (e instanceof UnaryOpExpr u) {
      return Value.number(((NumberValue) eval(u.operand(), table)).value().negate());
    }
    if (e instanceof BinaryOpExpr b) {
      try {
        BigDecimal l = ((NumberValue) Convert.convert(eval(b.lhs(), table), Type.NUMBER)).value();
        BigDecimal r = ((NumberValue) Convert.convert(eval(b.rhs(), table), Type.NUMBER)).value();
        return Value.number(b.op() == Operation.ADD ? l.add(r) : l.subtract(r));
      } catch (Exception ex) {
        throw new FunctionException(ex.getMessage());
      }
    }
    if (e instanceof FunctionCallExpr call) {
      if (call.name().equals("convert")) {
        TypeConstraints.Result tc = TypeConstraints.parse(call.args().get(1));
        if (tc.diagnostics().hasErrors()) {
          throw new FunctionException(1, tc.diagnostics().errors().get(0).detail());
        }
        return ConversionFunctions.convert(eval(call.args().get(0), table), tc.constraint());
      }
      FunctionSpec fn = table.get(call.name());
      if (fn == null) {
        throw new IllegalArgumentException("no function " + call.name());
      }
      List<Value> args = new ArrayList<>();
      for (int i = 0; i < call.args().size(); i++) {
        Value v = eval(call.args().get(i), table);
        if (call.expandFinal() && i == call.args().size() - 1) {
          args.addAll(CtyFunctions.elements(v));
        } else {
          args.add(v);
        }
      }
      return fn.call(args);
    }
    throw new IllegalArgumentException("unsupported in tests: " + e);
  }

  private void skip() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
      pos++;
    }
  }

  private boolean eat(String s) {
    skip();
    if (src.startsWith(s, pos)) {
      pos += s.length();
      return true;
    }
    return false;
  }

  private void expect(String s) {
    if (!eat(s)) {
      throw new IllegalArgumentException("expected " + s + " at " + pos + " in " + src);
    }
  }

  private Expr expr() {
    Expr e = unary();
    while (true) {
      skip();
      if (pos < src.length() && (src.charAt(pos) == '+' || (src.charAt(pos) == '-'))) {
        Operation op = src.charAt(pos) == '+' ? Operation.ADD : Operation.SUBTRACT;
        pos++;
        e = new BinaryOpExpr(op, e, unary(), R);
      } else {
        return e;
      }
    }
  }

  private Expr unary() {
    if (eat("-")) {
      return new UnaryOpExpr(Operation.NEGATE, unary(), R);
    }
    return primary();
  }

  private Expr primary() {
    skip();
    char c = src.charAt(pos);
    if (c == '"') {
      return new LiteralExpr(Value.string(string()), R);
    }
    if (Character.isDigit(c)) {
      int start = pos;
      while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
        pos++;
      }
      return new LiteralExpr(Value.number(new BigDecimal(src.substring(start, pos))), R);
    }
    if (c == '[') {
      pos++;
      List<Expr> elems = new ArrayList<>();
      while (!eat("]")) {
        elems.add(expr());
        eat(",");
      }
      return new TupleExpr(elems, R);
    }
    if (c == '{') {
      pos++;
      List<ObjectExpr.Item> items = new ArrayList<>();
      while (!eat("}")) {
        skip();
        Expr key = src.charAt(pos) == '"' ? new LiteralExpr(Value.string(string()), R)
            : new LiteralExpr(Value.string(ident()), R);
        if (!eat("=")) {
          expect(":");
        }
        items.add(new ObjectExpr.Item(key, expr(), R));
        eat(",");
      }
      return new ObjectExpr(items, R);
    }
    String name = ident();
    switch (name) {
      case "true":
        return new LiteralExpr(Value.bool(true), R);
      case "false":
        return new LiteralExpr(Value.bool(false), R);
      case "null":
        return new LiteralExpr(Value.nullOf(Type.DYNAMIC), R);
      default:
        break;
    }
    if (eat("(")) {
      List<Expr> args = new ArrayList<>();
      boolean expand = false;
      while (!eat(")")) {
        args.add(expr());
        if (eat("...")) {
          expand = true;
        }
        eat(",");
      }
      return new FunctionCallExpr(name, args, expand, R, R);
    }
    return new TraversalExpr(name, R, List.of(), R);
  }

  private String ident() {
    skip();
    int start = pos;
    while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
      pos++;
    }
    if (start == pos) {
      throw new IllegalArgumentException("expected a name at " + pos + " in " + src);
    }
    return src.substring(start, pos);
  }

  private String string() {
    StringBuilder sb = new StringBuilder();
    pos++;
    while (src.charAt(pos) != '"') {
      char c = src.charAt(pos++);
      if (c == '\\') {
        char n = src.charAt(pos++);
        sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
      } else {
        sb.append(c);
      }
    }
    pos++;
    return sb.toString();
  }
}
