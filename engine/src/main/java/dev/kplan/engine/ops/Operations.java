package dev.kplan.engine.ops;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.apply.Applier;
import dev.kplan.engine.apply.GroupCommit;
import dev.kplan.engine.apply.Replanner;
import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.engine.config.ImportBlock;
import dev.kplan.engine.config.KplanSettings;
import dev.kplan.engine.config.LoadResult;
import dev.kplan.engine.config.Module;
import dev.kplan.engine.config.ModuleTree;
import dev.kplan.engine.config.VariableInput;
import dev.kplan.engine.config.VariableInputs;
import dev.kplan.engine.config.VariableResolver;
import dev.kplan.engine.graph.Graph;
import dev.kplan.engine.graph.GraphBuilder;
import dev.kplan.engine.graph.Node;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.Drift;
import dev.kplan.engine.plan.DriftCause;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.engine.plan.PlanOptions;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.engine.planfile.ConfigChecksum;
import dev.kplan.engine.planfile.PlanFile;
import dev.kplan.engine.planner.InstancePlanner;
import dev.kplan.engine.planner.Planner;
import dev.kplan.engine.planner.SensitivePaths;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.eval.EvalContext;
import dev.kplan.lang.eval.TemplateFileRenderer;
import dev.kplan.lang.functions.FunctionContext;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderFactory;
import dev.kplan.provider.ResourceSchema;
import dev.kplan.state.LockInfo;
import dev.kplan.state.OutputValue;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateException;
import dev.kplan.state.StateLockedException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The engine's entry points for the CLI. Each operation loads the configuration in {@code dir},
 * resolves variables, opens the state store, holds the state lock from start to end (a second
 * kplan waits {@code -lock-timeout}, then fails naming the holder), creates one provider per
 * provider configuration the configuration or the state needs (found by {@code ServiceLoader}),
 * plans, and for apply and destroy carries the plan out and stores the outputs.
 */
public final class Operations {
  private final Map<String, ProviderFactory> factories;

  /** Operations with the providers on the class path. */
  public Operations() {
    this(ServiceLoader.load(ProviderFactory.class));
  }

  public Operations(Iterable<ProviderFactory> factories) {
    Map<String, ProviderFactory> byName = new TreeMap<>();
    for (ProviderFactory f : factories) {
      byName.putIfAbsent(f.name(), f);
    }
    this.factories = Map.copyOf(byName);
  }

  /** {@code kplan plan}: refresh and plan; the state is only read. */
  public OperationResult plan(Path dir, OperationOptions options) {
    return run(dir, options, "plan", null, (ctx) -> {
      Plan plan = ctx.plan(options.plan());
      return new OperationResult(plan, ctx.state, ctx.diags(plan.diagnostics()), ctx.planFile(plan));
    });
  }

  /**
   * {@code kplan plan -generate-config-out=FILE}: first writes FILE (which must not exist) with a
   * {@code resource} block for each root {@code import} block whose target has none
   * ({@link ConfigGeneration}), then plans with it. Without such import blocks it is {@link #plan}.
   */
  public OperationResult planGeneratingConfig(Path dir, OperationOptions options, Path out) {
    return planGeneratingConfig(dir, options, out, List.of()).result();
  }

