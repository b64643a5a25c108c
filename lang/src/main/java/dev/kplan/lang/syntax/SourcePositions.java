package dev.kplan.lang.syntax;

import dev.kplan.lang.diag.SourceRange;
import java.util.Arrays;

/**
 * Turns the code-point indexes that ANTLR reports into {@link SourceRange}s: 1-based lines and
 * columns counted in code points, and 0-based char offsets into the Java string.
 */
final class SourcePositions {
  private final String file;
  private final int[] lineStarts; // code-point index of each line's first character
  private final int[] charOffsets; // code-point index -> char offset; null when the text has no surrogates
  private final int codePointCount;
  private int lastLine; // a hint for lineOf; positions are used by one parse on one thread
  private final SourceRange.LineIndex index; // compact ranges, when code points and chars coincide

  SourcePositions(String file, String text) {
    this.file = file;
    int n = text.length();
    boolean surrogates = false;
    int[] starts = new int[16];
    int lines = 1;
    int cp = 0;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        surrogates = true;
        i++;
      } else if (c == '\n') {
        if (lines == starts.length) {
          starts = Arrays.copyOf(starts, lines * 2);
        }
        starts[lines++] = cp + 1;
      }
      cp++;
    }
    this.lineStarts = Arrays.copyOf(starts, lines);
    this.codePointCount = cp;
    if (surrogates) {
      int[] offsets = new int[cp + 1];
      int k = 0;
      for (int i = 0; i < n; i++) {
        offsets[k++] = i;
        if (Character.isHighSurrogate(text.charAt(i)) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        }
      }
      offsets[cp] = n;
      this.charOffsets = offsets;
      this.index = null;
    } else {
      this.charOffsets = null;
      this.index = new SourceRange.LineIndex(file, lineStarts, cp);
    }
  }

  /** True when the text has no surrogate pairs, so that char offsets and code-point indexes coincide. */
  boolean charsAreCodePoints() {
    return charOffsets == null;
  }

  String file() {
    return file;
  }

  int codePointCount() {
    return codePointCount;
  }

  /** The range of code points {@code [start, end)}. */
  SourceRange range(int start, int end) {
    if (index != null) {
      return index.range(start, end);
    }
    start = clamp(start);
    end = Math.max(start, clamp(end));
    int startLine = lineOf(start);
    int endLine = end == start ? startLine : lineOf(end);
    return new SourceRange(
        file,
        startLine + 1,
        start - lineStarts[startLine] + 1,
        charOffset(start),
        endLine + 1,
        end - lineStarts[endLine] + 1,
        charOffset(end));
  }

  /** An empty range at code point {@code at}. */
  SourceRange point(int at) {
    return range(at, at);
  }

  private int clamp(int cp) {
    return Math.max(0, Math.min(cp, codePointCount));
  }

  private int charOffset(int cp) {
    return charOffsets == null ? cp : charOffsets[cp];
  }

  /** The char offset of code point {@code cp}, clamped to the text. */
  int charOffsetOf(int cp) {
    return charOffset(clamp(cp));
  }

  /** The 0-based line of code point {@code cp}. */
  int lineIndexOf(int cp) {
    return lineOf(clamp(cp));
  }

  /** The 1-based column, in code points, of code point {@code cp}. */
  int columnOf(int cp) {
    cp = clamp(cp);
    return cp - lineStarts[lineOf(cp)] + 1;
  }

  private int lineOf(int cp) {
    // Ranges are mostly asked for in source order: try the last line and the next before searching.
    int l = lastLine;
    int lines = lineStarts.length;
    if (cp >= lineStarts[l]) {
      if (l + 1 == lines || cp < lineStarts[l + 1]) {
        return l;
      }
      if (l + 2 == lines || cp < lineStarts[l + 2]) {
        return lastLine = l + 1;
      }
    }
    int i = Arrays.binarySearch(lineStarts, cp);
    return lastLine = i >= 0 ? i : -i - 2;
  }
}
