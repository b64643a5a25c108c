package dev.kplan.engine.addrs;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The address of a resource or of one of its instances, in Terraform's form:
 * {@code module.a["x"].kubernetes_manifest.web["k"]}, {@code data.local_file.f}, {@code aws_vpc.main[0]}.
 * With {@link InstanceKey#NONE} it names either a single-instance resource or the resource as a
 * whole (configuration level); {@link #resource()} drops the key.
 */
public record ResourceAddress(List<ModuleStep> module, ResourceMode mode, String type, String name, InstanceKey key)
    implements Comparable<ResourceAddress>, Targetable {

  private static final Comparator<ResourceAddress> ORDER = Comparator
      .comparing(ResourceAddress::module, ResourceAddress::compareModules)
      .thenComparing(ResourceAddress::mode)
      .thenComparing(ResourceAddress::type)
      .thenComparing(ResourceAddress::name)
      .thenComparing(ResourceAddress::key);

  public ResourceAddress {
    module = List.copyOf(module);
    Objects.requireNonNull(mode, "mode is null");
    Objects.requireNonNull(type, "type is null");
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(key, "key is null");
  }

  /** A root-module managed resource without instance key. */
  public static ResourceAddress managed(String type, String name) {
    return new ResourceAddress(List.of(), ResourceMode.MANAGED, type, name, InstanceKey.NONE);
  }

  /** A root-module data source without instance key. */
  public static ResourceAddress data(String type, String name) {
    return new ResourceAddress(List.of(), ResourceMode.DATA, type, name, InstanceKey.NONE);
  }

  /** Parses the text form; errors are returned, not thrown. */
  public static AddressParser.Result<ResourceAddress> parse(String text) {
    return AddressParser.resource(text);
  }

  /** This address with instance key {@code k}. */
  public ResourceAddress instance(InstanceKey k) {
    return new ResourceAddress(module, mode, type, name, k);
  }

  /** The resource this instance belongs to (key dropped). */
  public ResourceAddress resource() {
    return key instanceof InstanceKey.None ? this : instance(InstanceKey.NONE);
  }

  /**
   * The resource as configured: every key dropped, the module path's too ({@code module.a.local_file.x}
   * for {@code module.a["k"].local_file.x[0]}). The graph's nodes and stored dependencies use it.
   */
  public ResourceAddress config() {
    boolean keyed = !(key instanceof InstanceKey.None);
    for (ModuleStep s : module) {
      keyed |= !(s.key() instanceof InstanceKey.None);
    }
    return keyed ? new ResourceAddress(ModuleAddress.unkeyed(module), mode, type, name, InstanceKey.NONE) : this;
  }

  /** This address inside the module instance {@code path} (prepended to its own module path). */
  public ResourceAddress inModule(List<ModuleStep> path) {
    if (path.isEmpty()) {
      return this;
    }
    List<ModuleStep> m = new java.util.ArrayList<>(path);
    m.addAll(module);
    return new ResourceAddress(m, mode, type, name, key);
  }

  /**
   * True when this address, taken as a {@code -target}, covers {@code other}: equal, or the whole
   * resource of it; a module step without key covers every instance of that module, as in Terraform.
   */
  @Override
  public boolean contains(ResourceAddress other) {
    if (!ModuleAddress.covers(module, other.module()) || module.size() != other.module().size()) {
      return false;
    }
    return mode == other.mode() && type.equals(other.type()) && name.equals(other.name())
        && (key instanceof InstanceKey.None || key.equals(other.key()));
  }

  /** The module path in text form ({@code module.a["x"].module.b}), empty for the root module. */
  public String modulePath() {
    return ModuleAddress.text(module);
  }

  @Override
  public int compareTo(ResourceAddress o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (ModuleStep s : module) {
      sb.append(s).append('.');
    }
    if (mode == ResourceMode.DATA) {
      sb.append("data.");
    }
    return sb.append(type).append('.').append(name).append(key.text()).toString();
  }

  private static int compareModules(List<ModuleStep> a, List<ModuleStep> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
