package dev.kplan.engine.graph;

import dev.kplan.engine.addrs.ModuleAddress;
import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import java.util.List;
import java.util.Objects;

/**
 * A vertex of the dependency graph, at configuration level: a node in a child module stands for
 * that module's every instance. {@link #id()} is the name Terraform users know it by
 * ({@code var.x}, {@code local.x}, {@code aws_vpc.main}, {@code data.a_b.c}, {@code output.x},
 * {@code provider.kubernetes.staging}, {@code module.a}, {@code module.a.local.x}).
 */
public sealed interface Node extends Comparable<Node> {
  String id();

  /**
   * Providers, then variables, locals, module calls, resources (in address order), outputs; by
   * name within a kind. Compares fields rather than {@link #id()} strings where it can, which
   * graphs of thousands of resources would otherwise build on every comparison.
   */
  @Override
  default int compareTo(Node o) {
    int r = Integer.compare(rank(this), rank(o));
    if (r != 0) {
      return r;
    }
    if (this instanceof ResourceNode a && o instanceof ResourceNode b) {
      return a.address().compareTo(b.address());
    }
    if (this instanceof ProviderNode a && o instanceof ProviderNode b) {
      return a.address().compareTo(b.address());
    }
    return id().compareTo(o.id());
  }

  private static int rank(Node n) {
    if (n instanceof ProviderNode) {
      return 0;
    }
    if (n instanceof VariableNode) {
      return 1;
    }
    if (n instanceof LocalNode) {
      return 2;
    }
    if (n instanceof ModuleNode) {
      return 3;
    }
    return n instanceof ResourceNode ? 4 : 5;
  }

  private static String prefixed(List<String> module, String rest) {
    String m = ModuleAddress.configText(module);
    return m.isEmpty() ? rest : m + "." + rest;
  }

  /** An input variable of the module at {@code module} (call names from the root). */
  record VariableNode(List<String> module, String name) implements Node {
    public VariableNode {
      module = List.copyOf(module);
      Objects.requireNonNull(name, "name is null");
    }

    public VariableNode(String name) {
      this(List.of(), name);
    }

    @Override
    public String id() {
      return prefixed(module, "var." + name);
    }
  }

  /** A local value. */
  record LocalNode(List<String> module, String name) implements Node {
    public LocalNode {
      module = List.copyOf(module);
      Objects.requireNonNull(name, "name is null");
    }

    public LocalNode(String name) {
      this(List.of(), name);
    }

    @Override
    public String id() {
      return prefixed(module, "local." + name);
    }
  }

  /** A resource or data source, at configuration level (all its instances, in all module instances). */
  record ResourceNode(ResourceAddress address) implements Node {
    public ResourceNode {
      Objects.requireNonNull(address, "address is null");
      address = address.config();
    }

    @Override
    public String id() {
      return address.toString();
    }
  }

  /** An output value. */
  record OutputNode(List<String> module, String name) implements Node {
    public OutputNode {
      module = List.copyOf(module);
      Objects.requireNonNull(name, "name is null");
    }

    public OutputNode(String name) {
      this(List.of(), name);
    }

    @Override
    public String id() {
      return prefixed(module, "output." + name);
    }
  }

  /**
   * A module call ({@code path} ends with its name): expanding it by {@code count}/{@code for_each}
   * into module instances. Everything inside the module depends on it.
   */
  record ModuleNode(List<String> path) implements Node {
    public ModuleNode {
      path = List.copyOf(path);
      if (path.isEmpty()) {
        throw new IllegalArgumentException("the root module has no call");
      }
    }

    /** The module that holds the call. */
    public List<String> parent() {
      return path.subList(0, path.size() - 1);
    }

    public String name() {
      return path.get(path.size() - 1);
    }

    @Override
    public String id() {
      return ModuleAddress.configText(path);
    }
  }

  /** A provider configuration (declared by a block, or implied by the resources that use it). */
  record ProviderNode(ProviderAddress address) implements Node {
    public ProviderNode {
      Objects.requireNonNull(address, "address is null");
    }

    @Override
    public String id() {
      return address.toString();
    }
  }
}
