package dev.kplan.engine.config;

import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.eval.EvalContext;
import dev.kplan.lang.eval.EvalResult;
import dev.kplan.lang.eval.Evaluator;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.syntax.ParseResult;
import dev.kplan.lang.syntax.Parser;
import dev.kplan.lang.types.ConversionException;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives every declared variable its final value: the last input that sets it, else its default;
 * converted to its type (optional attributes filled), checked for null, marked sensitive, and
 * validated. Every problem is reported, none thrown.
 */
public final class VariableResolver {
  private VariableResolver() {}

  /** The result: values by variable name, and the diagnostics. */
  public record Resolved(Map<String, Value> values, Diagnostics diagnostics) {
    public Resolved {
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
  }

  private record Given(Value value, SourceRange range) {}

  public static Resolved resolve(Module module, List<VariableInput> inputs, FunctionTable functions) {
    List<Diagnostic> diags = new ArrayList<>();
    Map<String, Given> given = new LinkedHashMap<>();
    EvalContext literalOnly = EvalContext.root(new FunctionTable(Map.of()), Map.of());
    for (VariableInput in : inputs) {
      if (in instanceof VariableInput.Raw raw) {
        Variable decl = module.variable(raw.name());
        if (decl == null) {
          if (raw.origin() == VariableInput.Origin.COMMAND_LINE) {
            diags.add(Diagnostic.error("Value for undeclared variable",
                "A variable named \"" + raw.name() + "\" was assigned on the command line, but the root module"
                    + " does not declare a variable of that name. To use this value, add a \"variable\" block"
                    + " to the configuration.", null));
          }
          continue;
        }
        Value v = parseRaw(raw, decl, literalOnly, diags);
        if (v != null) {
          given.put(raw.name(), new Given(v, null));
        }
      } else if (in instanceof VariableInput.File file) {
        readFile(file, module, literalOnly, given, diags);
      }
    }

    Map<String, Value> values = new LinkedHashMap<>();
    for (Variable decl : module.variables()) {
      Given g = given.get(decl.name());
      Value v;
      SourceRange where = g == null ? decl.range() : g.range() == null ? decl.range() : g.range();
      if (g != null) {
        v = g.value();
      } else if (decl.defaultExpr() != null) {
        EvalResult r = Evaluator.evaluate(decl.defaultExpr(), literalOnly);
        diags.addAll(r.diagnostics().items());
        v = r.value();
        where = decl.defaultExpr().range();
      } else {
        diags.add(Diagnostic.error("No value for required variable",
            "The root module input variable \"" + decl.name() + "\" is not set, and has no default value."
                + " Use a -var or -var-file command line argument to provide a value for this variable.",
            decl.range()));
        continue;
      }
      if (v.isNull() && !decl.nullable() && decl.defaultExpr() != null && g != null) {
        // nullable = false: an explicit null means "use the default"
        EvalResult r = Evaluator.evaluate(decl.defaultExpr(), literalOnly);
        v = r.value();
      }
      if (v.isNull() && !decl.nullable()) {
        diags.add(Diagnostic.error("Required variable not set",
            "Unsuitable value for var." + decl.name() + " set from outside of the configuration: required variable may not be set to null.",
            where));
        continue;
      }
      try {
        v = decl.type().convert(v);
      } catch (ConversionException e) {
        diags.add(Diagnostic.error("Invalid value for input variable",
            "The given value is not suitable for var." + decl.name() + " declared at " + at(decl.range()) + ": "
                + e.messageWithPath() + ".", where));
        continue;
      }
      if (decl.sensitive()) {
        v = v.mark(Marks.SENSITIVE);
      }
      values.put(decl.name(), v);
    }

    for (Variable decl : module.variables()) {
      Value v = values.get(decl.name());
      if (v == null) {
        continue;
      }
      validate(decl, v, functions, diags);
    }
    return new Resolved(values, Diagnostics.of(diags));
  }

  /**
   * The value of a child module's variable from its call's argument ({@code given}, null when the
   * call does not set it): defaulted, converted to its type, checked for null, marked and
   * validated as a root variable is. A value that fails is unknown, so planning can go on.
   */
  public static Value moduleArgument(Variable decl, Value given, SourceRange where, String module,
      FunctionTable functions, List<Diagnostic> diags) {
    EvalContext literalOnly = EvalContext.root(new FunctionTable(Map.of()), Map.of());
    Value v = given;
    if (v == null || (v.isNull() && !decl.nullable())) {
      if (decl.defaultExpr() == null) {
        if (v == null) {
          return Value.unknownOf(decl.type().type()); // a missing argument is reported when loading
        }
      } else {
        EvalResult r = Evaluator.evaluate(decl.defaultExpr(), literalOnly);
        diags.addAll(r.diagnostics().items());
        v = r.value();
        where = where == null ? decl.defaultExpr().range() : where;
      }
    }
    if (v.isNull() && !decl.nullable()) {
      diags.add(Diagnostic.error("Invalid value for input variable",
          "The given value is not suitable for " + module + ".var." + decl.name() + ": required variable may not be"
              + " set to null.", where));
      return Value.unknownOf(decl.type().type());
    }
    try {
      v = decl.type().convert(v);
    } catch (ConversionException e) {
      diags.add(Diagnostic.error("Invalid value for input variable",
          "The given value is not suitable for " + module + ".var." + decl.name() + " declared at "
              + at(decl.range()) + ": " + e.messageWithPath() + ".", where));
      return Value.unknownOf(decl.type().type());
    }
    if (decl.sensitive()) {
      v = v.mark(Marks.SENSITIVE);
    }
    validate(decl, v, functions, diags);
    return v;
  }

