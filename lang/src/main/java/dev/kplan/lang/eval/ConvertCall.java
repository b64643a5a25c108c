package dev.kplan.lang.eval;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.FunctionCallExpr;
import dev.kplan.lang.functions.ConversionFunctions;
import dev.kplan.lang.functions.FunctionException;
import dev.kplan.lang.types.TypeConstraints;

/**
 * OpenTofu's {@code convert(value, type)}: its second argument is a type constraint expression,
 * read without evaluating it (as HCL's customdecode extension does), so it cannot be an ordinary
 * function of the table.
 */
final class ConvertCall {
  private ConvertCall() {}

  static EvalResult call(FunctionCallExpr e, EvalContext ctx) {
    Diags diags = new Diags();
    if (e.args().size() < 2) {
      String missing = e.args().isEmpty() ? "value" : "type";
      diags.error("Not enough function arguments",
          "Function \"convert\" expects 2 argument(s). Missing value for \"" + missing + "\".",
          Names.last(e.range()), e.range());
      return Evaluator.result(Evaluator.DYNAMIC, diags);
    }
    if (e.args().size() > 2 || e.expandFinal()) {
      Expr extra = e.args().size() > 2 ? e.args().get(2) : e.args().get(1);
      diags.error("Too many function arguments", "Function \"convert\" expects only 2 argument(s).", extra.range(),
          e.range());
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
      diags.error("Invalid function argument", "Invalid value for \"value\" parameter: " + ex.getMessage() + ".",
          e.args().get(0).range(), e.range());
      return Evaluator.result(Evaluator.DYNAMIC, diags);
    }
  }
}
