package dev.kplan.engine.graph;

import dev.kplan.engine.addrs.InstanceKey;
import dev.kplan.engine.addrs.ModuleAddress;
import dev.kplan.engine.addrs.ModuleStep;
import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.config.ModuleCall;
import dev.kplan.engine.config.ModuleTree;
import dev.kplan.engine.config.Local;
import dev.kplan.engine.config.Module;
import dev.kplan.engine.config.OutputBlock;
import dev.kplan.engine.config.ProviderBlock;
import dev.kplan.engine.config.ResourceBlock;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.References;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.ast.Traverser;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.diag.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Builds a module's dependency graph by running {@link #PLAN_STEPS} in order: first every kind of
 * node, then the edges. Each step is small and named so that the order is data a test can pin,
 * not a rule kept in comments.
 */
public final class GraphBuilder {
  private GraphBuilder() {}

  /** One step: adds nodes or edges to the graph under construction. */
  public interface Step {
    String name();

    void apply(Module module, Building graph);
  }

  /** The graph while steps run, with the diagnostics they report. */
  public static final class Building {
    private final Map<Node, Set<Node>> edges = new LinkedHashMap<>();
    private final List<Diagnostic> diagnostics = new ArrayList<>();

    public void add(Node n) {
      edges.computeIfAbsent(n, k -> new TreeSet<>());
    }

    public boolean has(Node n) {
      return edges.containsKey(n);
    }

    /** {@code from} depends on {@code to}. */
    public void connect(Node from, Node to) {
      add(from);
      edges.get(from).add(to);
    }

    public void report(Diagnostic d) {
      diagnostics.add(d);
    }
  }

  /** The graph and what was wrong (undeclared references, cycles). */
  public record Result(Graph graph, Diagnostics diagnostics) {}

  private record NamedStep(String name, java.util.function.BiConsumer<Module, Building> body) implements Step {
    @Override
    public void apply(Module module, Building graph) {
      body.accept(module, graph);
    }
  }

  /** The steps that build the graph a plan walks. */
  public static final List<Step> PLAN_STEPS = List.of(
      new NamedStep("add variables", (m, g) -> each(m, (path, mod) ->
          mod.variables().forEach(v -> g.add(new Node.VariableNode(path, v.name()))))),
      new NamedStep("add locals", (m, g) -> each(m, (path, mod) ->
          mod.locals().forEach(l -> g.add(new Node.LocalNode(path, l.name()))))),
      new NamedStep("add module calls", (m, g) -> each(m, (path, mod) ->
          mod.calls().forEach(c -> g.add(new Node.ModuleNode(child(path, c.name())))))),
      new NamedStep("add providers", GraphBuilder::addProviders),
      new NamedStep("add resources", (m, g) -> each(m, (path, mod) ->
          mod.resources().forEach(r -> g.add(resourceNode(path, r))))),
      new NamedStep("add outputs", (m, g) -> each(m, (path, mod) ->
          mod.outputs().forEach(o -> g.add(new Node.OutputNode(path, o.name()))))),
      new NamedStep("connect references", GraphBuilder::connectReferences),
      new NamedStep("connect depends_on", GraphBuilder::connectDependsOn),
      new NamedStep("connect module contents", GraphBuilder::connectModuleContents),
      new NamedStep("connect providers", (m, g) -> each(m, (path, mod) -> mod.resources().forEach(r -> {
        ProviderAddress p = ModuleTree.resolveProvider(m, path, r.provider());
        if (p != null) {
          g.connect(resourceNode(path, r), new Node.ProviderNode(p));
        }
      }))));

  public static List<String> stepNames(List<Step> steps) {
    return steps.stream().map(Step::name).toList();
  }

  public static Result build(Module module) {
    return build(module, PLAN_STEPS);
  }

