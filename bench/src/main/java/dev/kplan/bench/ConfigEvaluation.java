package dev.kplan.bench;

import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.eval.EvalContext;
import dev.kplan.lang.eval.EvalResult;
import dev.kplan.lang.eval.Evaluator;
import dev.kplan.lang.functions.FunctionContext;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.syntax.ParseResult;
import dev.kplan.lang.syntax.Parser;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses a generated configuration and evaluates every argument of every resource the way the
 * engine will: variables from defaults, locals in order, then each resource body once per
 * {@code for_each} element. Meta-arguments and {@code lifecycle} are not evaluated.
 */
final class ConfigEvaluation {
  private static final Set<String> META = Set.of("for_each", "count", "provider", "depends_on");

  private ConfigEvaluation() {}

  /** Parses all files; throws when the generated text does not parse (a bug in the generator or parser). */
  static List<Body> parse(List<String> files) {
    List<Body> bodies = new ArrayList<>(files.size());
    for (int i = 0; i < files.size(); i++) {
      ParseResult<Body> r = Parser.parseFile(files.get(i), "part-" + i + ".kp.hcl");
      failOn(r.diagnostics());
      bodies.add(r.value());
    }
    return bodies;
  }

  /** Evaluates everything and returns how many values were produced. */
  static int evaluate(List<Body> bodies) {
    FunctionTable functions = FunctionTable.standard(new FunctionContext(Path.of("."), Clock.systemUTC(), null));
    Map<String, Value> vars = new LinkedHashMap<>();
    Map<String, Value> locals = new LinkedHashMap<>();
    EvalContext root = EvalContext.root(functions, Map.of());
    for (Body body : bodies) {
      for (Block b : body.blocks("variable")) {
        vars.put(b.labels().get(0), eval(b.body().attribute("default"), root));
      }
    }
    for (Body body : bodies) {
      for (Block b : body.blocks("locals")) {
        for (Attribute a : b.body().attributes()) {
          EvalContext ctx = EvalContext.root(functions, Map.of("var", Value.object(vars), "local", Value.object(locals)));
          locals.put(a.name(), eval(a, ctx));
        }
      }
    }
    EvalContext base = EvalContext.root(functions, Map.of("var", Value.object(vars), "local", Value.object(locals)));
    int produced = 0;
    for (Body body : bodies) {
      for (Block r : body.blocks("resource")) {
        Attribute forEach = r.body().attribute("for_each");
        if (forEach == null) {
          produced += evaluateBody(r.body(), base);
          continue;
        }
        ObjectValue each = (ObjectValue) eval(forEach, base);
        for (Map.Entry<String, Value> e : each.attributes().entrySet()) {
          EvalContext ctx = base.child(Map.of("each", Value.object(Map.of("key", Value.string(e.getKey()), "value", e.getValue()))));
          produced += evaluateBody(r.body(), ctx);
        }
      }
    }
    return produced;
  }

  private static int evaluateBody(Body body, EvalContext ctx) {
    int n = 0;
    for (Attribute a : body.attributes()) {
      if (!META.contains(a.name())) {
        eval(a, ctx);
        n++;
      }
    }
    for (Block nested : body.blocks()) {
      if (!nested.type().equals("lifecycle")) {
        n += evaluateBody(nested.body(), ctx);
      }
    }
    return n;
  }

  private static Value eval(Attribute a, EvalContext ctx) {
    EvalResult r = Evaluator.evaluate(a.expr(), ctx);
    failOn(r.diagnostics());
    return r.value();
  }

  private static void failOn(Diagnostics d) {
    if (d.hasErrors()) {
      throw new IllegalStateException("generated configuration has errors: " + d.errors());
    }
  }
}
