package dev.kplan.engine.addrs;

/**
 * What {@code -target} may name: a resource, one of its instances, or a module (all it holds).
 * Terraform's rule holds throughout: a step without an instance key covers every instance.
 */
public sealed interface Targetable permits ResourceAddress, ModuleAddress {
  /** True when {@code instance} is within what this address names. */
  boolean contains(ResourceAddress instance);

  /** Parses a resource or module address as {@code -target} takes it. */
  static AddressParser.Result<Targetable> parse(String text) {
    return AddressParser.targetable(text);
  }
}
