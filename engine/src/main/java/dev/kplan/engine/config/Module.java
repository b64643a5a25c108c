package dev.kplan.engine.config;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One configuration folder as declared: variables, locals, provider configurations, resources and
 * data sources, outputs, calls of child modules (each with the child as loaded, so a root module
 * is the whole configuration tree), {@code moved} blocks, with the source text of every file
 * (diagnostics quote it; a root module holds its children's too, named relative to the root), and
 * the {@code import} and {@code removed} blocks.
 */
public record Module(
    Path dir,
    List<Variable> variables,
    List<Local> locals,
    List<ProviderBlock> providers,
    List<ResourceBlock> resources,
    List<OutputBlock> outputs,
    List<ModuleCall> calls,
    List<MovedBlock> moved,
    Map<String, String> sources,
    List<ImportBlock> imports,
    List<RemovedBlock> removed) {
  public Module {
    variables = List.copyOf(variables);
    locals = List.copyOf(locals);
    providers = List.copyOf(providers);
    resources = List.copyOf(resources);
    outputs = List.copyOf(outputs);
    calls = List.copyOf(calls);
    moved = List.copyOf(moved);
    sources = Map.copyOf(sources);
    imports = List.copyOf(imports);
    removed = List.copyOf(removed);
  }

  /** A module without import and removed blocks. */
  public Module(Path dir, List<Variable> variables, List<Local> locals, List<ProviderBlock> providers,
      List<ResourceBlock> resources, List<OutputBlock> outputs, List<ModuleCall> calls, List<MovedBlock> moved,
      Map<String, String> sources) {
    this(dir, variables, locals, providers, resources, outputs, calls, moved, sources, List.of(), List.of());
  }

  /** A module without child modules and moves. */
  public Module(Path dir, List<Variable> variables, List<Local> locals, List<ProviderBlock> providers,
      List<ResourceBlock> resources, List<OutputBlock> outputs, Map<String, String> sources) {
    this(dir, variables, locals, providers, resources, outputs, List.of(), List.of(), sources);
  }

  /** A module with variables and locals only. */
  public Module(Path dir, List<Variable> variables, List<Local> locals, Map<String, String> sources) {
    this(dir, variables, locals, List.of(), List.of(), List.of(), sources);
  }

  /** The call of child module {@code name}, or null. */
  public ModuleCall call(String name) {
    for (ModuleCall c : calls) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** The module at configuration path {@code names} (call names from here), or null. */
  public Module descendant(List<String> names) {
    Module m = this;
    for (String n : names) {
      ModuleCall c = m.call(n);
      if (c == null || c.module() == null) {
        return null;
      }
      m = c.module();
    }
    return m;
  }

  public Variable variable(String name) {
    for (Variable v : variables) {
      if (v.name().equals(name)) {
        return v;
      }
    }
    return null;
  }

  /** The resource or data block at {@code address} (its key ignored), or null. */
  public ResourceBlock resource(ResourceAddress address) {
    ResourceAddress want = address.resource();
    for (ResourceBlock r : resources) {
      if (r.address().equals(want)) {
        return r;
      }
    }
    return null;
  }

  /** The {@code provider} block for {@code address}, or null (an empty configuration is implied). */
  public ProviderBlock provider(ProviderAddress address) {
    for (ProviderBlock p : providers) {
      if (p.address().equals(address)) {
        return p;
      }
    }
    return null;
  }
}
