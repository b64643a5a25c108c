package dev.kplan.engine.planner;

import dev.kplan.engine.addrs.InstanceKey;
import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.ResourceMode;
import dev.kplan.engine.config.Local;
import dev.kplan.engine.config.Module;
import dev.kplan.engine.config.ProviderBlock;
import dev.kplan.engine.config.ResourceBlock;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.References;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.ast.Traverser;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.eval.EvalContext;
import dev.kplan.lang.eval.EvalResult;
import dev.kplan.lang.eval.Evaluator;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.JsonCodecException;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderSchema;
import dev.kplan.provider.ResourceSchema;
import dev.kplan.provider.ValidateRequest;
import dev.kplan.state.ResourceInstance;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plans one managed instance again at apply time, alone: the apply's narrow re-plan path. The
 * full {@link Planner} walks a configuration and expands every {@code count}/{@code for_each} on
 * the way, so re-planning thousands of instances with it makes an apply quadratic; this evaluates
 * just the instance's body, in a scope holding only what that body refers to (the locals it
 * reaches and the resources they and it name, those taken from the state as applied so far, or
 * from the plan where not applied), and asks the apply's configured provider for the plan.
 *
 * <p>It covers the common case and declines the rest, for which {@link #replan} answers empty
 * and the caller uses the full planner: data sources (in the instance's references or as the
 * instance), references to a whole resource type, module calls and instances inside modules,
 * {@code self}/{@code terraform}, {@code ignore_changes} on an existing object, preconditions and
 * postconditions, a provider whose configuration refers to resources, and stored objects of
 * another schema version. Safe for use from several apply
 * workers at once.
 */
public final class InstancePlanner {
  /** The new change ({@code null} when planning failed) and what planning said. */
  public record Result(ResourceChange change, Diagnostics diagnostics) {}

  /** What an instance's body needs besides variables: locals in evaluation order, and resources. */
  private record Needs(List<Local> locals, Map<String, Set<String>> resourceNames) {}

  private static final Needs UNSUPPORTED = new Needs(List.of(), Map.of());

  private final Module module;
  private final Map<String, Value> variables;
  private final FunctionTable functions;
  private final Map<ProviderAddress, Provider> providers;
  private final Map<ResourceAddress, ResourceBlock> blocks = new HashMap<>();
  private final Map<String, Local> locals = new HashMap<>();
  private final Map<ResourceAddress, ResourceChange> changes = new HashMap<>();
  /** The planned (not deleted) instances of each resource, in key order. */
  private final Map<ResourceAddress, TreeMap<InstanceKey, ResourceChange>> instances = new HashMap<>();
  private final Map<ResourceAddress, Needs> needs = new ConcurrentHashMap<>();
  private final Map<ProviderAddress, Boolean> plainProviders = new ConcurrentHashMap<>();
  private final Map<ProviderAddress, ProviderSchema> schemas = new ConcurrentHashMap<>();
  /** Decoded stored objects, reused while the stored object stays the same. */
  private final Map<String, Decoded> decoded = new ConcurrentHashMap<>();

  private record Decoded(ResourceInstance stored, Value value) {}

  /** For the apply of {@code plan}, with the providers configured for it. */
  public InstancePlanner(Module module, Map<String, Value> variables, FunctionTable functions,
      Map<ProviderAddress, Provider> providers, Plan plan) {
    this.module = Objects.requireNonNull(module, "module is null");
    this.variables = Map.copyOf(variables);
    this.functions = Objects.requireNonNull(functions, "functions is null");
    this.providers = Map.copyOf(providers);
    for (ResourceBlock rb : module.resources()) {
      blocks.put(rb.address(), rb);
    }
    for (Local l : module.locals()) {
      locals.put(l.name(), l);
    }
    for (ResourceChange c : plan.changes()) {
      changes.put(c.address(), c);
      if (c.action() != Action.DELETE) {
        instances.computeIfAbsent(c.address().resource(), k -> new TreeMap<>()).put(c.address().key(), c);
      }
    }
  }

  /**
   * The change of {@code instance} planned again with the objects in {@code applied} (the state as
   * applied so far, keyed by address; only looked up), or empty when this instance needs the full
   * planner.
   */
  public Optional<Result> replan(ResourceAddress instance, Map<String, ResourceInstance> applied) {
    ResourceChange saved = changes.get(instance);
    ResourceBlock rb = blocks.get(instance.resource());
    if (saved == null || rb == null || rb.mode() != ResourceMode.MANAGED
        || !(saved.action() == Action.CREATE || saved.action() == Action.UPDATE || saved.action().isReplace())) {
      return Optional.empty();
    }
    ProviderAddress pa = saved.provider();
    Provider provider = providers.get(pa);
    boolean priorKept = !saved.action().isReplace() && saved.action() != Action.CREATE;
    if (provider == null || !pa.module().isEmpty() || !plainProvider(pa)
        || (saved.action() != Action.CREATE && hasIgnoreChanges(rb))
        || !rb.lifecycle().preconditions().isEmpty() || !rb.lifecycle().postconditions().isEmpty()) {
      return Optional.empty();
    }
    ResourceSchema schema = schemaOf(pa, provider).resources().get(rb.type());
    Needs need = needs.computeIfAbsent(rb.address(), k -> needsOf(rb));
    if (schema == null || need == UNSUPPORTED) {
      return Optional.empty();
    }

    // the scope: var, path, the resources named (as applied so far), the locals reached, count/each
    Map<String, Value> root = new LinkedHashMap<>();
    root.put("var", Value.object(variables));
    root.put("path", Value.object(Map.of(
        "module", Value.string("."), "root", Value.string("."),
        "cwd", Value.string(module.dir().toAbsolutePath().toString()))));
    for (Map.Entry<String, Set<String>> byType : need.resourceNames().entrySet()) {
      Map<String, Value> byName = new TreeMap<>();
      for (String name : byType.getValue()) {
        Value v = resourceValue(ResourceAddress.managed(byType.getKey(), name), applied);
        if (v == null) {
          return Optional.empty();
        }
        byName.put(name, v);
      }
      root.put(byType.getKey(), Value.object(byName));
    }
    List<Diagnostic> diags = new ArrayList<>();
    Map<String, Value> localValues = new LinkedHashMap<>();
    for (Local l : need.locals()) {
      root.put("local", Value.object(localValues));
      EvalResult r = Evaluator.evaluate(l.expr(), EvalContext.root(functions, root));
      diags.addAll(r.diagnostics().items());
      localValues.put(l.name(), r.hasErrors() ? Value.unknownOf(Type.DYNAMIC) : r.value());
    }
    root.put("local", Value.object(localValues));
    EvalContext base = EvalContext.root(functions, root);
    Map<String, Value> scope = instanceScope(rb, instance.key(), base, diags);
    if (scope == null) {
      return Diagnostics.of(diags).hasErrors() ? Optional.of(new Result(null, Diagnostics.of(diags))) : Optional.empty();
    }
    Value config = BodyDecoder.decode(rb.config(), schema.block(), base.child(scope), diags);
    if (Diagnostics.of(diags).hasErrors()) {
      return Optional.of(new Result(null, Diagnostics.of(diags)));
    }

    // as the planner plans a managed instance; the action stays the saved plan's
    Type type = schema.block().impliedType();
    Map<Path, Marks> marks = ValuePaths.markedPaths(config);
    Value cfg = ValueMarks.unmarkDeep(config);
    Diagnostics vd = provider.validate(new ValidateRequest(rb.type(), cfg)).diagnostics();
    diags.addAll(vd.items());
    if (vd.hasErrors()) {
      return Optional.of(new Result(null, Diagnostics.of(diags)));
    }
    Value priorU = priorKept ? ValueMarks.unmarkDeep(saved.before()) : Value.nullOf(type);
    ResourceInstance stored = applied.get(instance.toString());
    String priorPrivate = priorKept && stored != null ? stored.privateData() : null;
    Value proposed = ProposedNew.of(schema.block(), priorU, cfg);
    PlanResult pr = provider.plan(new PlanRequest(rb.type(), priorU, proposed, cfg, priorPrivate,
        SensitivePaths.of(config)));
    diags.addAll(pr.diagnostics().items());
    if (pr.diagnostics().hasErrors()) {
      return Optional.of(new Result(null, Diagnostics.of(diags)));
    }
    List<String> problems = pr.plannedState() == null ? List.of("the provider returned no planned state")
        : PlanValidity.problems(schema.block(), cfg, pr.plannedState());
    if (!problems.isEmpty()) {
      for (String problem : problems) {
        diags.add(Diagnostic.error("Provider produced invalid plan",
            "Provider \"" + pa + "\" planned an invalid value for " + instance + ": " + problem
                + ".\n\nThis is a bug in the provider, which should be reported in the provider's own issue tracker.",
            rb.range()));
      }
      return Optional.of(new Result(null, Diagnostics.of(diags)));
    }
    // the marks the provider could not carry: the configuration's, those it names, the schema's sensitive attributes
    Value after = Schemas.markSensitive(schema.block(),
        SensitivePaths.mark(ValuePaths.applyMarks(pr.plannedState(), marks), pr.sensitivePaths()));
    return Optional.of(new Result(new ResourceChange(instance, saved.action(), saved.before(), after,
        saved.replacePaths(), saved.reason(), pa, config, pr.plannedPrivate(), saved.dependencies(),
        saved.previousAddress()), Diagnostics.of(diags)));
  }

  private ProviderSchema schemaOf(ProviderAddress pa, Provider provider) {
    return schemas.computeIfAbsent(pa, k -> provider.schema());
  }

  private static boolean hasIgnoreChanges(ResourceBlock rb) {
    return rb.lifecycle().ignoreAllChanges() || !rb.lifecycle().ignoreChanges().isEmpty();
  }

  /** {@code count.index} or {@code each.key}/{@code each.value} of the instance; null when it is not there. */
  private static Map<String, Value> instanceScope(ResourceBlock rb, InstanceKey key, EvalContext base,
      List<Diagnostic> diags) {
    if (rb.count() != null) {
      return key instanceof InstanceKey.IntKey i
          ? Map.of("count", Value.object(Map.of("index", Value.number(i.value())))) : null;
    }
    if (rb.forEach() == null) {
      return key.equals(InstanceKey.NONE) ? Map.of() : null;
    }
    if (!(key instanceof InstanceKey.StringKey k)) {
      return null;
    }
    // for_each was known when the plan was made, so its element is found again
    for (Expansion.Instance inst : Optional.ofNullable(Expansion.expand(rb, base, diags).instances()).orElse(List.of())) {
      if (inst.key().equals(key)) {
        return inst.scope();
      }
    }
    return null;
  }

  /**
   * The value a reference to {@code resource} sees: its planned instances (as the plan's
   * count/for_each made them) with their objects as applied so far, or as planned where not in
   * the state; null when that cannot be told here.
   */
  private Value resourceValue(ResourceAddress resource, Map<String, ResourceInstance> applied) {
    ResourceBlock rb = blocks.get(resource);
    TreeMap<InstanceKey, ResourceChange> planned = instances.get(resource);
    if (rb == null || (planned == null && rb.count() == null && rb.forEach() == null)) {
      return null;
    }
    Map<InstanceKey, Value> values = new TreeMap<>();
    if (planned != null) {
      for (Map.Entry<InstanceKey, ResourceChange> e : planned.entrySet()) {
        ResourceInstance stored = applied.get(e.getValue().address().toString());
        Value v = stored == null ? e.getValue().after() : stored(e.getValue(), stored);
        if (v == null) {
          return null;
        }
        values.put(e.getKey(), v);
      }
    }
    if (rb.count() != null) {
      return Value.tuple(new ArrayList<>(values.values()));
    }
    if (rb.forEach() != null) {
      Map<String, Value> byKey = new LinkedHashMap<>();
      values.forEach((k, v) -> byKey.put(((InstanceKey.StringKey) k).value(), v));
      return Value.object(byKey);
    }
    return values.get(InstanceKey.NONE);
  }

  /** A stored object read as the planner reads state: typed by its schema, sensitive parts marked. */
  private Value stored(ResourceChange change, ResourceInstance ri) {
    Decoded d = decoded.get(ri.address());
    if (d != null && d.stored() == ri) {
      return d.value();
    }
    Provider provider = providers.get(change.provider());
    ResourceSchema schema = provider == null ? null
        : schemaOf(change.provider(), provider).resources().get(change.address().type());
    if (schema == null || ri.schemaVersion() != schema.version()) {
      return null;
    }
    Value v;
    try {
      v = JsonCodec.decode(ri.attributesJson(), schema.block().impliedType());
      v = SensitivePaths.mark(v, SensitivePaths.decode(ri.sensitivePathsJson()));
    } catch (JsonCodecException e) {
      return null;
    }
    v = Schemas.markSensitive(schema.block(), v);
    decoded.put(ri.address(), new Decoded(ri, v));
    return v;
  }

  /** Whether the provider's configuration refers to no resource, so the apply's configured provider serves. */
  private boolean plainProvider(ProviderAddress pa) {
    return plainProviders.computeIfAbsent(pa, k -> {
      ProviderBlock block = module.provider(k.local());
      if (block == null) {
        return true;
      }
      Needs n = needsOf(References.of(block.config()));
      return n != UNSUPPORTED && n.resourceNames().isEmpty();
    });
  }

  private Needs needsOf(ResourceBlock rb) {
    List<TraversalExpr> refs = new ArrayList<>(References.of(rb.config()));
    for (Expr e : new Expr[] {rb.count(), rb.forEach()}) {
      if (e != null) {
        refs.addAll(References.of(e));
      }
    }
    return needsOf(refs);
  }

  /** Follows references through locals; anything this class does not evaluate makes the instance unsupported. */
  private Needs needsOf(List<TraversalExpr> start) {
    Map<String, Set<String>> resources = new TreeMap<>();
    Set<String> localNames = new HashSet<>();
    Deque<TraversalExpr> todo = new ArrayDeque<>(start);
    while (!todo.isEmpty()) {
      TraversalExpr t = todo.pop();
      String first = t.steps().isEmpty() || !(t.steps().get(0) instanceof Traverser.GetAttr a) ? null : a.name();
      switch (t.root()) {
        case "var", "path", "count", "each" -> {
          // given (variables) or built here
        }
        case "local" -> {
          Local l = first == null ? null : locals.get(first);
          if (l == null) {
            return UNSUPPORTED;
          }
          if (localNames.add(first)) {
            todo.addAll(References.of(l.expr()));
          }
        }
        case "data", "module", "self", "terraform" -> {
          return UNSUPPORTED;
        }
        default -> {
          if (first == null || !blocks.containsKey(ResourceAddress.managed(t.root(), first))) {
            return UNSUPPORTED;
          }
          resources.computeIfAbsent(t.root(), k -> new LinkedHashSet<>()).add(first);
        }
      }
    }
    return new Needs(localOrder(localNames), resources);
  }

  /** The locals named, each after the locals it refers to (the graph rejected cycles before any plan). */
  private List<Local> localOrder(Set<String> names) {
    List<Local> out = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (String n : new java.util.TreeSet<>(names)) {
      visit(n, names, done, new HashSet<>(), out);
    }
    return out;
  }

  private void visit(String name, Set<String> names, Set<String> done, Set<String> onPath, List<Local> out) {
    if (done.contains(name) || !onPath.add(name)) {
      return;
    }
    Local l = locals.get(name);
    for (TraversalExpr t : References.of(l.expr())) {
      if (t.root().equals("local") && !t.steps().isEmpty() && t.steps().get(0) instanceof Traverser.GetAttr a
          && names.contains(a.name())) {
        visit(a.name(), names, done, onPath, out);
      }
    }
    done.add(name);
    out.add(l);
  }
}