  /**
   * {@link #planGeneratingConfig(Path, OperationOptions, Path)}, then (when {@code scopes} is not empty) the
   * unmanaged objects in {@code scopes} as {@link #planWithUnmanaged} lists them for the final plan.
   */
  public UnmanagedPlan planGeneratingConfig(Path dir, OperationOptions options, Path out, List<String> scopes) {
    LoadResult loaded = ConfigLoader.load(dir);
    List<ImportBlock> missing = ConfigGeneration.unconfigured(loaded.module());
    if (missing.isEmpty()) {
      return planMaybeUnmanaged(dir, options, scopes);
    }
    Path file = dir.resolve(out);
    if (Files.exists(file)) {
      return new UnmanagedPlan(new OperationResult(null, null, Diagnostics.of(Diagnostic.error(
          "Target generated file already exists",
          "-generate-config-out does not overwrite files: " + out + " exists. Remove it or name another file.",
          null))), UnmanagedScan.EMPTY);
    }
    List<Diagnostic> others = new ArrayList<>();
    for (Diagnostic d : loaded.diagnostics().items()) {
      if (!d.summary().equals("Configuration for import target does not exist")) {
        others.add(d);
      }
    }
    LoadResult withoutMissing = new LoadResult(ConfigGeneration.without(loaded.module(), missing),
        Diagnostics.of(others), loaded.settings());
    SensitiveVariables secrets = new SensitiveVariables(
        loaded.module().variables().stream().map(v -> v.name()).toList());
    OperationResult generated = run(dir, withoutMissing, options, "plan", null, m -> m, ctx -> {
      Plan plan = ctx.plan(options.plan());
      if (plan.diagnostics().hasErrors()) {
        return new OperationResult(plan, ctx.state, ctx.diags(plan.diagnostics()));
      }
      List<Diagnostic> diags = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      EvalContext idScope = EvalContext.root(ctx.functions, Map.of("var", Value.object(ctx.variables)));
      for (ImportBlock ib : missing) {
        String block = ConfigGeneration.block(ib, ctx.providers, idScope, diags, secrets, out.toString());
        if (block != null) {
          text.append(text.length() == 0 ? "" : "\n").append(block);
        }
      }
      if (!Diagnostics.of(diags).hasErrors()) {
        try {
          // laid out as kplan fmt would (aligned equals signs)
          Files.writeString(file, dev.kplan.lang.format.Formatter.format(text.toString(), out.toString()).text());
        } catch (IOException e) {
          diags.add(Diagnostic.error("Failed to write generated configuration", "Could not write " + out + ": "
              + e.getMessage(), null));
        }
      }
      return new OperationResult(null, ctx.state, ctx.diags(Diagnostics.of(diags)));
    });
    if (generated.diagnostics().hasErrors()) {
      return new UnmanagedPlan(generated, UnmanagedScan.EMPTY);
    }
    List<Diagnostic> all = new ArrayList<>(generated.diagnostics().items());
    OperationOptions withSecrets = options;
    if (!secrets.entries().isEmpty()) {
      // this plan uses the values just imported; later runs get them from the user
      List<VariableInput> inputs = new ArrayList<>();
      SensitiveVariables.valuesAsHcl(secrets.entries()).forEach((name, text) ->
          inputs.add(new VariableInput.Raw(name, text, VariableInput.Origin.COMMAND_LINE)));
      inputs.addAll(options.variables());
      withSecrets = options.withVariables(inputs);
      all.add(Diagnostic.warning("Sensitive values kept out of generated configuration", out + " refers to "
          + String.join(", ", secrets.entries().stream().map(e -> "var." + e.name()).toList())
          + " (declared sensitive) instead of writing the imported values. This plan uses the imported values;"
          + " set the variables with -var, a *.kpvars.hcl file or KPLAN_VAR_<name> for later plans and apply.",
          null));
    }
    UnmanagedPlan up = planMaybeUnmanaged(dir, withSecrets, scopes);
    OperationResult planned = up.result();
    all.addAll(planned.diagnostics().items());
    return new UnmanagedPlan(
        new OperationResult(planned.plan(), planned.state(), Diagnostics.of(all), planned.planFile()), up.unmanaged());
  }

  private UnmanagedPlan planMaybeUnmanaged(Path dir, OperationOptions options, List<String> scopes) {
    return scopes.isEmpty()
        ? new UnmanagedPlan(plan(dir, options), UnmanagedScan.EMPTY)
        : planWithUnmanaged(dir, options, scopes);
  }

  /**
   * {@code kplan plan -unmanaged=SCOPES}: the plan, then the live objects in {@code scopes} that none of its
   * resources manages (see {@link UnmanagedScan}); nothing is listed when the plan has errors.
   */
  public UnmanagedPlan planWithUnmanaged(Path dir, OperationOptions options, List<String> scopes) {
    UnmanagedScan[] scan = {UnmanagedScan.EMPTY};
    OperationResult result = run(dir, options, "plan", null, (ctx) -> {
      Plan plan = ctx.plan(options.plan());
      if (!plan.diagnostics().hasErrors()) {
        scan[0] = UnmanagedIgnore.load(dir).filter(UnmanagedScan.run(ctx.providers, plan, scopes));
      }
      return new OperationResult(plan, ctx.state, ctx.diags(plan.diagnostics()), ctx.planFile(plan));
    });
    return new UnmanagedPlan(result, scan[0]);
  }

  /** {@code kplan apply}: plan, then carry the plan out unless it has errors. */
  public OperationResult apply(Path dir, OperationOptions options) {
    return run(dir, options, "apply", null, ctx -> {
      Plan plan = ctx.plan(options.plan());
      if (plan.diagnostics().hasErrors()) {
        return new OperationResult(plan, ctx.state, ctx.diags(plan.diagnostics()));
      }
      return ctx.apply(plan);
    });
  }

  /**
   * The interactive {@code kplan apply} (and {@code destroy}): plans, asks {@code approval}, and
   * carries out that very plan in the same operation, under the same lock and with the providers
   * the plan configured, as Terraform does. Nothing is planned twice: refreshing and planning
   * thousands of objects is most of a no-change apply's time. A plan with errors is not offered
   * for approval.
   */
  public ApprovedApply planThenApply(Path dir, OperationOptions options, Approval approval) {
    OperationResult[] planned = new OperationResult[1];
    OperationResult result = run(dir, options, "apply", null, ctx -> {
      Plan plan = ctx.plan(options.plan());
      planned[0] = new OperationResult(plan, ctx.state, ctx.diags(plan.diagnostics()));
      if (plan.diagnostics().hasErrors() || !approval.approve(planned[0])) {
        return null;
      }
      return ctx.apply(plan);
    });
    // no plan: the operation failed before planning (configuration, variables, lock, state)
    return planned[0] == null ? new ApprovedApply(result, null) : new ApprovedApply(planned[0], result);
  }

