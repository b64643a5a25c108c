package dev.kplan.engine.graph;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import java.util.Objects;

/**
 * A vertex of the dependency graph. {@link #id()} is the name Terraform users know it by
 * ({@code var.x}, {@code local.x}, {@code aws_vpc.main}, {@code data.a_b.c}, {@code output.x},
 * {@code provider.kubernetes.staging}).
 */
public sealed interface Node extends Comparable<Node> {
  String id();

  /**
   * Providers, then variables, locals, resources (in address order), outputs; by name within a
   * kind. Compares fields rather than {@link #id()} strings, which graphs of thousands of
   * resources would otherwise build on every comparison.
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
    return n instanceof ResourceNode ? 3 : 4;
  }

  /** An input variable. */
  record VariableNode(String name) implements Node {
    public VariableNode {
      Objects.requireNonNull(name, "name is null");
    }

    @Override
    public String id() {
      return "var." + name;
    }
  }

  /** A local value. */
  record LocalNode(String name) implements Node {
    public LocalNode {
      Objects.requireNonNull(name, "name is null");
    }

    @Override
    public String id() {
      return "local." + name;
    }
  }

  /** A resource or data source, at configuration level (all its instances). */
  record ResourceNode(ResourceAddress address) implements Node {
    public ResourceNode {
      Objects.requireNonNull(address, "address is null");
      address = address.resource();
    }

    @Override
    public String id() {
      return address.toString();
    }
  }

  /** An output value. */
  record OutputNode(String name) implements Node {
    public OutputNode {
      Objects.requireNonNull(name, "name is null");
    }

    @Override
    public String id() {
      return "output." + name;
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
