package dev.kplan.lang.eval;

import dev.kplan.lang.ast.BinaryOpExpr;
import dev.kplan.lang.ast.ConditionalExpr;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.ForExpr;
import dev.kplan.lang.ast.FunctionCallExpr;
import dev.kplan.lang.ast.IndexExpr;
import dev.kplan.lang.ast.LiteralExpr;
import dev.kplan.lang.ast.ObjectExpr;
import dev.kplan.lang.ast.ParenExpr;
import dev.kplan.lang.ast.RelativeTraversalExpr;
import dev.kplan.lang.ast.SplatExpr;
import dev.kplan.lang.ast.SplatItemExpr;
import dev.kplan.lang.ast.TemplateExpr;
import dev.kplan.lang.ast.TemplatePart;
import dev.kplan.lang.ast.TemplateWrapExpr;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.ast.TupleExpr;
import dev.kplan.lang.ast.UnaryOpExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The absolute traversals an expression refers to, leaving out names that a {@code for}
 * expression or template directive binds (HCL's {@code Variables()}). {@code try}, {@code can} and
 * {@code templatefile} need them to decide whether a result depends on unknown values.
 */
final class Refs {
  private Refs() {}

  static List<TraversalExpr> of(Expr e) {
    List<TraversalExpr> out = new ArrayList<>();
    walk(e, Set.of(), out);
    return out;
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
      for (Expr a : f.args()) {
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
      Set<String> inner = with(bound, f.keyVar(), f.valueVar());
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
        if (!(item.key() instanceof TraversalExpr)) {
          walk(item.key(), bound, out);
        }
        walk(item.value(), bound, out);
      }
    } else if (e instanceof ParenExpr p) {
      walk(p.inner(), bound, out);
    }
  }

  private static void walkParts(List<TemplatePart> parts, Set<String> bound, List<TraversalExpr> out) {
    for (TemplatePart p : parts) {
      if (p instanceof TemplatePart.Interpolation i) {
        walk(i.expr(), bound, out);
      } else if (p instanceof TemplatePart.If f) {
        walk(f.condition(), bound, out);
        walkParts(f.then(), bound, out);
        walkParts(f.otherwise(), bound, out);
      } else if (p instanceof TemplatePart.For f) {
        walk(f.collection(), bound, out);
        walkParts(f.body(), with(bound, f.keyVar(), f.valueVar()), out);
      }
    }
  }

  private static Set<String> with(Set<String> bound, String keyVar, String valueVar) {
    Set<String> inner = new HashSet<>(bound);
    if (keyVar != null) {
      inner.add(keyVar);
    }
    inner.add(valueVar);
    return inner;
  }
}
