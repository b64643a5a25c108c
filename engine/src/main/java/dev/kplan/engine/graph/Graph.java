package dev.kplan.engine.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable dependency graph: for each node, the nodes it depends on (which must be evaluated
 * first). Everything iterates in node order, so orders and output are deterministic.
 */
public record Graph(Map<Node, Set<Node>> dependencies) {
  public Graph {
    Map<Node, Set<Node>> copy = new TreeMap<>();
    dependencies.forEach((n, ds) -> copy.put(n, Collections.unmodifiableSet(new TreeSet<>(ds))));
    for (Set<Node> ds : List.copyOf(copy.values())) {
      for (Node d : ds) {
        copy.putIfAbsent(d, Collections.unmodifiableSet(new TreeSet<>()));
      }
    }
    dependencies = Collections.unmodifiableMap(copy);
  }

  public Set<Node> nodes() {
    return dependencies.keySet();
  }

  public Set<Node> dependenciesOf(Node n) {
    return dependencies.getOrDefault(n, Set.of());
  }

  /** The nodes that depend on {@code n} directly. */
  public Set<Node> dependentsOf(Node n) {
    Set<Node> out = new TreeSet<>();
    dependencies.forEach((k, ds) -> {
      if (ds.contains(n)) {
        out.add(k);
      }
    });
    return out;
  }

  /** {@code roots} and everything they depend on, transitively. */
  public Set<Node> closure(Set<? extends Node> roots) {
    Set<Node> seen = new TreeSet<>();
    Deque<Node> todo = new ArrayDeque<>(roots);
    while (!todo.isEmpty()) {
      Node n = todo.pop();
      if (seen.add(n)) {
        todo.addAll(dependenciesOf(n));
      }
    }
    return seen;
  }

  /**
   * Dependencies before dependents; among nodes that are ready together, node order (Kahn's
   * algorithm with a sorted ready set). Nodes on a cycle are left out; see {@link #cycles()}.
   */
  public List<Node> topologicalOrder() {
    Map<Node, Integer> waiting = new HashMap<>();
    Map<Node, List<Node>> dependents = new HashMap<>();
    TreeSet<Node> ready = new TreeSet<>();
    dependencies.forEach((n, ds) -> {
      waiting.put(n, ds.size());
      for (Node d : ds) {
        dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(n);
      }
      if (ds.isEmpty()) {
        ready.add(n);
      }
    });
    List<Node> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      Node n = ready.pollFirst();
      out.add(n);
      for (Node m : dependents.getOrDefault(n, List.of())) {
        if (waiting.merge(m, -1, Integer::sum) == 0) {
          ready.add(m);
        }
      }
    }
    return out;
  }

  /**
   * Every cycle, one per strongly connected component, as its members in dependency order
   * starting from the smallest node: {@code [a, b, c]} means a depends on b, b on c, c on a.
   */
  public List<List<Node>> cycles() {
    List<List<Node>> out = new ArrayList<>();
    for (Set<Node> scc : stronglyConnected()) {
      Node start = scc.iterator().next();
      if (scc.size() == 1 && !dependenciesOf(start).contains(start)) {
        continue;
      }
      out.add(cyclePath(start, scc));
    }
    return out;
  }

  private List<Node> cyclePath(Node start, Set<Node> scc) {
    // breadth-first search inside the component for the shortest way back to start
    Map<Node, Node> parent = new HashMap<>();
    Deque<Node> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      Node n = queue.poll();
      for (Node d : dependenciesOf(n)) {
        if (!scc.contains(d)) {
          continue;
        }
        if (d.equals(start)) {
          List<Node> path = new ArrayList<>();
          for (Node p = n; p != null; p = parent.get(p)) {
            path.add(p);
          }
          Collections.reverse(path);
          return path;
        }
        if (!parent.containsKey(d) && !d.equals(start)) {
          parent.put(d, n);
          queue.add(d);
        }
      }
    }
    return List.of(start);
  }

  private List<Set<Node>> stronglyConnected() {
    // Tarjan's algorithm, iterative over the sorted node set
    Map<Node, Integer> index = new HashMap<>();
    Map<Node, Integer> low = new HashMap<>();
    Deque<Node> stack = new ArrayDeque<>();
    Set<Node> onStack = new java.util.HashSet<>();
    List<Set<Node>> out = new ArrayList<>();
    int[] counter = {0};
    for (Node root : dependencies.keySet()) {
      if (index.containsKey(root)) {
        continue;
      }
      Deque<Object[]> work = new ArrayDeque<>();
      work.push(new Object[] {root, new ArrayList<>(dependenciesOf(root)).iterator()});
      index.put(root, counter[0]);
      low.put(root, counter[0]++);
      stack.push(root);
      onStack.add(root);
      while (!work.isEmpty()) {
        Object[] frame = work.peek();
        Node v = (Node) frame[0];
        @SuppressWarnings("unchecked")
        java.util.Iterator<Node> it = (java.util.Iterator<Node>) frame[1];
        if (it.hasNext()) {
          Node w = it.next();
          if (!index.containsKey(w)) {
            index.put(w, counter[0]);
            low.put(w, counter[0]++);
            stack.push(w);
            onStack.add(w);
            work.push(new Object[] {w, new ArrayList<>(dependenciesOf(w)).iterator()});
          } else if (onStack.contains(w)) {
            low.put(v, Math.min(low.get(v), index.get(w)));
          }
        } else {
          work.pop();
          if (!work.isEmpty()) {
            Node parent = (Node) work.peek()[0];
            low.put(parent, Math.min(low.get(parent), low.get(v)));
          }
          if (low.get(v).equals(index.get(v))) {
            Set<Node> scc = new TreeSet<>();
            Node w;
            do {
              w = stack.pop();
              onStack.remove(w);
              scc.add(w);
            } while (!w.equals(v));
            out.add(scc);
          }
        }
      }
    }
    out.sort((a, b) -> a.iterator().next().compareTo(b.iterator().next()));
    return out;
  }

  /** Graphviz DOT, one edge per dependency (dependent → dependency), as {@code terraform graph} draws. */
  public String toDot() {
    StringBuilder sb = new StringBuilder("digraph {\n  compound = \"true\"\n  newrank = \"true\"\n  subgraph \"root\" {\n");
    for (Node n : nodes()) {
      sb.append("    \"").append(n.id()).append("\" [label = \"").append(n.id()).append("\", shape = \"")
          .append(n instanceof Node.ResourceNode ? "box" : n instanceof Node.ProviderNode ? "diamond" : "note")
          .append("\"]\n");
    }
    dependencies.forEach((n, ds) -> {
      for (Node d : ds) {
        sb.append("    \"").append(n.id()).append("\" -> \"").append(d.id()).append("\"\n");
      }
    });
    return sb.append("  }\n}\n").toString();
  }
}
