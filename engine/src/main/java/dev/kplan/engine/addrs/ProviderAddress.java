package dev.kplan.engine.addrs;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A provider configuration: its local name, optional alias, and the module that declares it (call
 * names from the root; empty for the root module, which is where most configurations live: a
 * child module inherits its parent's). Text form {@code provider.kubernetes},
 * {@code provider.kubernetes.staging} or {@code module.child.provider.kubernetes} (as stored in
 * state); in configuration {@code provider = kubernetes.staging} names it without the prefix.
 */
public record ProviderAddress(String name, String alias, List<String> module) implements Comparable<ProviderAddress> {
  private static final Comparator<ProviderAddress> ORDER = Comparator
      .comparing((ProviderAddress p) -> String.join(".", p.module()))
      .thenComparing(ProviderAddress::name)
      .thenComparing(ProviderAddress::alias, Comparator.nullsFirst(Comparator.naturalOrder()));

  public ProviderAddress {
    Objects.requireNonNull(name, "name is null");
    if (alias != null && alias.isEmpty()) {
      alias = null;
    }
    module = List.copyOf(module);
  }

  /** A configuration of the root module. */
  public ProviderAddress(String name, String alias) {
    this(name, alias, List.of());
  }

  public static ProviderAddress of(String name) {
    return new ProviderAddress(name, null);
  }

  /** Parses {@code provider.NAME}, {@code provider.NAME.ALIAS}, with optional {@code module.X.} steps first. */
  public static AddressParser.Result<ProviderAddress> parse(String text) {
    return AddressParser.provider(text);
  }

  /**
   * The provider that serves a resource type by default: the type's prefix before its first
   * {@code _} ({@code kubernetes_manifest} → {@code kubernetes}), as Terraform infers it; a type
   * without {@code _} is served by the provider of that very name.
   */
  public static ProviderAddress implied(String resourceType) {
    int u = resourceType.indexOf('_');
    return of(u < 0 ? resourceType : resourceType.substring(0, u));
  }

  /** The configuration form: {@code kubernetes} or {@code kubernetes.staging} (without the module). */
  public String configText() {
    return alias == null ? name : name + "." + alias;
  }

  /** This configuration as declared in the module at {@code path} (call names from the root). */
  public ProviderAddress inModule(List<String> path) {
    return new ProviderAddress(name, alias, path);
  }

  /** This configuration without its module: how the declaring module names it. */
  public ProviderAddress local() {
    return module.isEmpty() ? this : new ProviderAddress(name, alias);
  }

  @Override
  public int compareTo(ProviderAddress o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    String m = ModuleAddress.configText(module);
    return (m.isEmpty() ? "" : m + ".") + "provider." + configText();
  }
}
