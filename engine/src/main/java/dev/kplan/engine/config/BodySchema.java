package dev.kplan.engine.config;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a body may contain: argument names (some required) and nested block types with their
 * label names. Used to give "Unsupported argument … Did you mean" diagnostics before evaluation.
 */
public record BodySchema(Set<String> arguments, Set<String> required, Map<String, BlockType> blocks) {
  public BodySchema {
    arguments = Set.copyOf(arguments);
    required = Set.copyOf(required);
    blocks = Map.copyOf(blocks);
  }

  /** A nested block type: the names of its labels and the schema of its body ({@code null}: not checked here). */
  public record BlockType(List<String> labels, BodySchema body) {
    public BlockType {
      labels = List.copyOf(labels);
    }
  }
}
