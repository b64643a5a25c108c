package dev.kplan.engine.ops;

import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps sensitive values out of generated configuration, as Terraform users expect of a file they will commit:
 * each value marked sensitive (a Secret's {@code data}, an attribute whose schema says sensitive) is written as a
 * reference to a {@code variable} declared {@code sensitive = true}, named after the resource and the path, whose
 * value the user supplies ({@code -var}, a {@code *.kpvars.hcl} file, {@code KPLAN_VAR_…}). The values themselves
 * are kept here, in memory only, for the plan that follows the generation.
 */
final class SensitiveVariables {
  /** One generated variable: its name, its value as imported, and what it stands for. */
  record Entry(String name, Value value, String description) {
    Entry {
      Objects.requireNonNull(name, "name is null");
      Objects.requireNonNull(value, "value is null");
      Objects.requireNonNull(description, "description is null");
    }
  }

  private final Set<String> taken;
  private final List<Entry> entries = new ArrayList<>();

  /** {@code declared}: the names of the module's own variables, which generated ones must not reuse. */
  SensitiveVariables(Collection<String> declared) {
    this.taken = new HashSet<>(declared);
  }

  /** A substitution for the block of {@code resourceAddress} (imported from {@code id}) named {@code name}. */
  HclValueWriter.Substitution forResource(String name, String resourceAddress, String id) {
    return (path, v) -> {
      if (!v.marks().isSensitive() || v.isNull()) {
        return null;
      }
      String variable = unique(identifier(name + "_" + String.join("_", path)));
      entries.add(new Entry(variable, v, "The sensitive " + String.join(".", path) + " of " + resourceAddress
          + ", imported from \"" + id + "\"."));
      return "var." + variable;
    };
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }

  /** The entries made since {@code from} (a count of {@link #entries()} taken before). */
  List<Entry> since(int from) {
    return List.copyOf(entries.subList(from, entries.size()));
  }

  /** The {@code variable} blocks for {@code list}, each with a comment that says how to set it. */
  static String blocks(List<Entry> list, String file) {
    StringBuilder sb = new StringBuilder();
    for (Entry e : list) {
      sb.append("# sensitive: its value is not written to ").append(file).append("; set it with -var, a")
          .append(" *.kpvars.hcl file\n# or KPLAN_VAR_").append(e.name()).append('\n');
      sb.append("variable ").append(HclValueWriter.quote(e.name())).append(" {\n");
      sb.append("  type = ").append(type(e.value().unmarked())).append('\n');
      sb.append("  sensitive = true\n");
      sb.append("  description = ").append(HclValueWriter.quote(e.description())).append('\n');
      sb.append("}\n\n");
    }
    return sb.toString();
  }

  /** The HCL of an entry's value, to give it to the plan that follows the generation. */
  static Map<String, String> valuesAsHcl(List<Entry> list) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Entry e : list) {
      out.put(e.name(), e.value().unmarked() instanceof StringValue s ? s.value() : HclValueWriter.expression(e.value()));
    }
    return out;
  }

  /**
   * A primitive's type, else {@code any}: a value inside a resource argument of dynamic type (a Kubernetes
   * manifest) keeps the object type it is given, where {@code map(string)} would make it a map and so a change.
   */
  private static String type(Value v) {
    if (v instanceof StringValue) {
      return "string";
    }
    if (v instanceof NumberValue) {
      return "number";
    }
    if (v instanceof BoolValue) {
      return "bool";
    }
    return "any";
  }

  private String unique(String base) {
    String name = base;
    for (int i = 2; !taken.add(name); i++) {
      name = base + "_" + i;
    }
    return name;
  }

  private static String identifier(String s) {
    String id = s.replaceAll("[^A-Za-z0-9_]", "_");
    return Character.isLetter(id.charAt(0)) || id.charAt(0) == '_' ? id : "v_" + id;
  }
}
