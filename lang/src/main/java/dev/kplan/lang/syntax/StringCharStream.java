package dev.kplan.lang.syntax;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.IntStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The lexer's input read straight from the source string, for texts without surrogate pairs (where
 * a char index is a code-point index). {@code CharStreams.fromString} copies a text twice (a char
 * buffer, then a code-point buffer) before lexing starts.
 */
final class StringCharStream implements CharStream {
  private final String text;
  private final String sourceName;
  private final int size;
  private int index;

  /** {@code text} must not contain surrogate pairs. */
  StringCharStream(String text, String sourceName) {
    this.text = text;
    this.sourceName = sourceName;
    this.size = text.length();
  }

  @Override
  public void consume() {
    if (index >= size) {
      throw new IllegalStateException("cannot consume EOF");
    }
    index++;
  }

  @Override
  public int LA(int i) {
    if (i == 0) {
      return 0; // undefined
    }
    int at = i > 0 ? index + i - 1 : index + i;
    if (at < 0 || at >= size) {
      return IntStream.EOF;
    }
    return text.charAt(at);
  }

  @Override
  public int mark() {
    return -1;
  }

  @Override
  public void release(int marker) {}

  @Override
  public int index() {
    return index;
  }

  @Override
  public void seek(int index) {
    this.index = Math.max(0, Math.min(index, size));
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public String getSourceName() {
    return sourceName == null || sourceName.isEmpty() ? IntStream.UNKNOWN_SOURCE_NAME : sourceName;
  }

  @Override
  public String getText(Interval interval) {
    int start = Math.min(interval.a, size);
    int stop = Math.min(interval.b, size - 1);
    return stop < start ? "" : text.substring(start, stop + 1);
  }

  @Override
  public String toString() {
    return text;
  }
}
