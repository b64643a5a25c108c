package dev.kplan.engine.addrs;

import java.util.ArrayList;
import java.util.List;

/**
 * A module instance ({@code module.a["x"].module.b}) or, where its last step has no key, a module
 * call with all its instances, as {@code -target=module.a} and {@code moved} blocks name it.
 */
public record ModuleAddress(List<ModuleStep> steps) implements Targetable {
  public ModuleAddress {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a module address names at least one module");
    }
  }

  /** Parses {@code module.a} or {@code module.a[0].module.b["x"]}. */
  public static AddressParser.Result<ModuleAddress> parse(String text) {
    return AddressParser.module(text);
  }

  @Override
  public boolean contains(ResourceAddress instance) {
    return covers(steps, instance.module());
  }

  /**
   * True when the module path {@code pattern} is a prefix of {@code path}, each step the same
   * module, with the same key or no key (which stands for every instance).
   */
  static boolean covers(List<ModuleStep> pattern, List<ModuleStep> path) {
    if (pattern.size() > path.size()) {
      return false;
    }
    for (int i = 0; i < pattern.size(); i++) {
      ModuleStep p = pattern.get(i);
      ModuleStep s = path.get(i);
      if (!p.name().equals(s.name()) || !(p.key() instanceof InstanceKey.None || p.key().equals(s.key()))) {
        return false;
      }
    }
    return true;
  }

  /** The same module path with every key dropped: the module as configured. */
  public static List<ModuleStep> unkeyed(List<ModuleStep> path) {
    List<ModuleStep> out = new ArrayList<>(path.size());
    for (ModuleStep s : path) {
      out.add(s.key() instanceof InstanceKey.None ? s : new ModuleStep(s.name(), InstanceKey.NONE));
    }
    return out;
  }

  /** The module call names of a path ({@code [a, b]} for {@code module.a[0].module.b}). */
  public static List<String> names(List<ModuleStep> path) {
    List<String> out = new ArrayList<>(path.size());
    for (ModuleStep s : path) {
      out.add(s.name());
    }
    return out;
  }

  /** Text form of a module path; empty for the root module. */
  public static String text(List<ModuleStep> path) {
    StringBuilder sb = new StringBuilder();
    for (ModuleStep s : path) {
      sb.append(sb.isEmpty() ? "" : ".").append(s);
    }
    return sb.toString();
  }

  /** Text form of a configuration path of call names ({@code module.a.module.b}); empty for the root. */
  public static String configText(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (String n : names) {
      sb.append(sb.isEmpty() ? "" : ".").append("module.").append(n);
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return text(steps);
  }
}
