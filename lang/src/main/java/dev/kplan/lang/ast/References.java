package dev.kplan.lang.ast;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The references of an expression, found without evaluating it: every {@link TraversalExpr} in
 * source order, except those rooted at a name bound by an enclosing {@code for} expression or
 * template {@code for} directive. The dependency graph is built from these.
 */
public final class References {
  private References() {}

  /** All absolute traversals {@code expr} refers to, in source order (repeats included). */
  public static List<TraversalExpr> of(Expr expr) {
    List<TraversalExpr> out = new ArrayList<>();
    walk(expr, Set.of(), out);
    return out;
  }

  /** The references of every attribute in a body and its nested blocks, in source order. */
  public static List<TraversalExpr> of(Body body) {
    List<TraversalExpr> out = new ArrayList<>();
    walkBody(body, out);
    return out;
  }

  private static void walkBody(Body body, List<TraversalExpr> out) {
    for (BodyItem item : body.items()) {
      if (item instanceof Attribute a) {
        walk(a.expr(), Set.of(), out);
      } else if (item instanceof Block b) {
        walkBody(b.body(), out);
      }
    }
  }

  private static void walk(Expr e, Set<String> bound, List<TraversalExpr> out) {
    if (e instanceof TraversalExpr t) {
      if (!bound.contains(t.root())) {
        out.add(t);
      }
    } else if (e instanceof LiteralExpr || e instanceof SplatItemExpr) {
      return;
    } else if (e instanceof TemplateExpr t) {
      walkParts(t.parts(), bound, out);
    } else if (e instanceof TemplateWrapExpr w) {
      walk(w.wrapped(), bound, out);
    } else if (e instanceof RelativeTraversalExpr r) {
      walk(r.source(), bound, out);
    } else if (e instanceof IndexExpr i) {
      walk(i.collection(), bound, out);
      walk(i.key(), bound, out);
    } else if (e instanceof SplatExpr s) {
      walk(s.source(), bound, out);
      walk(s.each(), bound, out);
    } else if (e instanceof FunctionCallExpr f) {
      // convert's second argument is a type constraint (string, list(number), …), not references
      int n = f.name().equals("convert") ? Math.min(1, f.args().size()) : f.args().size();
      for (Expr a : f.args().subList(0, n)) {
        walk(a, bound, out);
      }
    } else if (e instanceof ConditionalExpr c) {
      walk(c.condition(), bound, out);
      walk(c.whenTrue(), bound, out);
      walk(c.whenFalse(), bound, out);
    } else if (e instanceof BinaryOpExpr b) {
      walk(b.lhs(), bound, out);
      walk(b.rhs(), bound, out);
    } else if (e instanceof UnaryOpExpr u) {
      walk(u.operand(), bound, out);
    } else if (e instanceof ForExpr f) {
      walk(f.collection(), bound, out);
      Set<String> inner = bind(bound, f.keyVar(), f.valueVar());
      if (f.keyExpr() != null) {
        walk(f.keyExpr(), inner, out);
      }
      walk(f.valueExpr(), inner, out);
      if (f.condition() != null) {
        walk(f.condition(), inner, out);
      }
    } else if (e instanceof TupleExpr t) {
      for (Expr x : t.elements()) {
        walk(x, bound, out);
      }
    } else if (e instanceof ObjectExpr o) {
      for (ObjectExpr.Item item : o.items()) {
        walk(item.key(), bound, out);
        walk(item.value(), bound, out);
      }
    } else if (e instanceof ParenExpr p) {
      walk(p.inner(), bound, out);
    }
  }

  private static void walkParts(List<TemplatePart> parts, Set<String> bound, List<TraversalExpr> out) {
    for (TemplatePart part : parts) {
      if (part instanceof TemplatePart.Interpolation i) {
        walk(i.expr(), bound, out);
      } else if (part instanceof TemplatePart.If i) {
        walk(i.condition(), bound, out);
        walkParts(i.then(), bound, out);
        walkParts(i.otherwise(), bound, out);
      } else if (part instanceof TemplatePart.For f) {
        walk(f.collection(), bound, out);
        walkParts(f.body(), bind(bound, f.keyVar(), f.valueVar()), out);
      }
    }
  }

  private static Set<String> bind(Set<String> bound, String keyVar, String valueVar) {
    Set<String> inner = new HashSet<>(bound);
    if (keyVar != null) {
      inner.add(keyVar);
    }
    inner.add(valueVar);
    return inner;
  }
}
