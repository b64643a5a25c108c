package dev.kplan.lang.eval;

import dev.kplan.lang.ast.BinaryOpExpr;
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
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Builds syntax trees by hand for evaluator tests; every node gets its own distinct range. */
final class Ast {
  private static int next = 0;

  private Ast() {}

  static SourceRange r() {
    int o = next;
    next += 2;
    return new SourceRange("test.hcl", 1, o + 1, o, 1, o + 2, o + 1);
  }

  static Expr num(String n) {
    return new LiteralExpr(Value.number(new BigDecimal(n)), r());
  }

  static Expr num(long n) {
    return new LiteralExpr(Value.number(n), r());
  }

  static Expr str(String s) {
    return new LiteralExpr(Value.string(s), r());
  }

  static Expr bool(boolean b) {
    return new LiteralExpr(Value.bool(b), r());
  }

  static Expr nul() {
    return new LiteralExpr(Value.nullOf(Type.DYNAMIC), r());
  }

  static Expr lit(Value v) {
    return new LiteralExpr(v, r());
  }

  static Expr bin(Expr l, Operation op, Expr rhs) {
    return new BinaryOpExpr(op, l, rhs, r());
  }

  static Expr not(Expr e) {
    return new UnaryOpExpr(Operation.NOT, e, r());
  }

  static Expr neg(Expr e) {
    return new UnaryOpExpr(Operation.NEGATE, e, r());
  }

  static Expr cond(Expr c, Expr t, Expr f) {
    return new ConditionalExpr(c, t, f, r());
  }

  static Expr tuple(Expr... es) {
    return new TupleExpr(List.of(es), r());
  }

  /** Alternating key and value expressions. */
  static Expr obj(Expr... kvs) {
    List<ObjectExpr.Item> items = new ArrayList<>();
    for (int i = 0; i < kvs.length; i += 2) {
      items.add(new ObjectExpr.Item(kvs[i], kvs[i + 1], r()));
    }
    return new ObjectExpr(items, r());
  }

  static Expr key(String name) {
    return new TraversalExpr(name, r(), List.of(), r());
  }

  /** A traversal such as {@code ref("var", "x")}; numeric steps become index steps. */
  static Expr ref(String root, Object... steps) {
    return new TraversalExpr(root, r(), steps(steps), r());
  }

  static Expr rel(Expr source, Object... steps) {
    return new RelativeTraversalExpr(source, steps(steps), r());
  }

  private static List<Traverser> steps(Object... steps) {
    List<Traverser> out = new ArrayList<>();
    for (Object s : steps) {
      if (s instanceof String name) {
        out.add(new Traverser.GetAttr(name, r()));
      } else if (s instanceof Integer i) {
        out.add(new Traverser.Index(Value.number(i), r()));
      } else if (s instanceof Value v) {
        out.add(new Traverser.Index(v, r()));
      }
    }
    return out;
  }

  static Expr idx(Expr coll, Expr key) {
    return new IndexExpr(coll, key, r());
  }

  static Expr paren(Expr e) {
    return new ParenExpr(e, r());
  }

  static Expr item() {
    return new SplatItemExpr(r());
  }

  /** {@code source[*].attr...}: the each expression traverses the splat item. */
  static Expr splat(Expr source, Object... steps) {
    Expr each = steps.length == 0 ? item() : rel(item(), steps);
    return new SplatExpr(source, each, true, r());
  }

  static Expr call(String name, Expr... args) {
    return new FunctionCallExpr(name, List.of(args), false, r(), r());
  }

  static Expr callExpand(String name, Expr... args) {
    return new FunctionCallExpr(name, List.of(args), true, r(), r());
  }

  static Expr forTuple(String k, String v, Expr coll, Expr value, Expr cond) {
    return new ForExpr(k, v, coll, null, value, cond, false, r());
  }

  static Expr forObject(String k, String v, Expr coll, Expr key, Expr value, Expr cond, boolean grouped) {
    return new ForExpr(k, v, coll, key, value, cond, grouped, r());
  }

  static TemplatePart text(String s) {
    return new TemplatePart.Literal(s, r());
  }

  static TemplatePart interp(Expr e) {
    return new TemplatePart.Interpolation(e, r());
  }

  static TemplatePart ifPart(Expr c, List<TemplatePart> then, List<TemplatePart> otherwise) {
    return new TemplatePart.If(c, then, otherwise, r());
  }

  static TemplatePart forPart(String k, String v, Expr coll, List<TemplatePart> body) {
    return new TemplatePart.For(k, v, coll, body, r());
  }

  static Expr template(TemplatePart... parts) {
    return new TemplateExpr(List.of(parts), false, r());
  }

  static Expr wrap(Expr e) {
    return new TemplateWrapExpr(e, r());
  }
}
