package dev.kplan.engine.config;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One configuration folder as declared: variables, locals, provider configurations, resources and
 * data sources, outputs, with the source text of every file (diagnostics quote it), and the
 * {@code import} and {@code removed} blocks.
 */
public record Module(
    Path dir,
    List<Variable> variables,
    List<Local> locals,
    List<ProviderBlock> providers,
    List<ResourceBlock> resources,
    List<OutputBlock> outputs,
    Map<String, String> sources,
    List<ImportBlock> imports,
    List<RemovedBlock> removed) {
  public Module {
    variables = List.copyOf(variables);
    locals = List.copyOf(locals);
    providers = List.copyOf(providers);
    resources = List.copyOf(resources);
    outputs = List.copyOf(outputs);
    sources = Map.copyOf(sources);
    imports = List.copyOf(imports);
    removed = List.copyOf(removed);
  }

  /** A module without import and removed blocks. */
  public Module(Path dir, List<Variable> variables, List<Local> locals, List<ProviderBlock> providers,
      List<ResourceBlock> resources, List<OutputBlock> outputs, Map<String, String> sources) {
    this(dir, variables, locals, providers, resources, outputs, sources, List.of(), List.of());
  }

  /** A module with variables and locals only. */
  public Module(Path dir, List<Variable> variables, List<Local> locals, Map<String, String> sources) {
    this(dir, variables, locals, List.of(), List.of(), List.of(), sources);
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
