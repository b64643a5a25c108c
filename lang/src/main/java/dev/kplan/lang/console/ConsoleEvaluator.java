package dev.kplan.lang.console;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.eval.EvalContext;
import dev.kplan.lang.eval.EvalResult;
import dev.kplan.lang.eval.Evaluator;
import dev.kplan.lang.eval.TemplateFileRenderer;
import dev.kplan.lang.functions.FunctionContext;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.syntax.ParseResult;
import dev.kplan.lang.syntax.Parser;
import dev.kplan.lang.value.Value;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The one evaluation path of the console ({@code kplan console}, {@code kplan console -json}) and
 * of the conformance and differential tests: parse a line as an expression, evaluate it with the
 * standard function library and the given variables, and return a {@link ConsoleResult}.
 */
public final class ConsoleEvaluator {
  /** The file name diagnostics give for the line being evaluated. */
  public static final String INPUT_NAME = "<console-input>";

  private final EvalContext context;
  private final Map<String, Value> variables;

  /**
   * Evaluates with {@code functions} and the root-scope {@code variables} ({@code var},
   * {@code local}, {@code path}, …). These are also what counts as declared: a reference to
   * anything else is an error before evaluation, as in Terraform (see {@link ConsoleReferences}).
   */
  public ConsoleEvaluator(FunctionTable functions, Map<String, Value> variables) {
    this.variables = Map.copyOf(variables);
    this.context = EvalContext.root(Objects.requireNonNull(functions, "functions is null"), this.variables);
  }

  /**
   * Terraform's standard library with {@code baseDir} for file functions and the system clock;
   * {@code templatefile} renders through the same parser and evaluator. Unless given,
   * {@code path} ({@code module}, {@code root}: {@code "."}; {@code cwd}: {@code baseDir}) and
   * {@code terraform.workspace} ({@code "default"}) are what a root module in {@code baseDir} sees.
   */
  public static ConsoleEvaluator standard(Path baseDir, Map<String, Value> variables) {
    FunctionTable[] table = new FunctionTable[1];
    FunctionTable functions = FunctionTable.standard(
        new FunctionContext(baseDir, Clock.systemUTC(), new TemplateFileRenderer(() -> table[0])));
    table[0] = functions;
    Map<String, Value> scope = new java.util.HashMap<>(variables);
    scope.putIfAbsent("path", Value.object(Map.of(
        "module", Value.string("."),
        "root", Value.string("."),
        "cwd", Value.string(baseDir.toAbsolutePath().normalize().toString()))));
    scope.putIfAbsent("terraform", Value.object(Map.of("workspace", Value.string("default"))));
    return new ConsoleEvaluator(functions, scope);
  }

  /** The standard library relative to the working directory, with no variables. */
  public static ConsoleEvaluator standard() {
    return standard(Path.of("").toAbsolutePath(), Map.of());
  }

  public ConsoleResult evaluate(String line) {
    ParseResult<Expr> parsed = Parser.parseExpression(line, INPUT_NAME);
    Diagnostics diags = parsed.diagnostics();
    if (diags.hasErrors() || parsed.value() == null) {
      return failure(diags);
    }
    diags = diags.plus(ConsoleReferences.check(parsed.value(), variables));
    if (diags.hasErrors()) {
      return failure(diags);
    }
    EvalResult result;
    try {
      result = Evaluator.evaluate(parsed.value(), context);
    } catch (RuntimeException bug) {
      // a fault in kplan itself: report it on this line rather than end the session
      return failure(
          diags.plus(
              dev.kplan.lang.diag.Diagnostic.error(
                  "Internal error", bug.getClass().getSimpleName() + ": " + bug.getMessage(), null)));
    }
    diags = diags.plus(result.diagnostics());
    if (diags.hasErrors() || result.value() == null) {
      return failure(diags);
    }
    return new ConsoleResult.Success(result.value(), diags);
  }

  private static ConsoleResult failure(Diagnostics diags) {
    if (!diags.hasErrors()) {
      diags = diags.plus(dev.kplan.lang.diag.Diagnostic.error("Invalid expression", "Expected the start of an expression.", null));
    }
    return new ConsoleResult.Failure(diags);
  }
}
