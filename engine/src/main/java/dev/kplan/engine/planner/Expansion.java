package dev.kplan.engine.planner;

import dev.kplan.engine.addrs.InstanceKey;
import dev.kplan.engine.config.ResourceBlock;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.eval.EvalContext;
import dev.kplan.lang.eval.EvalResult;
import dev.kplan.lang.eval.Evaluator;
import dev.kplan.lang.types.PrimitiveType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands a resource's {@code count} or {@code for_each} into its instances, each with the names
 * it adds to the evaluation scope ({@code count.index}, {@code each.key}, {@code each.value}).
 * Unsuitable values are diagnostics worded as Terraform words them.
 */
final class Expansion {
  private Expansion() {}

  /** How a resource repeats. */
  enum Repetition {
    SINGLE,
    COUNT,
    FOR_EACH
  }

  /** One instance: its key and the extra scope its body is evaluated in. */
  record Instance(InstanceKey key, Map<String, Value> scope) {}

  /** The instances, or null when they cannot be known (with the reason in the diagnostics). */
  record Result(Repetition repetition, List<Instance> instances) {}

  static Result expand(ResourceBlock rb, EvalContext ctx, List<Diagnostic> diags) {
    return expand(rb.count(), rb.forEach(), ctx, diags);
  }

  /** Expands by {@code count} or {@code forEach} (either may be null), for resources and module calls alike. */
  static Result expand(Expr countExpr, Expr forEachExpr, EvalContext ctx, List<Diagnostic> diags) {
    if (countExpr != null) {
      return new Result(Repetition.COUNT, count(countExpr, ctx, diags));
    }
    if (forEachExpr != null) {
      return new Result(Repetition.FOR_EACH, forEach(forEachExpr, ctx, diags));
    }
    return new Result(Repetition.SINGLE, List.of(new Instance(InstanceKey.NONE, Map.of())));
  }

  private static List<Instance> count(Expr countExpr, EvalContext ctx, List<Diagnostic> diags) {
    EvalResult r = Evaluator.evaluate(countExpr, ctx);
    diags.addAll(r.diagnostics().items());
    if (r.hasErrors()) {
      return null;
    }
    Value v = r.value();
    String problem = null;
    if (!v.isKnown()) {
      problem = "The \"count\" value depends on resource attributes that cannot be determined until apply, so kplan"
          + " cannot predict how many instances will be created. To work around this, use the -target argument to"
          + " first apply only the resources that the count depends on.";
    } else if (v.isNull()) {
      problem = "The given \"count\" argument value is null. An integer is required.";
    } else if (!(v.unmarked() instanceof NumberValue n)) {
      problem = "The given \"count\" argument value is unsuitable: number required.";
    } else if (!n.isInteger()) {
      problem = "The given \"count\" argument value is unsuitable: must be a whole number.";
    } else if (n.value().compareTo(BigDecimal.ZERO) < 0) {
      problem = "The given \"count\" argument value is unsuitable: must be greater than or equal to zero.";
    } else if (v.isSensitive()) {
      problem = "Sensitive values, or values derived from sensitive values, cannot be used as count arguments."
          + " If used, the sensitive value could be exposed as a resource instance key.";
    }
    if (problem != null) {
      diags.add(Diagnostic.error("Invalid count argument", problem, countExpr.range()));
      return null;
    }
    int n = ((NumberValue) v.unmarked()).value().intValueExact();
    List<Instance> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new Instance(InstanceKey.of(i), Map.of("count", Value.object(Map.of("index", Value.number(i))))));
    }
    return out;
  }

  private static List<Instance> forEach(Expr forEachExpr, EvalContext ctx, List<Diagnostic> diags) {
    EvalResult r = Evaluator.evaluate(forEachExpr, ctx);
    diags.addAll(r.diagnostics().items());
    if (r.hasErrors()) {
      return null;
    }
    Value v = r.value();
    Map<String, Value> entries = new LinkedHashMap<>();
    String problem = null;
    String summary = "Invalid for_each argument";
    if (v.isSensitive()) {
      problem = "Sensitive values, or values derived from sensitive values, cannot be used as for_each arguments."
          + " If used, the sensitive value could be exposed as a resource instance key.";
    } else if (v.isNull()) {
      problem = "The given \"for_each\" argument value is unsuitable: the given \"for_each\" argument value is null."
          + " A map, or set of strings is allowed.";
    } else if (!v.isKnown() || (v instanceof SetValue && !v.isWhollyKnown())) {
      problem = unknownProblem(v.type() instanceof SetType ? "set" : "map");
    } else if (v instanceof MapValue m) {
      entries.putAll(m.entries());
    } else if (v instanceof ObjectValue o) {
      entries.putAll(o.attributes());
    } else if (v instanceof SetValue s && s.elementType() == PrimitiveType.STRING) {
      for (Value e : s.elements()) {
        if (e.isNull()) {
          problem = "The given \"for_each\" argument value is unsuitable: \"for_each\" sets must not contain null"
              + " values.";
          break;
        }
        entries.put(((StringValue) e).value(), e.mark(s.marks()));
      }
    } else {
      String what = v.type() instanceof SetType st ? "set of " + st.element().friendlyName()
          : v.type().friendlyName();
      problem = "The given \"for_each\" argument value is unsuitable: the \"for_each\" argument must be a map, or set"
          + " of strings, and you have provided a value of type " + what + ".";
    }
    if (problem != null) {
      diags.add(Diagnostic.error(summary, problem, forEachExpr.range()));
      return null;
    }
    List<Instance> out = new ArrayList<>();
    entries.forEach((k, val) -> out.add(new Instance(InstanceKey.of(k),
        Map.of("each", Value.object(Map.of("key", Value.string(k), "value", val))))));
    return out;
  }

  private static String unknownProblem(String kind) {
    return "The \"for_each\" " + kind + " includes keys or set values that cannot be determined until apply, so kplan"
        + " cannot determine the full set of keys that will identify the instances of this resource. When working"
        + " with unknown values in for_each, it's better to define the " + kind + " keys statically in your"
        + " configuration and place apply-time results only in the " + kind + " values. Alternatively, you could"
        + " use the -target planning option to first apply only the resources that the for_each value depends on.";
  }
}
