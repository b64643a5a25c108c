package dev.kplan.engine.graph;

import dev.kplan.engine.addrs.ResourceAddress;
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
      new NamedStep("add variables", (m, g) -> m.variables().forEach(v -> g.add(new Node.VariableNode(v.name())))),
      new NamedStep("add locals", (m, g) -> m.locals().forEach(l -> g.add(new Node.LocalNode(l.name())))),
      new NamedStep("add providers", GraphBuilder::addProviders),
      new NamedStep("add resources", (m, g) -> m.resources().forEach(r -> g.add(new Node.ResourceNode(r.address())))),
      new NamedStep("add outputs", (m, g) -> m.outputs().forEach(o -> g.add(new Node.OutputNode(o.name())))),
      new NamedStep("connect references", GraphBuilder::connectReferences),
      new NamedStep("connect depends_on", GraphBuilder::connectDependsOn),
      new NamedStep("connect providers", (m, g) -> m.resources().forEach(r ->
          g.connect(new Node.ResourceNode(r.address()), new Node.ProviderNode(r.provider())))));

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

  private static void addProviders(Module m, Building g) {
    for (ProviderBlock p : m.providers()) {
      g.add(new Node.ProviderNode(p.address()));
    }
    for (ResourceBlock r : m.resources()) {
      Node.ProviderNode p = new Node.ProviderNode(r.provider());
      if (!g.has(p) && r.provider().alias() != null) {
        g.report(Diagnostic.error("Provider configuration not present",
            "The resource " + r.address() + " refers to the provider configuration " + r.provider().configText()
                + ", but no provider \"" + r.provider().name() + "\" block with alias \"" + r.provider().alias()
                + "\" is declared.", r.range()));
      }
      g.add(p);
    }
  }

  private static void connectReferences(Module m, Building g) {
    for (Local l : m.locals()) {
      connect(g, new Node.LocalNode(l.name()), References.of(l.expr()));
    }
    for (ProviderBlock p : m.providers()) {
      connect(g, new Node.ProviderNode(p.address()), dev.kplan.engine.config.DynamicBlock.references(p.config()));
    }
    for (ResourceBlock r : m.resources()) {
      Node.ResourceNode n = new Node.ResourceNode(r.address());
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
      connect(g, n, refs);
    }
    for (dev.kplan.engine.config.ImportBlock ib : m.imports()) {
      Node.ResourceNode to = new Node.ResourceNode(ib.to().resource());
      if (g.has(to)) {
        connect(g, to, References.of(ib.id())); // the id is evaluated when the instance is planned
      }
    }
    for (OutputBlock o : m.outputs()) {
      connect(g, new Node.OutputNode(o.name()), References.of(o.value()));
      connect(g, new Node.OutputNode(o.name()), dev.kplan.engine.config.Condition.references(o.preconditions()));
    }
  }

  private static void connectDependsOn(Module m, Building g) {
    for (ResourceBlock r : m.resources()) {
      connect(g, new Node.ResourceNode(r.address()), r.dependsOn());
    }
    for (OutputBlock o : m.outputs()) {
      connect(g, new Node.OutputNode(o.name()), o.dependsOn());
    }
  }

  private static void connect(Building g, Node from, List<TraversalExpr> refs) {
    for (TraversalExpr t : refs) {
      Node to = referencedNode(t);
      if (to == null) {
        continue;
      }
      if (!g.has(to)) {
        g.report(undeclared(to, t));
        continue;
      }
      g.connect(from, to);
    }
  }

  /**
   * The node a reference names, or null for names that are not graph nodes ({@code count},
   * {@code each}, {@code path}, {@code self}, {@code terraform}, {@code module} calls).
   */
  public static Node referencedNode(TraversalExpr t) {
    String first = t.steps().isEmpty() || !(t.steps().get(0) instanceof Traverser.GetAttr a) ? null : a.name();
    switch (t.root()) {
      case "var":
        return first == null ? null : new Node.VariableNode(first);
      case "local":
        return first == null ? null : new Node.LocalNode(first);
      case "count", "each", "path", "self", "terraform", "module":
        return null;
      case "data": {
        String second = t.steps().size() < 2 || !(t.steps().get(1) instanceof Traverser.GetAttr b) ? null : b.name();
        return first == null || second == null ? null : new Node.ResourceNode(ResourceAddress.data(first, second));
      }
      default:
        return first == null ? null : new Node.ResourceNode(ResourceAddress.managed(t.root(), first));
    }
  }

  private static Diagnostic undeclared(Node to, TraversalExpr t) {
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
            + a.type() + "\" \"" + a.name() + "\" has not been declared in the root module.", t.range());
  }
}
