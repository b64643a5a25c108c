package dev.kplan.engine.planner;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.InstanceKey;
import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.ResourceMode;
import dev.kplan.engine.config.ImportBlock;
import dev.kplan.engine.config.Local;
import dev.kplan.engine.config.Module;
import dev.kplan.engine.config.OutputBlock;
import dev.kplan.engine.config.ProviderBlock;
import dev.kplan.engine.config.ResourceBlock;
import dev.kplan.engine.config.ResourceSchemaChecker;
import dev.kplan.engine.graph.Graph;
import dev.kplan.engine.graph.GraphBuilder;
import dev.kplan.engine.graph.Node;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.ChangeReason;
import dev.kplan.engine.plan.Drift;
import dev.kplan.engine.plan.DriftCause;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.engine.plan.PlanOptions;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.References;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.ast.Traverser;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.diag.Suggestions;
import dev.kplan.lang.eval.EvalContext;
import dev.kplan.lang.eval.EvalResult;
import dev.kplan.lang.eval.Evaluator;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.JsonCodecException;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.PathStep;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.ConfigureRequest;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderSchema;
import dev.kplan.provider.ReadDataRequest;
import dev.kplan.provider.ReadDataResult;
import dev.kplan.provider.ReadRequest;
import dev.kplan.provider.ReadResult;
import dev.kplan.provider.ResourceSchema;
import dev.kplan.provider.UpgradeStateRequest;
import dev.kplan.provider.UpgradeStateResult;
import dev.kplan.provider.ValidateRequest;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Computes a {@link Plan}: refreshes the stored objects (one batched read per provider and
 * resource type), then walks the dependency graph in order, evaluating locals, configuring
 * providers, expanding and planning each resource instance (proposed new state → provider plan →
 * validity check → action), and evaluating outputs; stored instances no longer in the
 * configuration are planned for deletion. References to a resource see its planned values, with
 * unknowns where only apply can tell.
 */
public final class Planner {
  private Planner() {}

  /** What a plan is made from. {@code variables} are resolved (typed, marked); providers are unconfigured. */
  public record Input(
      Module module,
      Map<String, Value> variables,
      StateSnapshot state,
      Map<ProviderAddress, Provider> providers,
      FunctionTable functions,
      PlanOptions options,
      String workspace) {
    /** Planning in the {@code default} workspace. */
    public Input(Module module, Map<String, Value> variables, StateSnapshot state,
        Map<ProviderAddress, Provider> providers, FunctionTable functions, PlanOptions options) {
      this(module, variables, state, providers, functions, options, "default");
    }

    public Input {
      Objects.requireNonNull(workspace, "workspace is null");
      Objects.requireNonNull(module, "module is null");
      variables = Map.copyOf(variables);
      Objects.requireNonNull(state, "state is null");
      providers = Map.copyOf(providers);
      Objects.requireNonNull(functions, "functions is null");
      Objects.requireNonNull(options, "options is null");
    }
  }

  public static Plan plan(Input input) {
    return new Run(input).run();
  }

  /** A stored instance: as stored, and as refreshed ({@code value} null when it is gone). */
  private static final class Prior {
    final ResourceInstance stored;
    final ResourceAddress address;
    final ProviderAddress provider;
    final ResourceSchema schema;
    final Value storedValue;
    Value value;
    String privateData;

    Prior(ResourceInstance stored, ResourceAddress address, ProviderAddress provider, ResourceSchema schema,
        Value storedValue) {
      this.stored = stored;
      this.address = address;
      this.provider = provider;
      this.schema = schema;
      this.storedValue = storedValue;
      this.value = storedValue;
      this.privateData = stored.privateData();
    }
  }

  private static final class Run {
    private final Input in;
    private final PlanOptions options;
    private final List<Diagnostic> diags = new ArrayList<>();
    private final Map<ResourceAddress, Prior> prior = new TreeMap<>();
    private final Map<ResourceAddress, ResourceChange> changes = new TreeMap<>();
    private final List<ResourceChange> deposedChanges = new ArrayList<>();
    private final List<Drift> drift = new ArrayList<>();
    /** The root module's outputs: the plan's. */
    private final Map<String, Value> outputs = new LinkedHashMap<>();
    private final Set<ProviderAddress> configured = new HashSet<>();
    private final Set<ProviderAddress> failed = new HashSet<>();
    private final Set<ProviderAddress> refreshed = new HashSet<>();
    private final Set<Node.LocalNode> evaluatedLocals = new HashSet<>();
    private final Set<ResourceAddress> inConfig = new HashSet<>();
    private Graph graph;
    private Set<Node> targetNodes = Set.of();
    private Set<Node> targetDependencies = Set.of();

    /** Resource blocks by configuration address ({@link ResourceAddress#config()}), in every module. */
    private final Map<ResourceAddress, ResourceBlock> blocks = new HashMap<>();
    /** The provider configuration that serves each resource block (by configuration address). */
    private final Map<ResourceAddress, ProviderAddress> providerFor = new HashMap<>();
    /** Module instances by configuration path, as their calls expand; the root's is there from the start. */
    private final Map<List<String>, List<ModuleInstance>> instances = new HashMap<>();
    private final Map<List<dev.kplan.engine.addrs.ModuleStep>, ModuleInstance> instanceAt = new HashMap<>();
    /** Module calls whose instances could not be known: what is stored under them stays. */
    private final List<dev.kplan.engine.addrs.ModuleAddress> undecidedModules = new ArrayList<>();
    private final ModuleInstance rootInstance;
    /** The module instance whose node is being walked: what {@link #context} and {@link #publish} use. */
    private ModuleInstance here;
    /** Each provider's schema, asked for once: providers may build it on every call. */
    private final Map<ProviderAddress, ProviderSchema> schemas = new HashMap<>();

    Run(Input in) {
      this.in = in;
      this.options = in.options();
      for (dev.kplan.engine.config.ModuleTree.Entry e : dev.kplan.engine.config.ModuleTree.walk(in.module())) {
        for (ResourceBlock rb : e.module().resources()) {
          ResourceAddress at = GraphBuilder.resourceNode(e.path(), rb).address();
          blocks.put(at, rb);
          ProviderAddress pa = dev.kplan.engine.config.ModuleTree.resolveProvider(in.module(), e.path(), rb.provider());
          providerFor.put(at, pa == null ? rb.provider() : pa);
        }
      }
      rootInstance = new ModuleInstance(List.of(), List.of(), in.module(), null, Map.of(), ".");
      rootInstance.variables.putAll(in.variables());
      instances.put(List.of(), List.of(rootInstance));
      instanceAt.put(List.of(), rootInstance);
      here = rootInstance;
    }

