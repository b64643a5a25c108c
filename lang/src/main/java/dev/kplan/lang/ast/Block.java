package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.List;
import java.util.Objects;

/** {@code type "label" label { body }}. {@code range} covers the whole block. */
public record Block(
    String type,
    List<String> labels,
    Body body,
    SourceRange typeRange,
    List<SourceRange> labelRanges,
    SourceRange openBraceRange,
    SourceRange range)
    implements BodyItem {
  public Block {
    Objects.requireNonNull(type, "type is null");
    labels = List.copyOf(labels);
    labelRanges = List.copyOf(labelRanges);
    Objects.requireNonNull(body, "body is null");
  }

  /** The type and labels range, for diagnostics about the block as a whole. */
  public SourceRange definitionRange() {
    SourceRange r = typeRange;
    return labelRanges.isEmpty() ? r : r.to(labelRanges.get(labelRanges.size() - 1));
  }
}
