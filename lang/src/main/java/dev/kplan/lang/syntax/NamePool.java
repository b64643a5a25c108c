package dev.kplan.lang.syntax;

/**
 * One shared copy of each short name or string of a file. Looking up a piece of the source text
 * here allocates nothing when the text was seen before: names repeat a lot in configurations, and
 * a substring per occurrence was a good part of what parsing allocated.
 */
final class NamePool {
  static final int MAX_LENGTH = 64; // longer texts rarely repeat

  private String[] table = new String[512];
  private int shift = 32 - 9; // table.length == 1 << (32 - shift)
  private int size;

  /** The shared copy of {@code source[from, to)}. */
  String intern(String source, int from, int to) {
    int len = to - from;
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + source.charAt(i);
    }
    int mask = table.length - 1;
    for (int i = slot(h); ; i = (i + 1) & mask) {
      String s = table[i];
      if (s == null) {
        String text = from == 0 && to == source.length() ? source : source.substring(from, to);
        table[i] = text;
        if (++size * 2 > table.length) {
          grow();
        }
        return text;
      }
      if (s.length() == len && source.regionMatches(from, s, 0, len)) {
        return s;
      }
    }
  }

  /** The shared copy of {@code s}. */
  String intern(String s) {
    return intern(s, 0, s.length());
  }

  /**
   * Fibonacci hashing: names such as {@code app-00001}, {@code app-00002} have consecutive string
   * hashes, which would fill consecutive slots and make long probe runs.
   */
  private int slot(int h) {
    return (h * 0x9E3779B9) >>> shift;
  }

  private void grow() {
    String[] old = table;
    table = new String[old.length * 2];
    shift--;
    int mask = table.length - 1;
    for (String s : old) {
      if (s != null) {
        int i = slot(s.hashCode());
        while (table[i] != null) {
          i = (i + 1) & mask;
        }
        table[i] = s;
      }
    }
  }
}