    /** The provider configuration that serves {@code rb} of the module being walked. */
    private ProviderAddress providerOf(ResourceBlock rb) {
      return providerFor.getOrDefault(configAddress(rb), rb.provider());
    }

    /** {@code rb}'s configuration address in the module being walked. */
    private ResourceAddress configAddress(ResourceBlock rb) {
      return GraphBuilder.resourceNode(here.configPath, rb).address();
    }

    Plan run() {
      GraphBuilder.Result built = GraphBuilder.build(in.module());
      diags.addAll(built.diagnostics().items());
      graph = built.graph();
      if (!diags.isEmpty() && Diagnostics.of(diags).hasErrors()) {
        return finish();
      }
      if (!options.targets().isEmpty()) {
        Set<Node> named = new TreeSet<>();
        Set<Node> instanceScoped = new TreeSet<>();
        for (dev.kplan.engine.addrs.Targetable t : options.targets()) {
          if (t instanceof ResourceAddress ra) {
            named.add(new Node.ResourceNode(ra));
          } else {
            // a module target names every resource in it, in all its instances
            dev.kplan.engine.addrs.ModuleAddress m = new dev.kplan.engine.addrs.ModuleAddress(
                dev.kplan.engine.addrs.ModuleAddress.unkeyed(((dev.kplan.engine.addrs.ModuleAddress) t).steps()));
            boolean keyed = ((dev.kplan.engine.addrs.ModuleAddress) t).steps().stream()
                .anyMatch(st -> !(st.key() instanceof InstanceKey.None));
            for (Node n : graph.nodes()) {
              if (n instanceof Node.ResourceNode r && m.contains(r.address())) {
                named.add(n);
                if (keyed) {
                  instanceScoped.add(n);
                }
              }
            }
          }
        }
        Set<Node> deps = new TreeSet<>();
        for (Node n : named) {
          deps.addAll(graph.dependenciesOf(n));
        }
        targetNodes = named;
        targetDependencies = graph.closure(deps);
        // what a module instance target names is planned in that instance only, not in its siblings
        targetDependencies.removeAll(instanceScoped);
      }
      readState();
      refreshEarlyProviders();
      for (Node n : graph.topologicalOrder()) {
        if (n instanceof Node.ProviderNode p) {
          here = rootInstance;
          configure(p.address());
          refresh(List.of(p.address()));
          continue;
        }
        if (n instanceof Node.ModuleNode m) {
          expandModule(m);
          continue;
        }
        for (ModuleInstance mi : instances.getOrDefault(modulePathOf(n), List.of())) {
          here = mi;
          if (n instanceof Node.VariableNode v) {
            variable(v.name());
          } else if (n instanceof Node.LocalNode l) {
            evaluateLocal(l.name());
          } else if (n instanceof Node.ResourceNode r) {
            resource(blocks.get(r.address()));
          } else if (n instanceof Node.OutputNode o && (options.mode() != PlanMode.DESTROY || mi != rootInstance)) {
            output(o.name());
          }
        }
      }
      here = rootInstance;
      for (Prior p : prior.values()) {
        configure(p.provider); // providers only stored objects still need
        refresh(List.of(p.provider));
      }
      orphans();
      deposed();
      return finish();
    }

    /** The deletions of deposed objects, after everything else (they share addresses with current objects). */
    private void deposed() {
      for (dev.kplan.state.DeposedObject d : in.state().deposed().values()) {
        AddressParser.Result<ProviderAddress> pa = ProviderAddress.parse(d.instance().providerAddress());
        if (pa.ok()) {
          configure(pa.value());
        }
      }
      DeposedDeletions.Result r = DeposedDeletions.plan(in.state(), options, (pa, type) -> configured.contains(pa)
          ? schemaOf(pa, in.providers().get(pa)).resources().get(type) : null, in.providers()::get, diags);
      deposedChanges.addAll(r.changes());
      drift.addAll(r.drift());
    }

    /** The configuration path of the module a node belongs to. */
    private static List<String> modulePathOf(Node n) {
      if (n instanceof Node.VariableNode v) {
        return v.module();
      }
      if (n instanceof Node.LocalNode l) {
        return l.module();
      }
      if (n instanceof Node.OutputNode o) {
        return o.module();
      }
      if (n instanceof Node.ResourceNode r) {
        return dev.kplan.engine.addrs.ModuleAddress.names(r.address().module());
      }
      return List.of();
    }

    // ---- modules ----

    /** A child module's variable, in the module instance being walked, from its call's argument. */
    private void variable(String name) {
      if (here.parent == null) {
        return; // the root's are resolved before planning
      }
      dev.kplan.engine.config.Variable decl = here.module.variable(name);
      dev.kplan.engine.config.ModuleCall call = here.parent.module.call(here.configPath.get(here.configPath.size() - 1));
      dev.kplan.lang.ast.Attribute arg = call.arguments().attribute(name);
      Value given = null;
      if (arg != null) {
        ModuleInstance self = here;
        here = self.parent;
        EvalResult r = Evaluator.evaluate(arg.expr(), context(roots(References.of(arg.expr()))).child(self.repetition));
        here = self;
        diags.addAll(r.diagnostics().items());
        given = r.hasErrors() ? Value.unknownOf(Type.DYNAMIC) : r.value();
      }
      here.variables.put(name, dev.kplan.engine.config.VariableResolver.moduleArgument(decl, given,
          arg == null ? null : arg.expr().range(), dev.kplan.engine.addrs.ModuleAddress.text(here.path), in.functions(),
          diags));
    }