  private static void validate(Variable decl, Value v, FunctionTable functions, List<Diagnostic> diags) {
    EvalContext ctx = EvalContext.root(functions, Map.of("var", Value.object(Map.of(decl.name(), v))));
    for (Validation rule : decl.validations()) {
      EvalResult cond = Evaluator.evaluate(rule.condition(), ctx);
      if (cond.diagnostics().hasErrors()) {
        diags.addAll(cond.diagnostics().items());
        continue;
      }
      Value c = cond.value();
      if (!c.isKnown()) {
        continue; // decided at apply time, as Terraform does
      }
      if (!(c.unmarked() instanceof BoolValue b)) {
        diags.add(Diagnostic.error("Invalid variable validation result",
            "The validation condition must return a boolean value.", rule.condition().range()));
        continue;
      }
      if (b.value()) {
        continue;
      }
      EvalResult msg = Evaluator.evaluate(rule.errorMessage(), ctx);
      String text = msg.value().unmarked() instanceof StringValue s && !msg.value().isSensitive()
          ? s.value()
          : "The error message contains a sensitive value or could not be evaluated.";
      diags.add(Diagnostic.error("Invalid value for variable",
          text + "\n\nThis was checked by the validation rule at " + at(rule.range()) + ".",
          decl.range()));
    }
  }

  private static Value parseRaw(VariableInput.Raw raw, Variable decl, EvalContext ctx, List<Diagnostic> diags) {
    if (!decl.rawValuesAreExpressions()) {
      // Terraform takes values for primitive-typed variables literally, without quotes
      return Value.string(raw.text());
    }
    String what = raw.origin() == VariableInput.Origin.ENVIRONMENT
        ? "environment variable " + VariableInputs.ENV_PREFIX + raw.name()
        : "-var \"" + raw.name() + "=…\"";
    ParseResult<Expr> parsed = Parser.parseExpression(raw.text(), "<value for var." + raw.name() + ">");
    if (parsed.diagnostics().hasErrors() || parsed.value() == null) {
      diags.add(Diagnostic.error("Invalid value for variable",
          "The value given in " + what + " is not a valid expression: "
              + parsed.diagnostics().errors().get(0).summary() + ".", null));
      return null;
    }
    EvalResult r = Evaluator.evaluate(parsed.value(), ctx);
    if (r.diagnostics().hasErrors()) {
      diags.add(Diagnostic.error("Invalid value for variable",
          "The value given in " + what + " must be a literal value: "
              + r.diagnostics().errors().get(0).summary() + ".", null));
      return null;
    }
    return r.value();
  }

  private static void readFile(VariableInput.File file, Module module, EvalContext ctx, Map<String, Given> given,
      List<Diagnostic> diags) {
    String name = file.path().toString();
    String text;
    try {
      text = ConfigLoader.readUtf8(file.path());
    } catch (IOException e) {
      diags.add(Diagnostic.error("Failed to read variables file",
          "Given variables file " + name + " could not be read: " + e.getMessage(), null));
      return;
    }
    ParseResult<Body> parsed = Parser.parseFile(text, name);
    diags.addAll(parsed.diagnostics().items());
    if (parsed.value() == null) {
      return;
    }
    for (var b : parsed.value().blocks()) {
      diags.add(Diagnostic.error("Unexpected block in variables file",
          "A variables file contains only assignments of the form name = value.", b.typeRange()));
    }
    for (Attribute a : parsed.value().attributes()) {
      if (module.variable(a.name()) == null) {
        diags.add(Diagnostic.warning("Value for undeclared variable",
            "The root module does not declare a variable named \"" + a.name() + "\" but a value was found in file \""
                + name + "\". To use this value, add a \"variable\" block to the configuration.", a.nameRange()));
        continue;
      }
      EvalResult r = Evaluator.evaluate(a.expr(), ctx);
      if (r.diagnostics().hasErrors()) {
        diags.add(Diagnostic.error("Variables not allowed",
            "Variables may not be used here: a variables file holds literal values only.", a.expr().range()));
        continue;
      }
      given.put(a.name(), new Given(r.value(), a.expr().range()));
    }
  }

  private static String at(SourceRange r) {
    if (r == null) {
      return "?";
    }
    // as hcl.Range prints: the end line only when it differs
    return r.file() + ":" + r.startLine() + "," + r.startCol() + "-"
        + (r.endLine() == r.startLine() ? "" : r.endLine() + ",") + r.endCol();
  }
}
