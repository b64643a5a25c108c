package dev.kplan.provider;

import java.util.Objects;

/** A resource type or data source: its body and the version of its state layout. */
public record ResourceSchema(int version, BlockSchema block, String description) {
  public ResourceSchema {
    Objects.requireNonNull(block, "block is null");
    description = description == null ? "" : description;
    if (version < 0) {
      throw new IllegalArgumentException("version is negative");
    }
  }

  public static ResourceSchema of(BlockSchema block) {
    return new ResourceSchema(0, block, "");
  }
}
