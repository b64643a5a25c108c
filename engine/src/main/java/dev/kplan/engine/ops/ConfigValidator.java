package dev.kplan.engine.ops;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.engine.config.LoadResult;
import dev.kplan.engine.config.Module;
import dev.kplan.engine.config.Variable;
import dev.kplan.engine.graph.GraphBuilder;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanOptions;
import dev.kplan.engine.planner.Planner;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.eval.TemplateFileRenderer;
import dev.kplan.lang.functions.FunctionContext;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderFactory;
import dev.kplan.state.StateSnapshot;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeSet;

/**
 * {@code kplan validate}: whether a configuration is valid in itself, without state, variable
 * values or the remote systems. Loading checks syntax, block structure and the {@code kplan}
 * block; the graph checks references and cycles; then the configuration is planned against an
 * empty state with every input variable unknown (of its declared type) and providers that never
 * connect ({@link OfflineProvider}), which checks bodies against the providers' schemas, argument
 * types, function calls and the providers' own validation. As in Terraform, a {@code count} or
 * {@code for_each} that depends on unknown values is not an error here: the plan decides it.
 */
public final class ConfigValidator {
  /** What only a plan with real values can settle. */
  private static final String DECIDED_BY_PLAN = "cannot be determined until apply";

  private ConfigValidator() {}

  /** The problems of the configuration in {@code dir}, with the providers on the class path. */
  public static Diagnostics validate(Path dir) {
    return validate(dir, ServiceLoader.load(ProviderFactory.class));
  }

  public static Diagnostics validate(Path dir, Iterable<ProviderFactory> factories) {
    LoadResult loaded = ConfigLoader.load(dir);
    if (loaded.diagnostics().hasErrors()) {
      return loaded.diagnostics();
    }
    Module module = loaded.module();
    GraphBuilder.Result built = GraphBuilder.build(module);
    Diagnostics structural = loaded.diagnostics().plus(built.diagnostics());
    if (structural.hasErrors()) {
      return structural;
    }
    Map<String, ProviderFactory> byName = new HashMap<>();
    factories.forEach(f -> byName.putIfAbsent(f.name(), f));
    Map<ProviderAddress, Provider> providers = new HashMap<>();
    TreeSet<ProviderAddress> needed = new TreeSet<>(dev.kplan.engine.config.ModuleTree.providers(module));
    Map<String, Value> variables = new LinkedHashMap<>();
    for (Variable v : module.variables()) {
      Value unknown = Value.unknownOf(v.type().type());
      variables.put(v.name(), v.sensitive() ? unknown.mark(Marks.SENSITIVE) : unknown);
    }
    try {
      for (ProviderAddress pa : needed) {
        ProviderFactory f = byName.get(pa.name());
        if (f != null) {
          providers.put(pa, new OfflineProvider(new BaseDirDefault(f.create(), dir)));
        }
      }
      Plan plan = Planner.plan(new Planner.Input(module, variables, StateSnapshot.empty("validate"), providers,
          functions(dir), PlanOptions.DEFAULT.withRefresh(false)));
      List<Diagnostic> out = new ArrayList<>(structural.items());
      for (Diagnostic d : plan.diagnostics().items()) {
        if (!(d.isError() && d.detail() != null && d.detail().contains(DECIDED_BY_PLAN))) {
          out.add(d);
        }
      }
      return Diagnostics.of(out);
    } finally {
      providers.values().forEach(Provider::close);
    }
  }

  private static FunctionTable functions(Path dir) {
    FunctionTable[] table = new FunctionTable[1];
    table[0] = FunctionTable.standard(new FunctionContext(dir.toAbsolutePath(), Clock.systemUTC(),
        new TemplateFileRenderer(() -> table[0])));
    return table[0];
  }
}