  public static Result build(Module module, List<Step> steps) {
    Building b = new Building();
    for (Step s : steps) {
      s.apply(module, b);
    }
    Graph graph = new Graph(b.edges);
    List<Diagnostic> diags = new ArrayList<>(b.diagnostics);
    for (List<Node> cycle : graph.cycles()) {
      List<String> ids = cycle.stream().map(Node::id).collect(Collectors.toList());
      List<String> around = new ArrayList<>(ids);
      around.add(ids.get(0));
      diags.add(Diagnostic.error("Cycle: " + String.join(", ", ids),
          "These objects refer to each other in a cycle: " + String.join(" → ", around)
              + ". Remove one of the references to break the cycle.", null));
    }
    return new Result(graph, Diagnostics.of(diags));
  }

  /** Runs {@code body} for every module of the tree, the root first. */
  private static void each(Module root, java.util.function.BiConsumer<List<String>, Module> body) {
    for (ModuleTree.Entry e : ModuleTree.walk(root)) {
      body.accept(e.path(), e.module());
    }
  }

  private static List<String> child(List<String> path, String name) {
    List<String> out = new ArrayList<>(path);
    out.add(name);
    return out;
  }

  /** The node of resource block {@code r} of the module at {@code path}. */
  public static Node.ResourceNode resourceNode(List<String> path, ResourceBlock r) {
    return new Node.ResourceNode(r.address().inModule(steps(path)));
  }

  /** A configuration path as module steps without keys. */
  public static List<ModuleStep> steps(List<String> path) {
    List<ModuleStep> out = new ArrayList<>(path.size());
    for (String n : path) {
      out.add(new ModuleStep(n, InstanceKey.NONE));
    }
    return out;
  }

  private static void addProviders(Module root, Building g) {
    each(root, (path, m) -> {
      for (ProviderBlock p : m.providers()) {
        g.add(new Node.ProviderNode(p.address().inModule(path)));
      }
    });
    each(root, (path, m) -> {
      for (ResourceBlock r : m.resources()) {
        ProviderAddress resolved = ModuleTree.resolveProvider(root, path, r.provider());
        if (resolved == null) {
          g.report(Diagnostic.error("Provider configuration not present",
              "The resource " + r.address().inModule(steps(path)) + " refers to the provider configuration "
                  + r.provider().configText() + ", which " + ModuleAddress.configText(path) + " neither declares nor"
                  + " receives through the providers argument of its module block.", r.range()));
          continue;
        }
        Node.ProviderNode p = new Node.ProviderNode(resolved);
        if (!g.has(p) && resolved.alias() != null) {
          g.report(Diagnostic.error("Provider configuration not present",
              "The resource " + r.address() + " refers to the provider configuration " + r.provider().configText()
                  + ", but no provider \"" + r.provider().name() + "\" block with alias \"" + r.provider().alias()
                  + "\" is declared.", r.range()));
        }
        g.add(p);
      }
    });
  }

