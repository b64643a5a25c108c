package dev.kplan.provider;

import java.util.Objects;

/** A nested block type: its body and how many may appear ({@code maxItems} 0 means no limit). */
public record NestedBlock(BlockSchema block, Nesting nesting, int minItems, int maxItems) {
  public NestedBlock {
    Objects.requireNonNull(block, "block is null");
    Objects.requireNonNull(nesting, "nesting is null");
    if (minItems < 0 || maxItems < 0 || (maxItems > 0 && minItems > maxItems)) {
      throw new IllegalArgumentException("bad item limits " + minItems + ".." + maxItems);
    }
  }

  /** How repeated blocks of one type become a value, as in Terraform's schemas. */
  public enum Nesting {
    /** At most one block: an object (null when absent). */
    SINGLE,
    /** Ordered blocks: a list of objects. */
    LIST,
    /** Unordered blocks: a set of objects. */
    SET,
    /** Blocks with one label each: a map of objects by label. */
    MAP
  }
}
