package dev.kplan.lang.eval;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.functions.FunctionContext;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.syntax.ParseResult;
import dev.kplan.lang.syntax.Parser;
import dev.kplan.lang.value.Value;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** Parses and evaluates expression text for tests, with Terraform's function table. */
final class Hcl {
  private Hcl() {}

  static FunctionTable standardFunctions(Path baseDir) {
    AtomicReference<FunctionTable> table = new AtomicReference<>();
    FunctionContext fc = new FunctionContext(baseDir, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC),
        new TemplateFileRenderer(table::get));
    table.set(FunctionTable.standard(fc));
    return table.get();
  }

  static final FunctionTable FUNCTIONS = standardFunctions(Path.of("."));

  static Expr parse(String text) {
    ParseResult<Expr> p = Parser.parseExpression(text, "test.hcl");
    assertFalse(p.hasErrors(), () -> "syntax errors in " + text + ": " + p.diagnostics());
    return p.value();
  }

  static EvalResult eval(String text, Map<String, Value> vars) {
    return Evaluator.evaluate(parse(text), EvalContext.root(FUNCTIONS, vars));
  }

  static EvalResult eval(String text) {
    return eval(text, Map.of());
  }
}
