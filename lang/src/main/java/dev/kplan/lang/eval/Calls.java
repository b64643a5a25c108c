package dev.kplan.lang.eval;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.FunctionCallExpr;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.functions.ConversionFunctions;
import dev.kplan.lang.functions.FunctionException;
import dev.kplan.lang.functions.FunctionSpec;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.functions.Param;
import dev.kplan.lang.types.ConversionException;
import dev.kplan.lang.types.DynamicType;
import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.TupleType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.types.TypeConstraints;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Function calls as HCL's {@code FunctionCallExpr} makes them, with Terraform's {@code try} and
 * {@code can} (which need their arguments unevaluated, as HCL's {@code tryfunc} extension does).
 */
final class Calls {
  private Calls() {}

  /** An argument after {@code ...} expansion: its value (or expression) and where it came from. */
  private record Arg(Expr expr, Value value, SourceRange range) {}

  static EvalResult call(FunctionCallExpr e, EvalContext ctx) {
    String name = e.name();
    if (name.equals("try")) {
      return tryCall(e, ctx);
    }
    if (name.equals("can")) {
      return canCall(e, ctx);
    }
    Diags diags = new Diags();
    FunctionTable table = ctx.functions();
    if (table == null) {
      diags.error("Function calls not allowed", "Functions may not be called here.", e.range(), null);
      return Evaluator.result(Evaluator.DYNAMIC, diags);
    }
    if (name.equals("convert") && table.get(name) == null) {
      return convertCall(e, ctx);
    }
    if (name.contains("::")) {
      diags.error(
          "Call to unknown function",
          "There is no function named " + Names.quote(name) + ". Provider-defined functions are not available in kplan.",
          e.nameRange(), e.range());
      return Evaluator.result(Evaluator.DYNAMIC, diags);
    }
    FunctionSpec f = table.get(name);
    if (f == null) {
      List<String> names = new ArrayList<>(table.names());
      names.add("can");
      names.add("try");
      diags.error(
          "Call to unknown function",
          "There is no function named " + Names.quote(name) + "." + Names.suggestion(name, names),
          e.nameRange(), e.range());
      return Evaluator.result(Evaluator.DYNAMIC, diags);
    }

    List<Arg> args = new ArrayList<>();
    for (int i = 0; i < e.args().size(); i++) {
      Expr a = e.args().get(i);
      if (e.expandFinal() && i == e.args().size() - 1) {
        EvalResult r = Evaluator.eval(a, ctx);
        diags.add(r.diagnostics());
        if (r.hasErrors()) {
          return Evaluator.result(Evaluator.DYNAMIC, diags);
        }
        Value v = r.value();
        Type t = v.type();
        if (t instanceof DynamicType || t instanceof TupleType || t instanceof ListType || t instanceof SetType) {
          if (v.isNull()) {
            diags.error(
                "Invalid expanding argument value", "The expanding argument (indicated by ...) must not be null.",
                a.range(), e.range());
            return Evaluator.result(Evaluator.DYNAMIC, diags);
          }
          if (t instanceof DynamicType || !v.isKnown()) {
            return Evaluator.result(Evaluator.DYNAMIC, diags);
          }
          Marks marks = v.marks();
          for (Value el : elements(v.unmarked())) {
            args.add(new Arg(null, el.mark(marks), a.range()));
          }
        } else {
          diags.error(
              "Invalid expanding argument value",
              "The expanding argument (indicated by ...) must be of a tuple, list, or set type.", a.range(),
              e.range());
          return Evaluator.result(Evaluator.DYNAMIC, diags);
        }
      } else {
        args.add(new Arg(a, null, a.range()));
      }
    }

    List<Param> params = f.params();
    Param varParam = f.varParam();
    if (args.size() < params.size()) {
      diags.error(
          "Not enough function arguments",
          "Function " + Names.quote(name) + " expects" + (varParam != null ? " at least" : "") + " " + params.size()
              + " argument(s). Missing value for " + Names.quote(params.get(args.size()).name()) + ".",
          Names.last(e.range()), e.range());
      return Evaluator.result(Evaluator.DYNAMIC, diags);
    }
    if (varParam == null && args.size() > params.size()) {
      diags.error(
          "Too many function arguments",
          "Function " + Names.quote(name) + " expects only " + params.size() + " argument(s).",
          args.get(params.size()).range(), e.range());
      return Evaluator.result(Evaluator.DYNAMIC, diags);
    }

    List<Value> values = new ArrayList<>(args.size());
    for (int i = 0; i < args.size(); i++) {
      Arg arg = args.get(i);
      Param p = f.paramAt(i);
      Value v = arg.value();
      if (arg.expr() != null) {
        EvalResult r = Evaluator.eval(arg.expr(), ctx);
        diags.add(r.diagnostics());
        v = r.value();
      }
      try {
        v = Evaluator.convertArg(v, p);
      } catch (ConversionException ex) {
        diags.error(
            "Invalid function argument",
            "Invalid value for " + Names.quote(p.name()) + " parameter: " + ex.getMessage() + ".", arg.range(),
            e.range());
      }
      values.add(v);
    }
    if (diags.hasErrors()) {
      return Evaluator.result(Evaluator.DYNAMIC, diags);
    }
    try {
      return Evaluator.result(f.call(values), diags);
    } catch (FunctionException ex) {
      int i = ex.argIndex();
      Param p = i >= 0 ? f.paramAt(i) : null;
      if (i >= 0 && p != null && i < args.size()) {
        diags.error(
            "Invalid function argument",
            "Invalid value for " + Names.quote(p.name()) + " parameter: " + ex.getMessage() + ".",
            args.get(i).range(), e.range());
      } else if (i >= 0 && p != null) {
        diags.error(
            "Invalid function argument",
            "Invalid value for " + Names.quote(p.name()) + " parameter: " + ex.getMessage() + ".", e.range(), null);
      } else {
        diags.add(callFailed(e, ex.getMessage()));
      }
      return Evaluator.result(Evaluator.DYNAMIC, diags);
    }
  }

  private static Diagnostic callFailed(FunctionCallExpr e, String message) {
    return Diagnostic.error(
            "Error in function call",
            "Call to function " + Names.quote(e.name()) + " failed: " + message + ".",
            Names.plusOne(e.nameRange()))
        .withContext(e.range());
  }

  private static List<Value> elements(Value v) {
    if (v instanceof ListValue l) {
      return l.elements();
    } else if (v instanceof TupleValue t) {
      return t.elements();
    } else if (v instanceof SetValue s) {
      return s.elements();
    }
    return List.of();
  }

  /**
   * {@code try(a, b, ...)}: the first argument that evaluates without errors. A successful result
   * that is not wholly known makes the whole result unknown, since it cannot be told yet which
   * argument will finally win (HCL's tryfunc since v2.18).
   */
  private static EvalResult tryCall(FunctionCallExpr e, EvalContext ctx) {
    Diags diags = new Diags();
    if (e.args().isEmpty()) {
      diags.add(callFailed(e, "at least one argument is required"));
      return Evaluator.result(Evaluator.DYNAMIC, diags);
    }
    List<Diagnostic> failures = new ArrayList<>();
    for (Expr arg : e.args()) {
      EvalResult r = Evaluator.eval(arg, ctx);
      if (r.hasErrors()) {
        failures.addAll(r.diagnostics().items());
        continue;
      }
      if (!r.value().isWhollyKnown()) {
        return Evaluator.ok(Evaluator.DYNAMIC);
      }
      return Evaluator.ok(r.value());
    }
    StringBuilder buf = new StringBuilder("no expression succeeded:\n");
    for (Diagnostic d : failures) {
      if (d.subject() != null) {
        buf.append("- ").append(d.summary()).append(" (at ").append(Names.rangeText(d.subject())).append(")\n  ")
            .append(d.detail()).append('\n');
      } else {
        buf.append("- ").append(d.summary()).append("\n  ").append(d.detail()).append('\n');
      }
    }
    buf.append("\nAt least one expression must produce a successful result");
    diags.add(callFailed(e, buf.toString()));
    return Evaluator.result(Evaluator.DYNAMIC, diags);
  }

  /**
   * OpenTofu's {@code convert(value, type)}: the second argument is a type expression (with
   * {@code optional(T, default)}), read unevaluated as HCL's type-constraint parameters are.
   */
  private static EvalResult convertCall(FunctionCallExpr e, EvalContext ctx) {
    Diags diags = new Diags();
    if (e.args().size() < 2) {
      diags.error(
          "Not enough function arguments",
          "Function \"convert\" expects 2 argument(s). Missing value for "
              + (e.args().isEmpty() ? "\"value\"" : "\"type\"") + ".",
          Names.last(e.range()), e.range());
      return Evaluator.result(Evaluator.DYNAMIC, diags);
    }
    if (e.args().size() > 2 || e.expandFinal()) {
      diags.error(
          "Too many function arguments", "Function \"convert\" expects only 2 argument(s).",
          e.args().get(Math.min(2, e.args().size() - 1)).range(), e.range());
      return Evaluator.result(Evaluator.DYNAMIC, diags);
    }
    EvalResult value = Evaluator.eval(e.args().get(0), ctx);
    diags.add(value.diagnostics());
    TypeConstraints.Result type = TypeConstraints.parse(e.args().get(1));
    diags.add(type.diagnostics());
    if (diags.hasErrors()) {
      return Evaluator.result(Evaluator.DYNAMIC, diags);
    }
    try {
      return Evaluator.result(ConversionFunctions.convert(value.value(), type.constraint()), diags);
    } catch (FunctionException ex) {
      diags.error(
          "Invalid function argument", "Invalid value for \"value\" parameter: " + ex.getMessage() + ".",
          e.args().get(0).range(), e.range());
      return Evaluator.result(Evaluator.DYNAMIC, diags);
    }
  }

  /** {@code can(expr)}: whether the expression evaluates without errors. */
  private static EvalResult canCall(FunctionCallExpr e, EvalContext ctx) {
    Diags diags = new Diags();
    if (e.args().isEmpty()) {
      diags.error(
          "Not enough function arguments",
          "Function \"can\" expects 1 argument(s). Missing value for \"expression\".", Names.last(e.range()),
          e.range());
      return Evaluator.result(Evaluator.DYNAMIC, diags);
    }
    if (e.args().size() > 1) {
      diags.error(
          "Too many function arguments", "Function \"can\" expects only 1 argument(s).", e.args().get(1).range(),
          e.range());
      return Evaluator.result(Evaluator.DYNAMIC, diags);
    }
    EvalResult r = Evaluator.eval(e.args().get(0), ctx);
    if (r.hasErrors()) {
      return Evaluator.ok(Value.bool(false));
    }
    if (!r.value().isWhollyKnown()) {
      return Evaluator.ok(Value.unknownOf(Type.BOOL));
    }
    return Evaluator.ok(Value.bool(true));
  }
}