  /** {@code kplan destroy}: plan in destroy mode and carry it out. */
  public OperationResult destroy(Path dir, OperationOptions options) {
    return apply(dir, options.withPlan(options.plan().withMode(PlanMode.DESTROY)));
  }

  /**
   * Carries out a plan just made (the interactive {@code kplan apply}) exactly, refused when the
   * state moved on (another serial or lineage) since the plan was made.
   */
  public OperationResult applySaved(Path dir, Plan saved, OperationOptions options) {
    return run(dir, options, "apply", null, ctx -> ctx.applySaved(saved));
  }

  /**
   * The checksum a plan file holds: every configuration file of the module tree (children named
   * relative to the root) and the root's {@code *.auto.kpvars.hcl} files, so that editing any of
   * them after planning makes {@code apply FILE} refuse rather than apply values they no longer say.
   */
  static String configChecksum(Module module) {
    Map<String, String> files = new TreeMap<>(module.sources());
    try (java.util.stream.Stream<Path> s = Files.list(module.dir())) {
      for (Path p : s.filter(f -> f.getFileName().toString().endsWith(VariableInputs.AUTO_SUFFIX)
          && Files.isRegularFile(f)).sorted().toList()) {
        files.put(p.getFileName().toString(), Files.readString(p));
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return ConfigChecksum.of(files);
  }

  /**
   * {@code kplan apply FILE}: carries out a plan file exactly, with the variables and options it
   * was made with; refused when the configuration files changed since (another checksum) or the
   * state moved on. {@code options} contribute only what is not part of a plan (lock timeout,
   * parallelism, who, listener, state file).
   */
  public OperationResult applyPlanFile(Path dir, PlanFile file, OperationOptions options) {
    OperationOptions fixed = options.withPlan(file.options().withParallelism(options.parallelism()));
    return run(dir, fixed, "apply", file.variables(), ctx -> {
      if (!configChecksum(ctx.module).equals(file.configChecksum())) {
        return new OperationResult(file.plan(), ctx.state, ctx.diags(Diagnostics.of(Diagnostic.error(
            "Saved plan does not match the configuration",
            "The configuration files in " + dir + " changed after the plan was created, so the plan may no longer"
                + " describe what they say. Create a new plan with \"kplan plan -out=FILE\" and apply that.",
            null))));
      }
      return ctx.applySaved(file.plan());
    });
  }

  /**
   * {@code kplan import ADDR ID}: brings the existing object {@code id} under management as the
   * instance {@code to}, as an {@code import} block would, but records only the imported object
   * (read back from the provider, with nothing else planned or applied), in one new state version.
   * The instance must be configured and not be in the state yet.
   */
  public OperationResult importObject(Path dir, OperationOptions options, ResourceAddress to, String id) {
    dev.kplan.engine.config.ImportBlock block = new dev.kplan.engine.config.ImportBlock(to,
        new dev.kplan.lang.ast.LiteralExpr(Value.string(id), null), null);
    return run(dir, options, "import", null, m -> ImportOnly.withImport(m, block),
        ctx -> ctx.importOnly(to, id));
  }

  /**
   * Where the state of the configuration in {@code dir} is: its {@code state "h2"} block's path
   * (relative to {@code dir}), else {@code .kplan/state.mv.db} beside it.
   */
  public static Path stateFile(Path dir, KplanSettings settings) {
    KplanSettings.StateBackend backend = settings.state();
    if (backend != null && backend.path() != null) {
      return dir.resolve(backend.path()).normalize();
    }
    return JdbcStateStore.defaultFile(dir);
  }

  // ---- the frame every operation shares ----

  private interface Body {
    OperationResult run(Context ctx);
  }

  /** {@code fixedVariables}: a saved plan's variable values (null: resolve them from the inputs). */
  private OperationResult run(Path dir, OperationOptions options, String operation, Map<String, Value> fixedVariables,
      Body body) {
    return run(dir, ConfigLoader.load(dir), options, operation, fixedVariables, m -> m, body);
  }

  /** {@code adjust}: what the operation adds to the loaded root module (import's block). */
  private OperationResult run(Path dir, OperationOptions options, String operation, Map<String, Value> fixedVariables,
      java.util.function.UnaryOperator<Module> adjust, Body body) {
    return run(dir, ConfigLoader.load(dir), options, operation, fixedVariables, adjust, body);
  }

  /** As above, with the configuration already loaded. */
  private OperationResult run(Path dir, LoadResult loaded, OperationOptions options, String operation,
      Map<String, Value> fixedVariables, java.util.function.UnaryOperator<Module> adjust, Body body) {
    List<Diagnostic> diags = new ArrayList<>();
    diags.addAll(loaded.diagnostics().items());
    if (loaded.diagnostics().hasErrors()) {
      return new OperationResult(null, null, Diagnostics.of(diags));
    }
    Module module = adjust.apply(loaded.module());
    FunctionTable functions = functions(dir);
    Map<String, Value> variables = fixedVariables;
    if (variables == null) {
      VariableResolver.Resolved vars;
      try {
        vars = VariableResolver.resolve(module,
            VariableInputs.standard(dir, options.environment(), options.variables()), functions);
      } catch (IOException e) {
        diags.add(Diagnostic.error("Failed to read variables", "Could not read variable files in " + dir + ": "
            + e.getMessage(), null));
        return new OperationResult(null, null, Diagnostics.of(diags));
      }
      diags.addAll(vars.diagnostics().items());
      if (vars.diagnostics().hasErrors()) {
        return new OperationResult(null, null, Diagnostics.of(diags));
      }
      variables = vars.values();
    }
    String workspace;
    char[] passphrase;
    try {
      workspace = WorkspaceSelection.current(dir, options.environment());
      passphrase = StatePassphrase.of(loaded.settings(), variables, functions, options.environment());
    } catch (StateException e) {
      diags.add(Diagnostic.error("Failed to use the state", e.getMessage(), null));
      return new OperationResult(null, null, Diagnostics.of(diags));
    }
    try (StateStore store = StateBackends.openWorkspace(options.stateFile() != null ? options.stateFile().toString()
        : StateBackends.location(dir, loaded.settings(), options.environment()), dir, options.environment(),
        passphrase)) {
      try (StateStore.Lock lock = store.lock(options.who(), operation, options.lockTimeout())) {
        StateSnapshot state = store.read();
        Context ctx = new Context(dir, module, variables, functions, state, lock, options, diags);
        ctx.workspace = workspace;
        ctx.operation = operation;
        ctx.intents = store.intents();
        try {
          return body.run(ctx);
        } finally {
          ctx.closeProviders();
        }
      }
    } catch (StateLockedException e) {
      diags.add(lockedDiagnostic(e.holder()));
      return new OperationResult(null, null, Diagnostics.of(diags));
    } catch (StateException e) {
      diags.add(Diagnostic.error("Failed to use the state", e.getMessage(), null));
      return new OperationResult(null, null, Diagnostics.of(diags));
    }
  }

  private static Diagnostic lockedDiagnostic(LockInfo holder) {
    return Diagnostic.error("Error acquiring the state lock",
        "The state is locked by " + holder.owner() + ".\n\nLock Info:\n  ID:        " + holder.id()
            + "\n  Operation: " + holder.operation() + "\n  Who:       " + holder.owner() + "\n  Created:   "
            + holder.created() + "\n\nkplan acquires a state lock to protect the state from being written by multiple"
            + " users at the same time. Wait for that operation to finish and try again (or raise -lock-timeout);"
            + " if its process died on another host, remove the lock with \"kplan force-unlock " + holder.id()
            + "\".", null);
  }

  private static FunctionTable functions(Path dir) {
    FunctionTable[] table = new FunctionTable[1];
    table[0] = FunctionTable.standard(new FunctionContext(dir.toAbsolutePath(), Clock.systemUTC(),
        new TemplateFileRenderer(() -> table[0])));
    return table[0];
  }

  /** One operation in progress: the loaded inputs, the state as read, the lock, the providers. */
  private final class Context {
    final Path dir;
    final Module module;
    final Map<String, Value> variables;
    final FunctionTable functions;
    StateSnapshot state; // replaced once when objects of an interrupted apply are adopted
    final StateStore.Lock lock;
    String operation = "plan";
    List<dev.kplan.state.Intent> intents = List.of(); // the journal's open intents, followed up by the first plan
    final OperationOptions options;
    final List<Diagnostic> diags;
    String workspace = WorkspaceSelection.DEFAULT; // kplan.workspace in the configuration
    final Set<Provider> opened = new java.util.LinkedHashSet<>(); // providers compare by identity
    Map<ProviderAddress, Provider> providers;
    boolean targeted; // outputs may then rightly stay unknown: they can depend on what was left out
    private Graph graph;
    private Set<ResourceAddress> withPostconditions; // configuration addresses, found once

    Context(Path dir, Module module, Map<String, Value> variables, FunctionTable functions, StateSnapshot state,
        StateStore.Lock lock, OperationOptions options, List<Diagnostic> diags) {
      this.dir = dir;
      this.module = module;
      this.variables = variables;
      this.functions = functions;
      this.state = state;
      this.lock = lock;
      this.options = options;
      this.diags = diags;
    }

    Diagnostics diags(Diagnostics more) {
      List<Diagnostic> all = new ArrayList<>(diags);
      all.addAll(more.items());
      return Diagnostics.of(all);
    }

    /**
     * Plans with the operation's providers (configuring them). Intents an interrupted apply left
     * are followed up first ({@link InterruptedCreates}): the first plan configures the providers
     * that look the objects up, and when some were adopted the plan is made again on that state.
     */
    Plan plan(PlanOptions planOptions) {
      targeted = !planOptions.targets().isEmpty();
      providers = openProviders(state);
      Plan p = Planner.plan(new Planner.Input(module, variables, state, providers, functions, planOptions, workspace));
      if (intents.isEmpty()) {
        return p;
      }
      List<dev.kplan.state.Intent> open = intents;
      intents = List.of();
      LazyLock lazy = new LazyLock(lock, options.who(), "kplan " + operation + " (adopting objects of an interrupted apply)");
      InterruptedCreates.Result r;
      try {
        r = InterruptedCreates.followUp(open, providers, lazy, dependencies(module, state));
        if (lazy.begun()) {
          state = lazy.commit();
        }
      } catch (StateException e) {
        return p.withInterrupted(List.of(), Diagnostics.of(Diagnostic.error("Failed to save state",
            "kplan could not follow up what an interrupted apply left: " + e.getMessage(), null)));
      }
      if (r.adopted()) {
        providers = openProviders(state);
        p = Planner.plan(new Planner.Input(module, variables, state, providers, functions, planOptions, workspace));
      }
      return p.withInterrupted(r.found(), r.diagnostics());
    }

    /** A saved plan carried out, unless it failed or the state moved on since it was made. */
    OperationResult applySaved(Plan saved) {
      if (saved.diagnostics().hasErrors()) {
        return new OperationResult(saved, state, diags(Diagnostics.of(Diagnostic.error(
            "Saved plan has errors", "A plan that failed cannot be applied.", null))));
      }
      if (saved.priorSerial() != state.serial() || !saved.lineage().equals(state.lineage())) {
        return new OperationResult(saved, state, diags(Diagnostics.of(Diagnostic.error("Saved plan is stale",
            "The given plan file can no longer be applied because the state was changed by another operation after"
                + " the plan was created (plan serial " + saved.priorSerial() + ", state serial " + state.serial()
                + (saved.lineage().equals(state.lineage()) ? "" : ", another lineage") + ").", null))));
      }
      // planning again configures the providers; the saved plan is what gets applied
      long serial = state.serial();
      Plan configuring = plan(options.plan().withMode(saved.mode()).withRefresh(false));
      if (configuring.diagnostics().hasErrors()) {
        return new OperationResult(saved, state, diags(configuring.diagnostics()));
      }
      if (state.serial() != serial) {
        return new OperationResult(saved, state, diags(Diagnostics.of(Diagnostic.error("Saved plan is stale",
            "Objects created by an interrupted apply were found and adopted into the state ("
                + configuring.interrupted().stream().map(i -> i.address().toString())
                    .collect(java.util.stream.Collectors.joining(", "))
                + "), so the plan may create them a second time. Create a new plan and apply that.", null))));
      }
      return apply(saved);
    }

    /** What {@code plan -out=FILE} saves of {@code plan} (null when the plan failed). */
    PlanFile planFile(Plan plan) {
      if (plan.diagnostics().hasErrors()) {
        return null;
      }
      Map<String, Value> priorOutputs = new TreeMap<>();
      for (OutputValue o : state.outputs().values()) {
        Value v = JsonCodec.decode(o.valueJson(), Type.DYNAMIC);
        priorOutputs.put(o.name(), o.sensitive() ? v.mark(dev.kplan.lang.value.Marks.SENSITIVE) : v);
      }
      return new PlanFile(plan, options.plan(), variables, priorOutputs, configChecksum(module));
    }

    /** The command recorded with the version written (null: apply's or destroy's). */
    String command;

    /** Plans {@code to} alone with its import and records only the imported object. */
    OperationResult importOnly(ResourceAddress to, String id) {
      Diagnostic refused = ImportOnly.check(module, state, to);
      if (refused != null) {
        return new OperationResult(null, state, diags(Diagnostics.of(refused)));
      }
      Plan plan = plan(options.plan().withMode(PlanMode.NORMAL).withTargets(List.of(to)));
      if (plan.diagnostics().hasErrors()) {
        return new OperationResult(plan, state, diags(plan.diagnostics()));
      }
      Plan adopt = ImportOnly.adoptOnly(plan, to);
      if (adopt == null) {
        return new OperationResult(plan, state, diags(plan.diagnostics().plus(Diagnostic.error(
            "Configuration for import target does not exist", "The configuration has no instance " + to
                + " (check its count or for_each); nothing was imported.", null))));
      }
      command = "kplan import " + to + " " + id;
      return apply(adopt);
    }

    OperationResult apply(Plan plan) {
      // changes finishing together share a commit; each is still durable before its record returns
      LazyLock lazy = new LazyLock(new GroupCommit(lock), options.who(),
          command != null ? command : commandLine(plan.mode()));
      List<Diagnostic> all = new ArrayList<>(plan.diagnostics().items());
      StateSnapshot refreshed;
      try {
        refreshed = persistRefreshed(plan, lazy);
      } catch (StateException e) {
        all.add(Diagnostic.error("Failed to save state", e.getMessage(), null));
        return new OperationResult(plan, state, diags(Diagnostics.of(all)));
      }
      Applier.Result applied = Applier.apply(new Applier.Input(plan, providers, refreshed,
          dependencies(module, state), lazy, replanner(plan), options.parallelism(), options.listener(),
          Duration.ofSeconds(10), this::checkPostconditions));
      all.addAll(applied.diagnostics().items());
      try {
        storeOutputs(plan.mode(), applied.state(), lazy, all);
        StateSnapshot after = lazy.begun() ? lazy.commit() : state;
        return new OperationResult(plan, after, diags(Diagnostics.of(all)));
      } catch (StateException e) {
        all.add(Diagnostic.error("Failed to save state", e.getMessage(), null));
        return new OperationResult(plan, applied.state(), diags(Diagnostics.of(all)));
      }
    }

    /**
     * What refreshing found, written to the state for objects the plan leaves alone (as Terraform
     * does on apply, and all there is to {@code apply -refresh-only}); objects being changed are
     * recorded by the applier instead.
     */
    private StateSnapshot persistRefreshed(Plan plan, StateStore.Lock lazy) throws StateException {
      Map<String, ResourceInstance> resources = new TreeMap<>(state.resources());
      Map<String, dev.kplan.state.DeposedObject> deposed = new TreeMap<>(state.deposed());
      for (Drift d : plan.drift()) {
        if (d.deposedKey() != null) {
          // a deposed object deleted outside kplan: nothing is left to destroy, so it leaves the state
          String id = dev.kplan.state.DeposedObject.id(d.address().toString(), d.deposedKey());
          if (d.cause() == DriftCause.DELETED && deposed.remove(id) != null) {
            lazy.record(new StateChange.RemoveDeposed(d.address().toString(), d.deposedKey()));
          }
          continue;
        }
        ResourceChange c = plan.change(d.address());
        if (c != null && c.action() != Action.NO_OP && plan.mode() != PlanMode.REFRESH_ONLY) {
          continue;
        }
        String key = d.address().toString();
        ResourceInstance stored = resources.get(key);
        if (stored == null) {
          continue;
        }
        if (d.cause() == DriftCause.DELETED) {
          lazy.record(new StateChange.Remove(key));
          resources.remove(key);
        } else {
          ResourceInstance live = new ResourceInstance(key, stored.providerAddress(), stored.schemaVersion(),
              JsonCodec.encode(ValueMarks.unmarkDeep(d.live()), schemaType(stored, d)), SensitivePaths.encode(d.live()),
              stored.dependencies(), stored.tainted(), stored.privateData());
          lazy.record(new StateChange.Put(live));
          resources.put(key, live);
        }
      }
      return new StateSnapshot(state.serial(), state.lineage(), resources, state.outputs(), deposed);
    }

    /** The schema's type for a stored object, which the typed state encoding follows. */
    private Type schemaType(ResourceInstance stored, Drift d) {
      AddressParser.Result<ProviderAddress> pa = ProviderAddress.parse(stored.providerAddress());
      Provider p = pa.ok() && providers != null ? providers.get(pa.value()) : null;
      ResourceSchema rs = p == null ? null : p.schema().resources().get(d.address().type());
      // the planner read this object with its schema, so there is one; the fallback only keeps types exact
      return rs == null ? d.live().type() : rs.block().impliedType();
    }

    /**
     * Plans one instance again at apply time: alone, with the apply's providers, when the
     * {@link InstancePlanner} can; otherwise with {@link #replan}.
     */
    private Replanner replanner(Plan plan) {
      InstancePlanner narrow = new InstancePlanner(module, variables, functions, providers, plan);
      return (instance, applied) -> narrow.replan(instance, applied)
          .map(r -> new Replanner.Result(r.change(), r.diagnostics()))
          .orElseGet(() -> replan(instance, applied));
    }

    /**
     * Plans one instance again against the state applied so far, with providers of its own. Only
     * what it depends on takes part (the resources, locals and providers of its closure in the
     * graph, and their stored objects; of its own resource, just this instance), and only the
     * instance itself and data sources are planned, the rest being read from the state: re-planning
     * the whole configuration for each instance would make an apply quadratic.
     */
    Replanner.Result replan(ResourceAddress instance, Map<String, ResourceInstance> applied) {
      Set<Node> closure = graph().closure(Set.of(new Node.ResourceNode(instance.config())));
      Set<ResourceAddress> resourceAddrs = new HashSet<>();
      List<ResourceAddress> targets = new ArrayList<>(List.of(instance));
      for (Node n : closure) {
        if (n instanceof Node.ResourceNode r) {
          resourceAddrs.add(r.address().config());
          if (r.address().mode() == dev.kplan.engine.addrs.ResourceMode.DATA) {
            targets.add(r.address().config()); // data sources read during apply are read again now
          }
        }
      }
      Module sub = ReplanScope.filter(module, closure);
      Map<String, ResourceInstance> subResources = new TreeMap<>();
      applied.forEach((k, ri) -> {
        AddressParser.Result<ResourceAddress> a = ResourceAddress.parse(k);
        if (a.ok() && resourceAddrs.contains(a.value().config())
            && (!a.value().config().equals(instance.config()) || a.value().equals(instance))) {
          subResources.put(k, ri);
        }
      });
      StateSnapshot subState = new StateSnapshot(state.serial(), state.lineage(), subResources, Map.of());
      Map<ProviderAddress, Provider> own = openProviders(sub, subState);
      Plan p;
      try {
        p = Planner.plan(new Planner.Input(sub, variables, subState, own, functions,
            PlanOptions.DEFAULT.withRefresh(false).withTargets(targets), workspace));
      } finally {
        close(own.values()); // one set per re-plan: an apply may re-plan thousands of instances
      }
      ResourceChange c = p.change(instance);
      if (c == null && !p.diagnostics().hasErrors()) {
        return new Replanner.Result(null, Diagnostics.of(Diagnostic.error("Instance vanished at apply time",
            "Planning " + instance + " again with the values known during apply no longer produces it.", null)));
      }
      return new Replanner.Result(c, p.diagnostics());
    }

    /**
     * The postconditions of {@code instance} against its object as applied: planning it again
     * with the applied state evaluates them with a known {@code self}. Instances without
     * postconditions are not planned again.
     */
    Diagnostics checkPostconditions(ResourceAddress instance, Map<String, ResourceInstance> applied) {
      if (!hasPostconditions(instance)) {
        return Diagnostics.NONE;
      }
      Replanner.Result r = replan(instance, applied);
      return Diagnostics.of(r.diagnostics().items().stream().filter(Diagnostic::isError).toList());
    }

    private synchronized boolean hasPostconditions(ResourceAddress instance) {
      if (withPostconditions == null) {
        withPostconditions = new HashSet<>();
        for (ModuleTree.Entry e : ModuleTree.walk(module)) {
          for (dev.kplan.engine.config.ResourceBlock rb : e.module().resources()) {
            if (!rb.lifecycle().postconditions().isEmpty()) {
              withPostconditions.add(GraphBuilder.resourceNode(e.path(), rb).address());
            }
          }
        }
      }
      return withPostconditions.contains(instance.config());
    }

    private synchronized Graph graph() {
      if (graph == null) {
        graph = GraphBuilder.build(module).graph();
      }
      return graph;
    }

    /** Outputs as the configuration says with the applied state (none after destroy). */
    private void storeOutputs(PlanMode mode, StateSnapshot applied, LazyLock lazy, List<Diagnostic> all)
        throws StateException {
      Map<String, Value> outputs = Map.of();
      // with no outputs declared or stored there is nothing to settle: planning again (thousands of
      // objects, the providers configured anew) would only be thrown away
      if (mode != PlanMode.DESTROY && (!module.outputs().isEmpty() || !state.outputs().isEmpty())) {
        // after apply -refresh-only, outputs follow the refreshed objects, not a plan to restore them
        Plan p = Planner.plan(new Planner.Input(module, variables, applied, openProviders(applied), functions,
            PlanOptions.DEFAULT.withRefresh(false).withMode(mode), workspace));
        for (Diagnostic d : p.diagnostics().items()) {
          // warnings were shown with the plan; a postcondition that failed during apply was reported then
          if (d.isError() && !all.contains(d)) {
            all.add(d);
          }
        }
        outputs = p.outputs();
      }
      boolean explained = targeted || all.stream().anyMatch(Diagnostic::isError);
      for (Map.Entry<String, Value> o : outputs.entrySet()) {
        Value v = o.getValue();
        if (!v.isWhollyKnown()) {
          if (!explained) {
            // nothing failed and nothing was left out, so the applied state does not settle the
            // plan (a provider's perpetual diff, or a state that does not read back as written):
            // say so rather than silently keep a stale value, or none
            all.add(Diagnostic.warning("Output value not saved",
                "The value of output \"" + o.getKey() + "\" is still unknown after apply, because planning "
                    + "again with the applied state proposes further changes to what it depends on. "
                    + "The output was not saved; run plan to see the changes.", null));
          }
          continue;
        }
        // typed (an output's type is any), so that a list is read back as a list, not a tuple
        OutputValue ov = new OutputValue(o.getKey(), JsonCodec.encode(ValueMarks.unmarkDeep(v), Type.DYNAMIC),
            ValueMarks.deepMarks(v).isSensitive());
        if (!ov.equals(state.outputs().get(o.getKey()))) {
          lazy.record(new StateChange.SetOutput(ov));
        }
      }
      for (String name : state.outputs().keySet()) {
        if (!outputs.containsKey(name)) {
          lazy.record(new StateChange.RemoveOutput(name));
        }
      }
    }

    private Map<ProviderAddress, Provider> openProviders(StateSnapshot st) {
      return openProviders(module, st);
    }

    private Map<ProviderAddress, Provider> openProviders(Module m, StateSnapshot st) {
      Set<ProviderAddress> needed = new TreeSet<>(ModuleTree.providers(m));
      for (ResourceInstance ri : st.resources().values()) {
        AddressParser.Result<ProviderAddress> pa = ProviderAddress.parse(ri.providerAddress());
        if (pa.ok()) {
          needed.add(pa.value());
        }
      }
      Map<ProviderAddress, Provider> out = new HashMap<>();
      for (ProviderAddress pa : needed) {
        ProviderFactory f = factories.get(pa.name());
        if (f != null) {
          Provider p = new BaseDirDefault(f.create(), dir);
          synchronized (opened) { // re-plans open providers from worker threads
            opened.add(p);
          }
          out.put(pa, p);
        }
      }
      return out;
    }

    void closeProviders() {
      List<Provider> all;
      synchronized (opened) {
        all = List.copyOf(opened);
      }
      close(all);
    }

    private void close(java.util.Collection<Provider> providers) {
      synchronized (opened) {
        opened.removeAll(providers);
      }
      for (Provider p : providers) {
        p.close();
      }
    }
  }

  private static String commandLine(PlanMode mode) {
    return mode == PlanMode.DESTROY ? "kplan destroy" : "kplan apply";
  }

  /**
   * Each resource's dependencies (configuration addresses: module and instance keys dropped): through locals and providers
   * from the configuration's graph, and as stored for resources the configuration no longer has.
   */
  static Map<ResourceAddress, Set<ResourceAddress>> dependencies(Module module, StateSnapshot state) {
    Map<ResourceAddress, Set<ResourceAddress>> out = new HashMap<>();
    for (ResourceInstance ri : state.resources().values()) {
      AddressParser.Result<ResourceAddress> a = ResourceAddress.parse(ri.address());
      if (!a.ok()) {
        continue;
      }
      Set<ResourceAddress> deps = out.computeIfAbsent(a.value().config(), k -> new HashSet<>());
      for (String d : ri.dependencies()) {
        AddressParser.Result<ResourceAddress> da = ResourceAddress.parse(d);
        if (da.ok()) {
          deps.add(da.value().config());
        }
      }
    }
    GraphBuilder.Result built = GraphBuilder.build(module);
    Graph graph = built.graph();
    for (Node n : graph.nodes()) {
      if (n instanceof Node.ResourceNode r) {
        Set<ResourceAddress> deps = new HashSet<>();
        Deque<Node> todo = new ArrayDeque<>(graph.dependenciesOf(n));
        Set<Node> seen = new HashSet<>();
        while (!todo.isEmpty()) {
          Node d = todo.pop();
          if (!seen.add(d)) {
            continue;
          }
          if (d instanceof Node.ResourceNode dr) {
            deps.add(dr.address().config());
          } else {
            todo.addAll(graph.dependenciesOf(d));
          }
        }
        out.put(r.address().config(), deps); // the configuration's view wins over what was stored
      }
    }
    return out;
  }

  /** The lock, opening the new state version only when the first change is recorded. */
  private static final class LazyLock implements StateStore.Lock {
    private final StateStore.Lock lock;
    private final String who;
    private final String command;
    private boolean begun;

    LazyLock(StateStore.Lock lock, String who, String command) {
      this.lock = lock;
      this.who = who;
      this.command = command;
    }

    @Override
    public LockInfo info() {
      return lock.info();
    }

    @Override
    public void begin(String w, String c) throws StateException {
      synchronized (this) {
        if (!begun) {
          lock.begin(w, c);
          begun = true;
        }
      }
    }

    @Override
    public void record(StateChange change) throws StateException {
      begin(who, command);
      lock.record(change);
    }

    @Override
    public void recordIntent(dev.kplan.state.Intent intent) throws StateException {
      lock.recordIntent(intent);
    }

    @Override
    public void recordResult(String intentId, StateChange change) throws StateException {
      begin(who, command);
      lock.recordResult(intentId, change);
    }

    @Override
    public void closeIntent(String intentId) throws StateException {
      lock.closeIntent(intentId);
    }

    synchronized boolean begun() {
      return begun;
    }

    @Override
    public StateSnapshot commit() throws StateException {
      return lock.commit();
    }

    @Override
    public void close() {
      // the operation closes the real lock
    }
  }
}