    /** Expands a module call in every instance of the module that holds it. */
    private void expandModule(Node.ModuleNode m) {
      for (ModuleInstance parent : instances.getOrDefault(m.parent(), List.of())) {
        dev.kplan.engine.config.ModuleCall call = parent.module.call(m.name());
        here = parent;
        List<TraversalExpr> refs = new ArrayList<>();
        for (Expr e : new Expr[] {call.count(), call.forEach()}) {
          if (e != null) {
            refs.addAll(References.of(e));
          }
        }
        Expansion.Result ex = Expansion.expand(call.count(), call.forEach(), context(roots(refs)), diags);
        List<dev.kplan.engine.addrs.ModuleStep> callPath = new ArrayList<>(parent.path);
        callPath.add(new dev.kplan.engine.addrs.ModuleStep(m.name(), InstanceKey.NONE));
        if (ex.instances() == null) {
          parent.calls.put(m.name(), null);
          undecidedModules.add(new dev.kplan.engine.addrs.ModuleAddress(callPath));
          continue;
        }
        parent.calls.put(m.name(), ex);
        List<ModuleInstance> kids = new ArrayList<>();
        for (Expansion.Instance inst : ex.instances()) {
          List<dev.kplan.engine.addrs.ModuleStep> path = new ArrayList<>(parent.path);
          path.add(new dev.kplan.engine.addrs.ModuleStep(m.name(), inst.key()));
          ModuleInstance child = new ModuleInstance(path, m.path(), call.module(), parent, inst.scope(),
              folder(call.module()));
          kids.add(child);
          instanceAt.put(child.path, child);
        }
        parent.children.put(m.name(), kids);
        instances.computeIfAbsent(m.path(), k -> new ArrayList<>()).addAll(kids);
      }
      here = rootInstance;
    }

    /** {@code path.module}: the module's folder relative to the root's, with forward slashes. */
    private String folder(Module m) {
      java.nio.file.Path root = in.module().dir().toAbsolutePath().normalize();
      String rel = root.relativize(m.dir().toAbsolutePath().normalize()).toString()
          .replace(java.io.File.separatorChar, '/');
      return rel.isEmpty() ? "." : rel;
    }

    private ProviderSchema schemaOf(ProviderAddress pa, Provider provider) {
      return schemas.computeIfAbsent(pa, k -> provider.schema());
    }

    /**
     * Configures, before the walk, every provider whose configuration depends on no resource
     * (the usual case), with the locals it needs, and refreshes them all at once so that reads
     * of different providers and types overlap.
     */
    private void refreshEarlyProviders() {
      Set<Node> early = new TreeSet<>();
      Set<ProviderAddress> providers = new TreeSet<>();
      for (Node n : graph.nodes()) {
        if (n instanceof Node.ProviderNode p) {
          Set<Node> closure = graph.closure(Set.of(n));
          // only what the root module alone decides: a child module's values need its call walked
          if (closure.stream().allMatch(c -> c instanceof Node.ProviderNode cp && cp.address().module().isEmpty()
              || (c instanceof Node.LocalNode cl && cl.module().isEmpty())
              || (c instanceof Node.VariableNode cv && cv.module().isEmpty()))) {
            early.addAll(closure);
            providers.add(p.address());
          }
        }
      }
      for (Prior p : prior.values()) {
        if (!graph.nodes().contains(new Node.ProviderNode(p.provider))) {
          providers.add(p.provider);
        }
      }
      for (Node n : graph.topologicalOrder()) {
        if (n instanceof Node.LocalNode l && early.contains(n)) {
          evaluateLocal(l.name());
        }
      }
      for (ProviderAddress pa : providers) {
        configure(pa);
      }
      refresh(List.copyOf(providers));
    }

    private Plan finish() {
      drift.sort(java.util.Comparator.comparing(Drift::address));
      List<ResourceChange> all = new ArrayList<>(changes.values());
      all.addAll(deposedChanges);
      return new Plan(options.mode(), all, drift, outputs, Diagnostics.of(diags),
          in.state().serial(), in.state().lineage());
    }

    // ---- state ----

    private void readState() {
      for (ResourceInstance ri : in.state().resources().values()) {
        AddressParser.Result<ResourceAddress> addr = ResourceAddress.parse(ri.address());
        AddressParser.Result<ProviderAddress> pa = ProviderAddress.parse(ri.providerAddress());
        if (!addr.ok() || !pa.ok()) {
          diags.add(Diagnostic.error("Invalid stored state",
              "The stored object \"" + ri.address() + "\" has an invalid address or provider address \""
                  + ri.providerAddress() + "\".", null));
          continue;
        }
        if (addr.value().mode() == ResourceMode.DATA) {
          continue; // data sources are read afresh on every plan
        }
        Provider provider = in.providers().get(pa.value());
        if (provider == null) {
          diags.add(missingProvider(pa.value(), ri.address()));
          continue;
        }
        ResourceSchema schema = schemaOf(pa.value(), provider).resources().get(addr.value().type());
        if (schema == null) {
          diags.add(Diagnostic.error("Unknown resource type in state",
              "The stored object " + ri.address() + " has type \"" + addr.value().type() + "\", which "
                  + pa.value() + " does not support.", null));
          continue;
        }
        Value v;
        try {
          Type type = schema.block().impliedType();
          if (ri.schemaVersion() != schema.version()) {
            UpgradeStateResult up = provider.upgradeState(
                new UpgradeStateRequest(addr.value().type(), ri.schemaVersion(), JsonCodec.decode(ri.attributesJson())));
            diags.addAll(up.diagnostics().items());
            v = JsonCodec.decode(JsonCodec.encode(up.state(), type), type);
          } else {
            v = JsonCodec.decode(ri.attributesJson(), type);
          }
          v = SensitivePaths.mark(v, SensitivePaths.decode(ri.sensitivePathsJson()));
        } catch (JsonCodecException e) {
          diags.add(Diagnostic.error("Invalid stored state",
              "The stored attributes of " + ri.address() + " do not match the schema of \"" + addr.value().type()
                  + "\": " + e.getMessage() + ".", null));
          continue;
        }
        prior.put(addr.value(), new Prior(ri, addr.value(), pa.value(), schema, Schemas.markSensitive(schema.block(), v)));
      }
      applyMoves();
    }

    /** {@code moved} blocks: stored objects are planned at their new addresses, remembering the old. */
    private void applyMoves() {
      Moves.Result moves = Moves.apply(in.module(), prior.keySet());
      diags.addAll(moves.diagnostics());
      Map<ResourceAddress, Prior> taken = new HashMap<>();
      moves.moved().keySet().forEach(from -> taken.put(from, prior.remove(from)));
      moves.moved().forEach((from, to) -> prior.put(to, taken.get(from)));
    }

    /** One batched read: all stored instances of one type that one provider configuration manages. */
    private record Batch(ProviderAddress provider, String type, List<Map.Entry<ResourceAddress, Prior>> instances) {}

