package dev.kplan.lang.diag;

import java.util.Objects;

/**
 * A range of source text. Lines and columns are 1-based (columns count Unicode code points as
 * HCL does); offsets are 0-based char offsets; the end is exclusive.
 */
public record SourceRange(
    String file, int startLine, int startCol, int startOffset, int endLine, int endCol, int endOffset) {

  public SourceRange {
    Objects.requireNonNull(file, "file is null");
    if (startOffset > endOffset) {
      throw new IllegalArgumentException("range ends before it starts: " + startOffset + ".." + endOffset);
    }
  }

  /** An empty range at the start of a file, for diagnostics about a whole file. */
  public static SourceRange startOf(String file) {
    return new SourceRange(file, 1, 1, 0, 1, 1, 0);
  }

  /** The smallest range that covers both this and {@code other} (same file assumed). */
  public SourceRange to(SourceRange other) {
    SourceRange start = other.startOffset < startOffset ? other : this;
    SourceRange end = other.endOffset > endOffset ? other : this;
    return new SourceRange(
        file, start.startLine, start.startCol, start.startOffset, end.endLine, end.endCol, end.endOffset);
  }

  public boolean contains(SourceRange other) {
    return file.equals(other.file) && startOffset <= other.startOffset && other.endOffset <= endOffset;
  }

  @Override
  public String toString() {
    return file + ":" + startLine + "," + startCol + "-" + endLine + "," + endCol;
  }
}