  private static void connectReferences(Module root, Building g) {
    each(root, (path, m) -> {
      for (Local l : m.locals()) {
        connect(root, path, g, new Node.LocalNode(path, l.name()), References.of(l.expr()), false);
      }
      for (ProviderBlock p : m.providers()) {
        connect(root, path, g, new Node.ProviderNode(p.address().inModule(path)),
            dev.kplan.engine.config.DynamicBlock.references(p.config()), false);
      }
      for (ResourceBlock r : m.resources()) {
        Node.ResourceNode n = resourceNode(path, r);
        List<TraversalExpr> refs = new ArrayList<>(dev.kplan.engine.config.DynamicBlock.references(r.config()));
        for (Expr e : new Expr[] {r.count(), r.forEach()}) {
          if (e != null) {
            refs.addAll(References.of(e));
          }
        }
        for (Expr e : r.lifecycle().replaceTriggeredBy()) {
          refs.addAll(References.of(e));
        }
        refs.addAll(r.lifecycle().conditionReferences());
        connect(root, path, g, n, refs, false);
      }
      for (dev.kplan.engine.config.ImportBlock ib : m.imports()) {
        Node.ResourceNode to = new Node.ResourceNode(ib.to().config());
        if (g.has(to)) {
          connect(root, path, g, to, References.of(ib.id()), false); // the id is evaluated when the instance is planned
        }
      }
      for (OutputBlock o : m.outputs()) {
        connect(root, path, g, new Node.OutputNode(path, o.name()), References.of(o.value()), false);
        connect(root, path, g, new Node.OutputNode(path, o.name()),
            dev.kplan.engine.config.Condition.references(o.preconditions()), false);
      }
      for (ModuleCall c : m.calls()) {
        List<String> childPath = child(path, c.name());
        Node.ModuleNode call = new Node.ModuleNode(childPath);
        for (Expr e : new Expr[] {c.count(), c.forEach()}) {
          if (e != null) {
            connect(root, path, g, call, References.of(e), false);
          }
        }
        // an argument is evaluated in the calling module, for the child's variable of that name
        for (dev.kplan.lang.ast.Attribute a : c.arguments().attributes()) {
          Node.VariableNode v = new Node.VariableNode(childPath, a.name());
          if (g.has(v)) {
            connect(root, path, g, v, References.of(a.expr()), false);
          }
        }
      }
    });
  }

  private static void connectDependsOn(Module root, Building g) {
    each(root, (path, m) -> {
      for (ResourceBlock r : m.resources()) {
        connect(root, path, g, resourceNode(path, r), r.dependsOn(), true);
      }
      for (OutputBlock o : m.outputs()) {
        connect(root, path, g, new Node.OutputNode(path, o.name()), o.dependsOn(), true);
      }
      for (ModuleCall c : m.calls()) {
        connect(root, path, g, new Node.ModuleNode(child(path, c.name())), c.dependsOn(), true);
      }
    });
  }

  /** Everything in a child module waits for the call's expansion (and so for its depends_on). */
  private static void connectModuleContents(Module root, Building g) {
    each(root, (path, m) -> {
      if (path.isEmpty()) {
        return;
      }
      Node.ModuleNode call = new Node.ModuleNode(path);
      m.variables().forEach(v -> g.connect(new Node.VariableNode(path, v.name()), call));
      m.locals().forEach(l -> g.connect(new Node.LocalNode(path, l.name()), call));
      m.resources().forEach(r -> g.connect(resourceNode(path, r), call));
      m.outputs().forEach(o -> g.connect(new Node.OutputNode(path, o.name()), call));
      m.calls().forEach(c -> g.connect(new Node.ModuleNode(child(path, c.name())), call));
      m.providers().forEach(p -> g.connect(new Node.ProviderNode(p.address().inModule(path)), call));
    });
  }

  private static void connect(Module root, List<String> path, Building g, Node from, List<TraversalExpr> refs,
      boolean wholeModules) {
    for (TraversalExpr t : refs) {
      if (t.root().equals("module")) {
        connectModule(root, path, g, from, t, wholeModules);
        continue;
      }
      Node to = referencedNode(path, t);
      if (to == null) {
        continue;
      }
      if (!g.has(to)) {
        g.report(undeclared(path, to, t));
        continue;
      }
      g.connect(from, to);
    }
  }

