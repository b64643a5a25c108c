package dev.kplan.lang.diag;

import java.util.Arrays;
import java.util.Objects;

/**
 * A range of source text. Lines and columns are 1-based (columns count Unicode code points as
 * HCL does); offsets are 0-based char offsets; the end is exclusive.
 *
 * <p>A value class with the accessors, equality and text of a record of its seven components. Every
 * node of a parsed configuration carries one, so the parser's ranges are compact: two offsets and
 * the file's shared {@link LineIndex}, from which lines and columns are computed when asked for.
 */
public final class SourceRange {
  /** A {@link LineIndex} (parser ranges) or an {@link Explicit} (ranges built from all components). */
  private final Object source;
  private final int startOffset;
  private final int endOffset;

  public SourceRange(
      String file, int startLine, int startCol, int startOffset, int endLine, int endCol, int endOffset) {
    Objects.requireNonNull(file, "file is null");
    checkOrder(startOffset, endOffset);
    this.source = new Explicit(file, startLine, startCol, endLine, endCol);
    this.startOffset = startOffset;
    this.endOffset = endOffset;
  }

  private SourceRange(LineIndex index, int startOffset, int endOffset) {
    checkOrder(startOffset, endOffset);
    this.source = index;
    this.startOffset = startOffset;
    this.endOffset = endOffset;
  }

  private static void checkOrder(int startOffset, int endOffset) {
    if (startOffset > endOffset) {
      throw new IllegalArgumentException("range ends before it starts: " + startOffset + ".." + endOffset);
    }
  }

  /** An empty range at the start of a file, for diagnostics about a whole file. */
  public static SourceRange startOf(String file) {
    return new SourceRange(file, 1, 1, 0, 1, 1, 0);
  }

  public String file() {
    return source instanceof LineIndex i ? i.file : ((Explicit) source).file;
  }

  public int startLine() {
    return source instanceof LineIndex i ? i.lineOf(startOffset) + 1 : ((Explicit) source).startLine;
  }

  public int startCol() {
    return source instanceof LineIndex i ? i.columnOf(startOffset) : ((Explicit) source).startCol;
  }

  public int startOffset() {
    return startOffset;
  }

  public int endLine() {
    return source instanceof LineIndex i ? i.lineOf(endOffset) + 1 : ((Explicit) source).endLine;
  }

  public int endCol() {
    return source instanceof LineIndex i ? i.columnOf(endOffset) : ((Explicit) source).endCol;
  }

  public int endOffset() {
    return endOffset;
  }

  /** The smallest range that covers both this and {@code other} (same file assumed). */
  public SourceRange to(SourceRange other) {
    SourceRange start = other.startOffset < startOffset ? other : this;
    SourceRange end = other.endOffset > endOffset ? other : this;
    if (start == end) {
      return start;
    }
    if (start.source instanceof LineIndex && start.source == end.source) {
      return new SourceRange((LineIndex) start.source, start.startOffset, end.endOffset);
    }
    return new SourceRange(
        file(), start.startLine(), start.startCol(), start.startOffset, end.endLine(), end.endCol(), end.endOffset);
  }

  public boolean contains(SourceRange other) {
    return file().equals(other.file()) && startOffset <= other.startOffset && other.endOffset <= endOffset;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SourceRange r)) {
      return false;
    }
    if (startOffset != r.startOffset || endOffset != r.endOffset) {
      return false;
    }
    if (source == r.source) {
      return true;
    }
    return file().equals(r.file()) && startLine() == r.startLine() && startCol() == r.startCol()
        && endLine() == r.endLine() && endCol() == r.endCol();
  }

  @Override
  public int hashCode() {
    return Objects.hash(file(), startLine(), startCol(), startOffset, endLine(), endCol(), endOffset);
  }

  @Override
  public String toString() {
    return file() + ":" + startLine() + "," + startCol() + "-" + endLine() + "," + endCol();
  }

  private record Explicit(String file, int startLine, int startCol, int endLine, int endCol) {}

  /**
   * The line starts of one source text whose chars are all single code points (no surrogate
   * pairs), so that a char offset is also a code-point index: ranges made here hold just two
   * offsets and this shared index.
   */
  public static final class LineIndex {
    private final String file;
    private final int[] lineStarts;
    private final int length;

    /**
     * @param lineStarts the char offset of each line's first char, ascending, starting with 0; kept
     *     (not copied), so the caller must not change it
     * @param length the text's length; offsets are clamped to {@code [0, length]}
     */
    public LineIndex(String file, int[] lineStarts, int length) {
      this.file = Objects.requireNonNull(file, "file is null");
      if (lineStarts.length == 0 || lineStarts[0] != 0) {
        throw new IllegalArgumentException("the first line must start at 0");
      }
      this.lineStarts = lineStarts;
      this.length = length;
    }

    /** The range of chars {@code [start, end)}, clamped to the text; an end before the start is the start. */
    public SourceRange range(int start, int end) {
      start = clamp(start);
      end = Math.max(start, clamp(end));
      return new SourceRange(this, start, end);
    }

    private int clamp(int offset) {
      return Math.max(0, Math.min(offset, length));
    }

    int lineOf(int offset) {
      int i = Arrays.binarySearch(lineStarts, offset);
      return i >= 0 ? i : -i - 2;
    }

    int columnOf(int offset) {
      return offset - lineStarts[lineOf(offset)] + 1;
    }
  }
}
