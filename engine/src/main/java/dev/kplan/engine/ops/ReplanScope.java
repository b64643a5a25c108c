package dev.kplan.engine.ops;

import dev.kplan.engine.config.Module;
import dev.kplan.engine.config.ModuleCall;
import dev.kplan.engine.graph.GraphBuilder;
import dev.kplan.engine.graph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The part of a configuration tree that re-planning one instance needs: of each module, the
 * locals, resources, outputs, child variables and calls in the instance's closure in the graph
 * (root variables and every provider configuration stay; moves are already in the state).
 */
final class ReplanScope {
  private ReplanScope() {}

  static Module filter(Module root, Set<Node> closure) {
    return filter(root, List.of(), closure);
  }

  private static Module filter(Module m, List<String> path, Set<Node> closure) {
    boolean isRoot = path.isEmpty();
    List<ModuleCall> calls = new ArrayList<>();
    for (ModuleCall c : m.calls()) {
      List<String> child = new ArrayList<>(path);
      child.add(c.name());
      if (c.module() != null && closure.contains(new Node.ModuleNode(child))) {
        calls.add(c.withModule(filter(c.module(), child, closure)));
      }
    }
    return new Module(m.dir(),
        isRoot ? m.variables()
            : m.variables().stream().filter(v -> closure.contains(new Node.VariableNode(path, v.name()))).toList(),
        m.locals().stream().filter(l -> closure.contains(new Node.LocalNode(path, l.name()))).toList(),
        isRoot ? m.providers() : m.providers().stream()
            .filter(p -> closure.contains(new Node.ProviderNode(p.address().inModule(path)))).toList(),
        m.resources().stream().filter(r -> closure.contains(GraphBuilder.resourceNode(path, r))).toList(),
        isRoot ? List.of()
            : m.outputs().stream().filter(o -> closure.contains(new Node.OutputNode(path, o.name()))).toList(),
        calls, List.of(), m.sources(), isRoot ? m.imports() : List.of(), List.of()); // an imported instance imports again
  }
}
