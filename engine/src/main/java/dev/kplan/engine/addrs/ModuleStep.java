package dev.kplan.engine.addrs;

import java.util.Comparator;
import java.util.Objects;

/** One step of a module path: {@code module.name} with its instance key ({@code module.a["x"]}). */
public record ModuleStep(String name, InstanceKey key) implements Comparable<ModuleStep> {
  private static final Comparator<ModuleStep> ORDER =
      Comparator.comparing(ModuleStep::name).thenComparing(ModuleStep::key);

  public ModuleStep {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(key, "key is null");
  }

  @Override
  public int compareTo(ModuleStep o) {
    return ORDER.compare(this, o);
  }

  @Override
  public String toString() {
    return "module." + name + key.text();
  }
}
