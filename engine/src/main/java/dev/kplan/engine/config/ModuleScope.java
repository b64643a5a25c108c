package dev.kplan.engine.config;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.eval.EvalContext;
import dev.kplan.lang.eval.TemplateFileRenderer;
import dev.kplan.lang.functions.FunctionContext;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.value.Value;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation scope of a root module before any resource exists: {@code var}, {@code local} and
 * {@code path}, with the standard functions rooted at the module folder. {@code kplan console}
 * evaluates in it; the planner extends it with resources.
 */
public record ModuleScope(
    Module module, FunctionTable functions, Map<String, Value> variables, Diagnostics diagnostics) {
  public ModuleScope {
    variables = Map.copyOf(variables);
  }

  /** An evaluation context over this scope. */
  public EvalContext context() {
    return EvalContext.root(functions, variables);
  }


  public static ModuleScope load(Path dir, List<VariableInput> commandLine, Map<String, String> env, Clock clock) {
    Path absolute = dir.toAbsolutePath().normalize();
    LoadResult loaded = ConfigLoader.load(absolute);
    List<Diagnostic> diags = new ArrayList<>(loaded.diagnostics().items());
    FunctionTable[] table = new FunctionTable[1];
    // templatefile renders with the same function table it belongs to
    table[0] = FunctionTable.standard(
        new FunctionContext(absolute, clock, new TemplateFileRenderer(() -> table[0])));
    FunctionTable functions = table[0];
    List<VariableInput> inputs;
    try {
      inputs = VariableInputs.standard(absolute, env, commandLine);
    } catch (IOException e) {
      diags.add(Diagnostic.error("Failed to read variables files", e.getMessage(), null));
      inputs = commandLine;
    }
    VariableResolver.Resolved vars = VariableResolver.resolve(loaded.module(), inputs, functions);
    diags.addAll(vars.diagnostics().items());

    Map<String, Value> scope = new LinkedHashMap<>();
    scope.put("var", Value.object(vars.values()));
    scope.put("path", Value.object(Map.of(
        "module", Value.string("."),
        "root", Value.string("."),
        "cwd", Value.string(absolute.toString()))));
    LocalsEvaluator.Evaluated locals = LocalsEvaluator.evaluate(loaded.module(), scope, functions);
    diags.addAll(locals.diagnostics().items());
    scope.put("local", Value.object(locals.values()));
    return new ModuleScope(loaded.module(), functions, scope, Diagnostics.of(diags));
  }
}
