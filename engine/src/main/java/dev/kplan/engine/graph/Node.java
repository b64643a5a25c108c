package dev.kplan.engine.graph;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import java.util.Objects;

/**
 * A vertex of the dependency graph. {@link #id()} is the name Terraform users know it by
 * ({@code var.x}, {@code local.x}, {@code aws_vpc.main}, {@code data.a_b.c}, {@code output.x},
 * {@code provider.kubernetes.staging}); nodes order by it.
 */
public sealed interface Node extends Comparable<Node> {
  String id();

  @Override
  default int compareTo(Node o) {
    return id().compareTo(o.id());
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
