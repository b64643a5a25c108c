package dev.kplan.engine.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One configuration folder as declared: its variables and locals, with the source text of every
 * file (diagnostics quote it).
 */
public record Module(Path dir, List<Variable> variables, List<Local> locals, Map<String, String> sources) {
  public Module {
    variables = List.copyOf(variables);
    locals = List.copyOf(locals);
    sources = Map.copyOf(sources);
  }

  public Variable variable(String name) {
    for (Variable v : variables) {
      if (v.name().equals(name)) {
        return v;
      }
    }
    return null;
  }
}
