package dev.kplan.engine.addrs;

import java.util.Comparator;
import java.util.Objects;

/**
 * A provider configuration: its local name and optional alias. Text form {@code provider.kubernetes}
 * or {@code provider.kubernetes.staging} (as stored in state); in configuration a resource's
 * {@code provider = kubernetes.staging} names it without the {@code provider.} prefix.
 */
public record ProviderAddress(String name, String alias) implements Comparable<ProviderAddress> {
  private static final Comparator<ProviderAddress> ORDER = Comparator
      .comparing(ProviderAddress::name)
      .thenComparing(ProviderAddress::alias, Comparator.nullsFirst(Comparator.naturalOrder()));

  public ProviderAddress {
    Objects.requireNonNull(name, "name is null");
    if (alias != null && alias.isEmpty()) {
      alias = null;
    }
  }

  public static ProviderAddress of(String name) {
    return new ProviderAddress(name, null);
  }

  /** Parses {@code provider.NAME} or {@code provider.NAME.ALIAS}. */
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

  /** The configuration form: {@code kubernetes} or {@code kubernetes.staging}. */
  public String configText() {
    return alias == null ? name : name + "." + alias;
  }

  @Override
  public int compareTo(ProviderAddress o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return "provider." + configText();
  }
}
