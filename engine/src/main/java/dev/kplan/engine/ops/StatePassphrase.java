package dev.kplan.engine.ops;

import dev.kplan.engine.config.KplanSettings;
import dev.kplan.engine.config.LoadResult;
import dev.kplan.engine.config.VariableInputs;
import dev.kplan.engine.config.VariableResolver;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.eval.EvalContext;
import dev.kplan.lang.eval.EvalResult;
import dev.kplan.lang.eval.Evaluator;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.state.StateException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The passphrase that encrypts sensitive state values: {@code KPLAN_STATE_PASSPHRASE} when set,
 * else the {@code kplan { encryption { passphrase = … } } } expression, evaluated before anything
 * else with the variables only (it is needed to read the state, which everything else needs);
 * null when neither is given (or the expression is null). Never printed.
 */
public final class StatePassphrase {
  public static final String VARIABLE = "KPLAN_STATE_PASSPHRASE";

  /** What {@code state rekey} reads the passphrase being replaced from. */
  public static final String OLD_VARIABLE = "KPLAN_STATE_OLD_PASSPHRASE";

  private StatePassphrase() {}

  /** With the operation's resolved {@code variables}. */
  public static char[] of(KplanSettings settings, Map<String, Value> variables, FunctionTable functions,
      Map<String, String> env) throws StateException {
    String fromEnv = env.get(VARIABLE);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv.toCharArray();
    }
    if (settings.passphrase() == null) {
      return null;
    }
    EvalResult r = Evaluator.evaluate(settings.passphrase(), EvalContext.root(functions,
        Map.of("var", Value.object(variables))));
    if (r.hasErrors()) {
      throw new StateException("The encryption passphrase cannot be evaluated (it may refer to variables only): "
          + r.diagnostics().items().stream().filter(Diagnostic::isError)
              .map(d -> d.summary() + ": " + d.detail()).collect(Collectors.joining("; ")));
    }
    Value v = ValueMarks.unmarkDeep(r.value());
    if (v.isKnown() && v.isNull()) {
      return null; // a variable left null: no encryption, as without the block
    }
    if (!v.isKnown() || !(v instanceof StringValue s) || s.value().isEmpty()) {
      throw new StateException("The encryption passphrase must be a non-empty string known before planning; give"
          + " its variable a value, or set " + VARIABLE + ".");
    }
    return s.value().toCharArray();
  }

  /** For commands that take no {@code -var} (show, output, state …): variables from files and the environment. */
  public static char[] of(Path dir, LoadResult loaded, FunctionTable functions, Map<String, String> env)
      throws StateException {
    if (env.get(VARIABLE) != null && !env.get(VARIABLE).isEmpty() || loaded.settings().passphrase() == null) {
      return of(loaded.settings(), Map.of(), functions, env);
    }
    VariableResolver.Resolved vars;
    try {
      vars = VariableResolver.resolve(loaded.module(), VariableInputs.standard(dir, env, List.of()), functions);
    } catch (IOException e) {
      throw new StateException("Cannot read the variables the encryption passphrase needs: " + e.getMessage(), e);
    }
    return of(loaded.settings(), vars.values(), functions, env);
  }
}
