package dev.kplan.engine.config;

import dev.kplan.lang.ast.References;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.ast.Traverser;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.eval.EvalContext;
import dev.kplan.lang.eval.EvalResult;
import dev.kplan.lang.eval.Evaluator;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Evaluates a module's locals in dependency order (a local may use others, in any textual order).
 * A cycle is reported with its members in order; a local that fails evaluates to an unknown so that
 * independent errors are still found.
 */
public final class LocalsEvaluator {
  private LocalsEvaluator() {}

  public record Evaluated(Map<String, Value> values, Diagnostics diagnostics) {}

  /** {@code scope} holds the other root names (var, path, …); {@code local} is added here. */
  public static Evaluated evaluate(Module module, Map<String, Value> scope, FunctionTable functions) {
    Map<String, Local> byName = new LinkedHashMap<>();
    for (Local l : module.locals()) {
      byName.put(l.name(), l);
    }
    Map<String, Value> values = new LinkedHashMap<>();
    List<Diagnostic> diags = new ArrayList<>();
    Map<String, Integer> state = new HashMap<>(); // 1 = in progress, 2 = done
    for (Local l : module.locals()) {
      visit(l, byName, scope, functions, values, state, new LinkedHashSet<>(), diags);
    }
    return new Evaluated(values, Diagnostics.of(diags));
  }

  private static void visit(Local l, Map<String, Local> byName, Map<String, Value> scope, FunctionTable functions,
      Map<String, Value> values, Map<String, Integer> state, LinkedHashSet<String> path, List<Diagnostic> diags) {
    Integer s = state.get(l.name());
    if (s != null && s == 2) {
      return;
    }
    if (s != null && s == 1) {
      List<String> cycle = new ArrayList<>();
      boolean in = false;
      for (String p : path) {
        in |= p.equals(l.name());
        if (in) {
          cycle.add("local." + p);
        }
      }
      cycle.add("local." + l.name());
      diags.add(Diagnostic.error("Cycle in local values",
          "The local values refer to each other in a cycle: " + String.join(" → ", cycle) + ".", l.range()));
      values.put(l.name(), Value.unknownOf(dev.kplan.lang.types.Type.DYNAMIC));
      return;
    }
    state.put(l.name(), 1);
    path.add(l.name());
    for (String dep : localDependencies(l)) {
      Local d = byName.get(dep);
      if (d != null) {
        visit(d, byName, scope, functions, values, state, path, diags);
      }
    }
    path.remove(l.name());
    if (!values.containsKey(l.name())) {
      Map<String, Value> vars = new HashMap<>(scope);
      vars.put("local", Value.object(values));
      EvalResult r = Evaluator.evaluate(l.expr(), EvalContext.root(functions, vars));
      diags.addAll(r.diagnostics().items());
      values.put(l.name(), r.diagnostics().hasErrors() ? Value.unknownOf(dev.kplan.lang.types.Type.DYNAMIC) : r.value());
    }
    state.put(l.name(), 2);
  }

  private static Set<String> localDependencies(Local l) {
    Set<String> deps = new LinkedHashSet<>();
    for (TraversalExpr t : References.of(l.expr())) {
      if (t.root().equals("local") && !t.steps().isEmpty() && t.steps().get(0) instanceof Traverser.GetAttr a) {
        deps.add(a.name());
      }
    }
    return deps;
  }
}