  /**
   * {@code module.x.out} depends on that output; {@code module.x} (or an instance of it) on all the
   * child's outputs, and, in {@code depends_on}, on everything the child module holds.
   */
  private static void connectModule(Module root, List<String> path, Building g, Node from, TraversalExpr t,
      boolean wholeModules) {
    List<Traverser> steps = t.steps();
    if (steps.isEmpty() || !(steps.get(0) instanceof Traverser.GetAttr name)) {
      return;
    }
    Module here = root.descendant(path);
    ModuleCall call = here == null ? null : here.call(name.name());
    if (call == null) {
      g.report(Diagnostic.error("Reference to undeclared module",
          "No module call named \"" + name.name() + "\" is declared in " + where(path) + ".", t.range()));
      return;
    }
    if (call.module() == null) {
      return; // loading it failed, reported then
    }
    List<String> childPath = child(path, call.name());
    int i = 1;
    if (i < steps.size() && steps.get(i) instanceof Traverser.Index) {
      i++;
    }
    if (i < steps.size() && steps.get(i) instanceof Traverser.GetAttr out && !wholeModules) {
      Node.OutputNode o = new Node.OutputNode(childPath, out.name());
      if (!g.has(o)) {
        g.report(Diagnostic.error("Unsupported attribute",
            "This object does not have an attribute named \"" + out.name() + "\": module \"" + call.name()
                + "\" declares no output of that name." + Suggestions.didYouMean(out.name(),
                    call.module().outputs().stream().map(OutputBlock::name).toList()), out.range()));
        return;
      }
      g.connect(from, o);
      return;
    }
    for (OutputBlock o : call.module().outputs()) {
      g.connect(from, new Node.OutputNode(childPath, o.name()));
    }
    if (wholeModules) {
      for (ModuleTree.Entry e : ModuleTree.walk(call.module())) {
        List<String> p = new ArrayList<>(childPath);
        p.addAll(e.path());
        for (ResourceBlock r : e.module().resources()) {
          g.connect(from, resourceNode(p, r));
        }
      }
    }
  }

  /** The node a reference names in the root module, or null (see {@link #referencedNode(List, TraversalExpr)}). */
  public static Node referencedNode(TraversalExpr t) {
    return referencedNode(List.of(), t);
  }

  /**
   * The node a reference in the module at {@code path} names, or null for names that are not
   * graph nodes ({@code count}, {@code each}, {@code path}, {@code self}, {@code terraform}) and
   * for {@code module} references, which may name several outputs.
   */
  public static Node referencedNode(List<String> path, TraversalExpr t) {
    String first = t.steps().isEmpty() || !(t.steps().get(0) instanceof Traverser.GetAttr a) ? null : a.name();
    switch (t.root()) {
      case "var":
        return first == null ? null : new Node.VariableNode(path, first);
      case "local":
        return first == null ? null : new Node.LocalNode(path, first);
      case "count", "each", "path", "self", "terraform", "kplan", "module":
        return null;
      case "data": {
        String second = t.steps().size() < 2 || !(t.steps().get(1) instanceof Traverser.GetAttr b) ? null : b.name();
        return first == null || second == null ? null
            : new Node.ResourceNode(ResourceAddress.data(first, second).inModule(steps(path)));
      }
      default:
        return first == null ? null
            : new Node.ResourceNode(ResourceAddress.managed(t.root(), first).inModule(steps(path)));
    }
  }

  private static String where(List<String> path) {
    return path.isEmpty() ? "the root module" : ModuleAddress.configText(path);
  }

  private static Diagnostic undeclared(List<String> path, Node to, TraversalExpr t) {
    if (to instanceof Node.VariableNode v) {
      return Diagnostic.error("Reference to undeclared input variable",
          "An input variable with the name \"" + v.name() + "\" has not been declared. This variable can be declared"
              + " with a variable \"" + v.name() + "\" {} block.", t.range());
    }
    if (to instanceof Node.LocalNode l) {
      return Diagnostic.error("Reference to undeclared local value",
          "A local value with the name \"" + l.name() + "\" has not been declared.", t.range());
    }
    ResourceAddress a = ((Node.ResourceNode) to).address();
    return Diagnostic.error("Reference to undeclared resource",
        "A " + (a.mode() == dev.kplan.engine.addrs.ResourceMode.DATA ? "data" : "managed") + " resource \""
            + a.type() + "\" \"" + a.name() + "\" has not been declared in " + where(path) + ".", t.range());
  }
}