    /**
     * Refreshes every stored instance of the given (configured) providers: one read per provider
     * and type, run in parallel up to {@code -parallelism}, results taken in a fixed order.
     */
    private void refresh(List<ProviderAddress> pas) {
      List<ProviderAddress> todo = new ArrayList<>();
      for (ProviderAddress pa : pas) {
        if (configured.contains(pa) && refreshed.add(pa)) {
          todo.add(pa);
        }
      }
      if (!options.refresh() || todo.isEmpty()) {
        return;
      }
      Map<ProviderAddress, Map<String, List<Map.Entry<ResourceAddress, Prior>>>> grouped = new TreeMap<>();
      for (Map.Entry<ResourceAddress, Prior> e : prior.entrySet()) {
        if (todo.contains(e.getValue().provider)) {
          grouped.computeIfAbsent(e.getValue().provider, k -> new TreeMap<>())
              .computeIfAbsent(e.getKey().type(), k -> new ArrayList<>()).add(e);
        }
      }
      List<Batch> batches = new ArrayList<>();
      grouped.forEach((pa, byType) -> byType.forEach((type, list) -> batches.add(new Batch(pa, type, list))));
      List<java.util.concurrent.Future<ReadResult>> results = new ArrayList<>();
      java.util.concurrent.ExecutorService pool = batches.size() <= 1 ? null
          : java.util.concurrent.Executors.newFixedThreadPool(Math.min(options.parallelism(), batches.size()));
      try {
        for (Batch b : batches) {
          java.util.concurrent.Callable<ReadResult> call = () -> read(b);
          if (pool == null) {
            java.util.concurrent.FutureTask<ReadResult> now = new java.util.concurrent.FutureTask<>(call);
            now.run();
            results.add(now);
          } else {
            results.add(pool.submit(call));
          }
        }
        for (int i = 0; i < batches.size(); i++) {
          ReadResult rr;
          try {
            rr = results.get(i).get();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while refreshing", e);
          } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
              throw re;
            }
            throw new IllegalStateException(e.getCause());
          }
          takeRead(batches.get(i), rr);
        }
      } finally {
        if (pool != null) {
          pool.shutdownNow();
        }
      }
    }

    private ReadResult read(Batch b) {
      List<ReadRequest.Instance> req = new ArrayList<>();
      for (Map.Entry<ResourceAddress, Prior> e : b.instances()) {
        req.add(new ReadRequest.Instance(e.getKey().toString(), ValueMarks.unmarkDeep(e.getValue().storedValue),
            e.getValue().privateData));
      }
      return in.providers().get(b.provider()).read(new ReadRequest(b.type(), req));
    }

    private void takeRead(Batch b, ReadResult rr) {
      diags.addAll(rr.diagnostics().items());
      Map<String, ReadResult.Instance> live = new HashMap<>();
      for (ReadResult.Instance li : rr.instances()) {
        live.put(li.address(), li);
      }
      for (Map.Entry<ResourceAddress, Prior> e : b.instances()) {
        ReadResult.Instance li = live.get(e.getKey().toString());
        if (li == null) {
          continue; // the provider said nothing: keep what is stored
        }
        Prior p = e.getValue();
        p.privateData = li.privateData();
        if (li.gone()) {
          p.value = null;
          drift.add(new Drift(e.getKey(), p.storedValue, Value.nullOf(p.storedValue.type()), li.attributions(),
              DriftCause.DELETED));
          continue;
        }
        Value lv = Schemas.markSensitive(p.schema.block(),
            ValuePaths.applyMarks(li.liveState(), ValuePaths.markedPaths(p.storedValue)));
        p.value = lv;
        if (!ValueMarks.unmarkDeep(lv).equals(ValueMarks.unmarkDeep(p.storedValue))) {
          drift.add(new Drift(e.getKey(), p.storedValue, lv, li.attributions(), DriftCause.UPDATED));
        }
      }
    }

    // ---- evaluation scope ----

    /**
     * An evaluation context holding var, local, path and, of the resources, only the root names
     * in {@code roots}, and of each resource type only the resources named under it (all of them
     * when the type itself is referenced): building every resource type's object for every
     * evaluation, or a type's whole object for each resource that names one of its members, would
     * make planning quadratic in the number of resources.
     */
    private EvalContext context(Map<String, Set<String>> roots) {
      ModuleInstance mi = here;
      Map<String, Value> vars = new LinkedHashMap<>();
      vars.put("var", Value.object(mi.variables));
      vars.put("local", Value.object(mi.locals));
      vars.put("path", Value.object(Map.of(
          "module", Value.string(mi.folder), "root", Value.string("."),
          "cwd", Value.string(in.module().dir().toAbsolutePath().toString()))));
      // kplan.workspace, and terraform.workspace for configurations written for Terraform
      Value workspace = Value.object(Map.of("workspace", Value.string(in.workspace())));
      vars.put("kplan", workspace);
      vars.put("terraform", workspace);
      for (Map.Entry<String, Set<String>> root : roots.entrySet()) {
        Map<String, Value> byName = mi.managed.get(root.getKey());
        if (byName == null) {
          continue;
        }
        if (root.getValue() == null) {
          vars.put(root.getKey(), mi.typeObjects.computeIfAbsent(root.getKey(), k -> Value.object(byName)));
        } else {
          Map<String, Value> named = new TreeMap<>();
          for (String name : root.getValue()) {
            Value v = byName.get(name);
            if (v != null) {
              named.put(name, v);
            }
          }
          vars.put(root.getKey(), Value.object(named));
        }
      }
      if (roots.containsKey("data")) {
        Map<String, Value> dataTypes = new LinkedHashMap<>();
        mi.data.forEach((type, byName) -> dataTypes.put(type, Value.object(byName)));
        vars.put("data", Value.object(dataTypes));
      }
      if (roots.containsKey("module")) {
        Map<String, Value> calls = new LinkedHashMap<>();
        for (dev.kplan.engine.config.ModuleCall c : mi.module.calls()) {
          Value v = mi.call(c.name());
          if (v != null) {
            calls.put(c.name(), v);
          }
        }
        vars.put("module", Value.object(calls));
      }
      return EvalContext.root(in.functions(), vars);
    }

    /** Each root name referenced, with the attribute names referenced under it (null: the root itself is). */
    private static Map<String, Set<String>> roots(List<TraversalExpr> refs) {
      Map<String, Set<String>> out = new HashMap<>();
      for (TraversalExpr t : refs) {
        String first = t.steps().isEmpty() || !(t.steps().get(0) instanceof Traverser.GetAttr a) ? null : a.name();
        if (first == null) {
          out.put(t.root(), null);
        } else if (!out.containsKey(t.root())) {
          out.put(t.root(), new HashSet<>(Set.of(first)));
        } else if (out.get(t.root()) != null) {
          out.get(t.root()).add(first);
        }
      }
      return out;
    }

    private void publish(ResourceAddress addr, Value v) {
      here.typeObjects.remove(addr.type());
      (addr.mode() == ResourceMode.DATA ? here.data : here.managed)
          .computeIfAbsent(addr.type(), k -> new TreeMap<>()).put(addr.name(), v);
    }

    private void evaluateLocal(String name) {
      if (here == rootInstance && !evaluatedLocals.add(new Node.LocalNode(name))) {
        return; // the root's may be evaluated early, for providers
      }
      for (Local l : here.module.locals()) {
        if (l.name().equals(name)) {
          EvalResult r = Evaluator.evaluate(l.expr(), context(roots(References.of(l.expr()))));
          diags.addAll(r.diagnostics().items());
          here.locals.put(name, r.hasErrors() ? Value.unknownOf(Type.DYNAMIC) : r.value());
        }
      }
    }

    // ---- providers ----

    private void configure(ProviderAddress pa) {
      if (configured.contains(pa) || failed.contains(pa)) {
        return;
      }
      ModuleInstance was = here;
      try {
        configureIn(pa);
      } finally {
        here = was;
      }
    }

    /** Configures {@code pa} with its block evaluated in the (single) instance of the module declaring it. */
    private void configureIn(ProviderAddress pa) {
      Provider provider = in.providers().get(pa);
      if (provider == null) {
        failed.add(pa);
        diags.add(missingProvider(pa, null));
        return;
      }
      Module declaring = in.module().descendant(pa.module());
      ProviderBlock block = declaring == null ? null : declaring.provider(pa.local());
      here = instanceAt.getOrDefault(GraphBuilder.steps(pa.module()), rootInstance);
      Body body = block == null ? new Body(List.of(), null) : block.config();
      List<Diagnostic> local = new ArrayList<>(
          ResourceSchemaChecker.check(body, schemaOf(pa, provider).providerConfig(), block == null ? null : block.range()));
      Value config = !Diagnostics.of(local).hasErrors()
          ? BodyDecoder.decode(body, schemaOf(pa, provider).providerConfig(), context(roots(References.of(body))), local)
          : null;
      diags.addAll(local);
      if (config == null || Diagnostics.of(local).hasErrors()) {
        failed.add(pa);
        return;
      }
      Diagnostics cd = provider.configure(new ConfigureRequest(ValueMarks.unmarkDeep(config))).diagnostics();
      diags.addAll(cd.items());
      if (cd.hasErrors()) {
        failed.add(pa);
        return;
      }
      configured.add(pa);
    }

    private static Diagnostic missingProvider(ProviderAddress pa, String forAddress) {
      return Diagnostic.error("Missing required provider",
          "This configuration requires provider \"" + pa.name() + "\""
              + (pa.alias() == null ? "" : " (configuration \"" + pa.configText() + "\")")
              + (forAddress == null ? "" : " for " + forAddress)
              + ", but no provider of that name is available.", null);
    }

    // ---- resources ----

    private boolean planned(ResourceAddress instance) {
      if (options.targets().isEmpty()) {
        return true;
      }
      for (dev.kplan.engine.addrs.Targetable t : options.targets()) {
        if (t.contains(instance)) {
          return true;
        }
      }
      return targetDependencies.contains(new Node.ResourceNode(instance));
    }

    private void resource(ResourceBlock rb) {
      ResourceAddress addr = rb.address().inModule(here.path);
      ProviderAddress pa = providerOf(rb);
      Provider provider = in.providers().get(pa);
      if (provider == null || !configured.contains(pa)) {
        publish(addr, Value.unknownOf(Type.DYNAMIC));
        return;
      }
      Map<String, ResourceSchema> types = rb.mode() == ResourceMode.DATA
          ? schemaOf(pa, provider).dataSources() : schemaOf(pa, provider).resources();
      ResourceSchema schema = types.get(rb.type());
      if (schema == null) {
        diags.add(Diagnostic.error(rb.mode() == ResourceMode.DATA ? "Invalid data source" : "Invalid resource type",
            "The provider " + pa + " does not support " + (rb.mode() == ResourceMode.DATA
                ? "data source" : "resource type") + " \"" + rb.type() + "\"."
                + Suggestions.didYouMean(rb.type(), types.keySet()), rb.range()));
        publish(addr, Value.unknownOf(Type.DYNAMIC));
        keepExisting(addr);
        return;
      }
      List<Diagnostic> checked = ResourceSchemaChecker.check(rb.config(), schema.block(), rb.range());
      diags.addAll(checked);
      Type type = schema.block().impliedType();
      if (Diagnostics.of(checked).hasErrors()) {
        publish(addr, Value.unknownOf(type));
        keepExisting(addr);
        return;
      }
      List<TraversalExpr> refs = new ArrayList<>(References.of(rb.config()));
      for (Expr e : new Expr[] {rb.count(), rb.forEach()}) {
        if (e != null) {
          refs.addAll(References.of(e));
        }
      }
      refs.addAll(rb.lifecycle().conditionReferences());
      EvalContext base = context(roots(refs));
      Expansion.Result expansion = Expansion.expand(rb, base, diags);
      if (expansion.instances() == null) {
        publish(addr, Value.unknownOf(Type.DYNAMIC));
        keepExisting(addr);
        return;
      }
      Map<InstanceKey, Value> values = new TreeMap<>();
      for (Expansion.Instance inst : expansion.instances()) {
        ResourceAddress ia = addr.instance(inst.key());
        inConfig.add(ia);
        Prior p = prior.get(ia);
        if (p == null) {
          p = implicitlyMoved(ia, expansion.repetition());
        }
        ImportStep.Imported importing = null;
        if (p == null && rb.mode() == ResourceMode.MANAGED && options.mode() == PlanMode.NORMAL && planned(ia)
            && importFor(ia) != null) {
          ImportBlock ib = importFor(ia);
          importing = ImportStep.run(ib, ia, schema, provider, context(roots(References.of(ib.id()))), diags);
          if (importing == null) {
            values.put(inst.key(), Value.unknownOf(type));
            continue; // the import failed: nothing is planned for it
          }
          p = new Prior(new ResourceInstance(ia.toString(), pa.toString(), schema.version(), "{}", "[]",
              List.of(), false, importing.privateData()), ia, pa, schema,
              Schemas.markSensitive(schema.block(), importing.value()));
        }
        Value current = p == null || p.value == null ? Value.unknownOf(type) : p.value;
        if (options.mode() != PlanMode.NORMAL || !planned(ia)) {
          if (options.mode() == PlanMode.REFRESH_ONLY && (p == null || p.value == null)) {
            // the object does not exist (any more): as in Terraform's refreshed state, a for_each
            // instance is absent, others are unknown; a null would break every expression reading it
            if (expansion.repetition() != Expansion.Repetition.FOR_EACH) {
              values.put(inst.key(), Value.unknownOf(type));
            }
            continue;
          }
          values.put(inst.key(), current);
          continue;
        }
        EvalContext scope = base.child(inst.scope());
        if (Conditions.check(rb.lifecycle().preconditions(), Conditions.Kind.RESOURCE_PRECONDITION, scope, diags)
            == Conditions.Outcome.FAILED) {
          values.put(inst.key(), Value.unknownOf(type));
          continue;
        }
        List<Diagnostic> local = new ArrayList<>();
        Value config = BodyDecoder.decode(rb.config(), schema.block(), scope, local);
        diags.addAll(local);
        if (Diagnostics.of(local).hasErrors()) {
          values.put(inst.key(), Value.unknownOf(type));
          continue;
        }
        Value after = rb.mode() == ResourceMode.DATA
            ? planData(ia, rb, schema, provider, config)
            : planManaged(ia, rb, schema, provider, config, p);
        if (importing != null) {
          String id = importing.id();
          // the imported object is as sensitive as the provider plans it (a Secret's data): in the plan, the
          // state it is adopted into, and every output made from them
          changes.computeIfPresent(ia, (k, c) -> c.withImporting(id)
              .withBefore(SensitivePaths.mark(c.before(), SensitivePaths.of(c.after()))));
        }
        if (after != null) {
          // an unknown outcome is decided by the check after apply, which plans against the applied state
          Conditions.check(rb.lifecycle().postconditions(), Conditions.Kind.RESOURCE_POSTCONDITION,
              scope.child(Map.of("self", after)), diags);
        }
        values.put(inst.key(), after == null ? Value.unknownOf(type) : after);
      }
      publish(addr, switch (expansion.repetition()) {
        case SINGLE -> values.getOrDefault(InstanceKey.NONE, Value.unknownOf(type));
        case COUNT -> Value.tuple(new ArrayList<>(values.values()));
        case FOR_EACH -> {
          Map<String, Value> byKey = new LinkedHashMap<>();
          values.forEach((k, v) -> byKey.put(((InstanceKey.StringKey) k).value(), v));
          yield Value.object(byKey);
        }
      });
    }

    /**
     * Terraform's implicit moves: adding {@code count} makes a stored {@code a} into {@code a[0]},
     * removing it makes {@code a[0]} into {@code a}, when the new address is not stored already.
     */
    private Prior implicitlyMoved(ResourceAddress ia, Expansion.Repetition repetition) {
      ResourceAddress from = null;
      if (repetition == Expansion.Repetition.COUNT && ia.key().equals(InstanceKey.of(0))) {
        from = ia.instance(InstanceKey.NONE);
      } else if (repetition == Expansion.Repetition.SINGLE) {
        from = ia.instance(InstanceKey.of(0));
      }
      Prior p = from == null ? null : prior.get(from);
      if (p != null) {
        inConfig.add(from);
      }
      return p;
    }

    /** The import block that brings an object in as {@code instance}, or null. */
    private ImportBlock importFor(ResourceAddress instance) {
      for (ImportBlock ib : in.module().imports()) {
        if (ib.to().equals(instance)) {
          return ib;
        }
      }
      return null;
    }

    /** Nothing about {@code resource} can be decided: its stored instances are not deletions. */
    private void keepExisting(ResourceAddress resource) {
      for (ResourceAddress a : prior.keySet()) {
        if (a.resource().equals(resource)) {
          inConfig.add(a);
        }
      }
    }

    private Value planData(ResourceAddress ia, ResourceBlock rb, ResourceSchema schema, Provider provider, Value config) {
      Value cfg = ValueMarks.unmarkDeep(config);
      Map<Path, Marks> marks = ValuePaths.markedPaths(config);
      if (!cfg.isWhollyKnown() || dependsOnPendingChange(rb)) {
        Value after = unknownComputed(schema, cfg);
        changes.put(ia, new ResourceChange(ia, Action.READ, Value.nullOf(after.type()), after, List.of(),
            ChangeReason.READ_BECAUSE_CONFIG_UNKNOWN, providerOf(rb), config, null, resourceDependencies(rb), null));
        return Schemas.markSensitive(schema.block(), ValuePaths.applyMarks(after, marks));
      }
      ReadDataResult r = provider.readData(new ReadDataRequest(rb.type(), cfg));
      diags.addAll(r.diagnostics().items());
      if (r.diagnostics().hasErrors() || r.state() == null) {
        return null;
      }
      return Schemas.markSensitive(schema.block(), ValuePaths.applyMarks(r.state(), marks));
    }

    private boolean dependsOnPendingChange(ResourceBlock rb) {
      ResourceAddress self = configAddress(rb);
      for (Node d : graph.closure(Set.of(new Node.ResourceNode(self)))) {
        if (d instanceof Node.ResourceNode r && !r.address().equals(self) && hasPendingChange(r.address())) {
          return true;
        }
      }
      return false;
    }

    /** The resources {@code rb} depends on: through locals, variables and outputs, up to the first resource. */
    private List<ResourceAddress> resourceDependencies(ResourceBlock rb) {
      Set<ResourceAddress> out = new TreeSet<>();
      Set<Node> seen = new HashSet<>();
      java.util.ArrayDeque<Node> todo = new java.util.ArrayDeque<>(graph.dependenciesOf(new Node.ResourceNode(configAddress(rb))));
      while (!todo.isEmpty()) {
        Node n = todo.pop();
        if (!seen.add(n)) {
          continue;
        }
        if (n instanceof Node.ResourceNode r) {
          out.add(r.address());
        } else if (!(n instanceof Node.ProviderNode)) {
          todo.addAll(graph.dependenciesOf(n));
        }
      }
      return List.copyOf(out);
    }

    private List<ResourceAddress> storedDependencies(Prior p) {
      List<ResourceAddress> out = new ArrayList<>();
      for (String d : p.stored.dependencies()) {
        AddressParser.Result<ResourceAddress> r = ResourceAddress.parse(d);
        if (r.ok()) {
          out.add(r.value());
        }
      }
      return out;
    }

    private boolean hasPendingChange(ResourceAddress resource) {
      for (ResourceChange c : changes.values()) {
        if (c.address().config().equals(resource) && c.action() != Action.NO_OP) {
          return true;
        }
      }
      return false;
    }

    private static Value unknownComputed(ResourceSchema schema, Value config) {
      if (!(config instanceof ObjectValue o)) {
        return Value.unknownOf(schema.block().impliedType());
      }
      Map<String, Value> out = new LinkedHashMap<>(o.attributes());
      schema.block().attributes().forEach((k, a) -> {
        if (a.computed() && (out.get(k) == null || out.get(k).isNull())) {
          out.put(k, Value.unknownOf(a.type()));
        }
      });
      return Value.object(out);
    }

    private Value planManaged(ResourceAddress ia, ResourceBlock rb, ResourceSchema schema, Provider provider,
        Value config, Prior p) {
      Type type = schema.block().impliedType();
      Value priorValue = p == null || p.value == null ? null : p.value;
      Value effective = priorValue == null ? config : ignoreChanges(rb, schema, config, priorValue);
      Map<Path, Marks> marks = ValuePaths.markedPaths(effective);
      Value cfg = ValueMarks.unmarkDeep(effective);
      Value priorU = priorValue == null ? Value.nullOf(type) : ValueMarks.unmarkDeep(priorValue);

      Diagnostics vd = provider.validate(new ValidateRequest(rb.type(), cfg)).diagnostics();
      diags.addAll(vd.items());
      if (vd.hasErrors()) {
        return null;
      }
      List<Path> sensitive = SensitivePaths.of(effective);
      PlanResult pr = providerPlan(ia, rb, schema, provider, priorU, cfg, p == null ? null : p.privateData, sensitive);
      if (pr == null) {
        return null;
      }
      Value planned = marked(schema, pr, marks);
      Action action;
      ChangeReason reason = ChangeReason.NONE;
      List<Path> replacePaths = new ArrayList<>();
      Value before = priorValue == null ? Value.nullOf(type) : priorValue;
      Value after = planned;
      String plannedPrivate = pr.plannedPrivate();
      if (priorValue == null) {
        action = Action.CREATE;
      } else {
        for (Path rp : pr.requiresReplace()) {
          Value was = ValuePaths.get(priorU, rp);
          Value will = ValuePaths.get(ValueMarks.unmarkDeep(pr.plannedState()), rp);
          if (!Objects.equals(was, will)) {
            replacePaths.add(rp);
          }
        }
        if (options.replace().contains(ia)) {
          reason = ChangeReason.REPLACE_BY_REQUEST;
        } else if (p.stored.tainted()) {
          reason = ChangeReason.REPLACE_BECAUSE_TAINTED;
        } else if (!replacePaths.isEmpty()) {
          reason = ChangeReason.REPLACE_BECAUSE_CANNOT_UPDATE;
        } else if (triggered(rb)) {
          reason = ChangeReason.REPLACE_BY_TRIGGERS;
        }
        if (reason != ChangeReason.NONE) {
          action = rb.lifecycle().createBeforeDestroy() ? Action.CREATE_THEN_DELETE : Action.DELETE_THEN_CREATE;
          // the new object is planned as a create: nothing of the old one carries over
          PlanResult fresh = providerPlan(ia, rb, schema, provider, Value.nullOf(type), cfg, null, sensitive);
          if (fresh == null) {
            return null;
          }
          after = marked(schema, fresh, marks);
          plannedPrivate = fresh.plannedPrivate();
        } else if (ValueMarks.unmarkDeep(planned).equals(priorU)) {
          action = Action.NO_OP;
        } else {
          action = Action.UPDATE;
        }
      }
      if (action.destroys() && rb.lifecycle().preventDestroy()) {
        diags.add(preventDestroy(ia, rb));
      }
      changes.put(ia, new ResourceChange(ia, action, before, after, replacePaths, reason, providerOf(rb), config,
          plannedPrivate, resourceDependencies(rb), p == null ? null : p.address.equals(ia) ? null : p.address));
      return after;
    }

    /**
     * The provider's planned state with the marks it lost on the way (providers see unmarked values):
     * the configuration's, the ones the provider names, and the schema's sensitive attributes.
     */
    private static Value marked(ResourceSchema schema, PlanResult pr, Map<Path, Marks> configMarks) {
      Value v = SensitivePaths.mark(ValuePaths.applyMarks(pr.plannedState(), configMarks), pr.sensitivePaths());
      return Schemas.markSensitive(schema.block(), v);
    }

    private PlanResult providerPlan(ResourceAddress ia, ResourceBlock rb, ResourceSchema schema, Provider provider,
        Value priorU, Value cfg, String priv, List<Path> sensitive) {
      Value proposed = ProposedNew.of(schema.block(), priorU, cfg);
      PlanResult pr = provider.plan(new PlanRequest(rb.type(), priorU, proposed, cfg, priv, sensitive));
      diags.addAll(pr.diagnostics().items());
      if (pr.diagnostics().hasErrors()) {
        return null;
      }
      if (pr.plannedState() == null) {
        diags.add(providerBug(rb, ia, "the provider returned no planned state"));
        return null;
      }
      List<String> problems = PlanValidity.problems(schema.block(), cfg, pr.plannedState());
      if (!problems.isEmpty()) {
        for (String problem : problems) {
          diags.add(providerBug(rb, ia, problem));
        }
        return null;
      }
      return pr;
    }

    private static Diagnostic providerBug(ResourceBlock rb, ResourceAddress ia, String problem) {
      return Diagnostic.error("Provider produced invalid plan",
          "Provider \"" + rb.provider().configText() + "\" planned an invalid value for " + ia + ": " + problem
              + ".\n\nThis is a bug in the provider, which should be reported in the provider's own issue tracker.",
          rb.range());
    }

    private static Diagnostic preventDestroy(ResourceAddress ia, ResourceBlock rb) {
      return Diagnostic.error("Instance cannot be destroyed",
          "Resource " + ia + " has lifecycle.prevent_destroy set, but the plan calls for this resource to be"
              + " destroyed. To avoid this error and continue with the plan, either disable"
              + " lifecycle.prevent_destroy or reduce the scope of the plan using the -target option.",
          rb.range());
    }

    private boolean triggered(ResourceBlock rb) {
      for (Expr e : rb.lifecycle().replaceTriggeredBy()) {
        for (TraversalExpr t : References.of(e)) {
          Node n = GraphBuilder.referencedNode(here.configPath, t);
          if (n instanceof Node.ResourceNode r && hasPendingChange(r.address())) {
            return true;
          }
        }
      }
      return false;
    }

    /** The configuration with ignored attributes taken from the prior state, as Terraform's ignore_changes. */
    private static Value ignoreChanges(ResourceBlock rb, ResourceSchema schema, Value config, Value prior) {
      if (rb.lifecycle().ignoreAllChanges()) {
        Value out = config;
        for (Map.Entry<String, AttributeSchema> e : schema.block().attributes().entrySet()) {
          if (!e.getValue().computed() || e.getValue().optional()) {
            out = ValuePaths.set(out, Path.ROOT.attr(e.getKey()), ValuePaths.get(prior, Path.ROOT.attr(e.getKey())));
          }
        }
        for (String block : schema.block().blocks().keySet()) {
          out = ValuePaths.set(out, Path.ROOT.attr(block), ValuePaths.get(prior, Path.ROOT.attr(block)));
        }
        return out;
      }
      Value out = config;
      for (TraversalExpr t : rb.lifecycle().ignoreChanges()) {
        List<PathStep> steps = new ArrayList<>();
        steps.add(new PathStep.GetAttr(t.root()));
        for (Traverser s : t.steps()) {
          steps.add(s instanceof Traverser.GetAttr a ? new PathStep.GetAttr(a.name())
              : new PathStep.Index(((Traverser.Index) s).key()));
        }
        Path path = new Path(steps);
        out = ValuePaths.set(out, path, ValuePaths.get(prior, path));
      }
      return out;
    }

    // ---- deletions ----

    private void orphans() {
      for (Map.Entry<ResourceAddress, Prior> e : prior.entrySet()) {
        ResourceAddress a = e.getKey();
        Prior p = e.getValue();
        boolean destroyAll = options.mode() == PlanMode.DESTROY;
        if ((!destroyAll && inConfig.contains(a)) || p.value == null || options.mode() == PlanMode.REFRESH_ONLY) {
          continue;
        }
        if (!options.targets().isEmpty() && options.targets().stream().noneMatch(t -> t.contains(a))) {
          continue;
        }
        if (!configured.contains(p.provider)) {
          continue; // reported when configuring
        }
        if (!destroyAll && undecidedModules.stream().anyMatch(m -> m.contains(a))) {
          continue; // its module's instances could not be known
        }
        ResourceBlock rb = blocks.get(a.config());
        ChangeReason reason;
        if (destroyAll) {
          reason = ChangeReason.DELETE_BECAUSE_DESTROY_MODE;
        } else if (!a.module().isEmpty() && !instanceAt.containsKey(a.module())) {
          reason = ChangeReason.DELETE_BECAUSE_NO_MODULE;
        } else if (rb == null) {
          reason = ChangeReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG;
        } else if (rb.count() != null && a.key() instanceof InstanceKey.IntKey) {
          reason = ChangeReason.DELETE_BECAUSE_COUNT_INDEX;
        } else if (rb.forEach() != null && a.key() instanceof InstanceKey.StringKey) {
          reason = ChangeReason.DELETE_BECAUSE_EACH_KEY;
        } else {
          reason = ChangeReason.DELETE_BECAUSE_WRONG_REPETITION;
        }
        if (!destroyAll && forgotten(a)) {
          changes.put(a, new ResourceChange(a, Action.FORGET, p.value, Value.nullOf(p.value.type()), List.of(),
              ChangeReason.FORGET_BECAUSE_REMOVED, p.provider, Value.nullOf(p.value.type()), null, storedDependencies(p),
              null));
          continue;
        }
        if (rb != null && rb.lifecycle().preventDestroy()) {
          diags.add(preventDestroy(a, rb));
        }
        changes.put(a, new ResourceChange(a, Action.DELETE, p.value, Value.nullOf(p.value.type()), List.of(), reason,
            p.provider, Value.nullOf(p.value.type()), null, storedDependencies(p), p.address.equals(a) ? null : p.address));
      }
    }

    /** True when a {@code removed} block with {@code destroy = false} covers the stored {@code instance}. */
    private boolean forgotten(ResourceAddress instance) {
      for (dev.kplan.engine.config.RemovedBlock r : in.module().removed()) {
        if (r.covers(instance) && !r.destroy()) {
          return true;
        }
      }
      return false;
    }

    // ---- outputs ----

    private void output(String name) {
      for (OutputBlock o : here.module.outputs()) {
        if (!o.name().equals(name)) {
          continue;
        }
        if (Conditions.check(o.preconditions(), Conditions.Kind.OUTPUT_PRECONDITION,
            context(roots(dev.kplan.engine.config.Condition.references(o.preconditions()))), diags)
            == Conditions.Outcome.FAILED) {
          outputs.put(name, Value.unknownOf(Type.DYNAMIC));
          continue;
        }
        EvalResult r = Evaluator.evaluate(o.value(), context(roots(References.of(o.value()))));
        diags.addAll(r.diagnostics().items());
        Value v = r.hasErrors() ? Value.unknownOf(Type.DYNAMIC) : r.value();
        // only a root module output must be declared sensitive to return a sensitive value, as in
        // Terraform: a child's output keeps the marks, which flow on to whatever refers to it
        if (here == rootInstance && !o.sensitive() && ValueMarks.deepMarks(v).isSensitive()) {
          diags.add(Diagnostic.error("Output refers to sensitive values",
              "To reduce the risk of accidentally exporting sensitive data that was intended to be only internal,"
                  + " kplan requires that any root module output containing sensitive data be explicitly marked as"
                  + " sensitive, to confirm your intent.\n\nIf you do intend to export this data, annotate the output"
                  + " value as sensitive by adding the following argument:\n    sensitive = true", o.range()));
        }
        (here == rootInstance ? outputs : here.outputs).put(name, o.sensitive() ? v.mark(Marks.SENSITIVE) : v);
      }
    }
  }
}
