package dev.kplan.cli;

import java.util.ArrayList;
import java.util.List;

/** A unified diff of two texts by lines (LCS), as {@code diff -u} prints it; for {@code fmt -diff}. */
final class UnifiedDiff {
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  static String diff(String oldText, String newText, String path) {
    List<String> a = lines(oldText);
    List<String> b = lines(newText);
    int[][] lcs = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    // edit script: ' ' keep, '-' delete from a, '+' insert from b
    List<char[]> ops = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        ops.add(new char[] {' '});
        texts.add(a.get(i));
        i++;
        j++;
      } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
        // deletions before insertions, as diff -u prints a changed line
        ops.add(new char[] {'-'});
        texts.add(a.get(i));
        i++;
      } else {
        ops.add(new char[] {'+'});
        texts.add(b.get(j));
        j++;
      }
    }
    StringBuilder out = new StringBuilder();
    out.append("--- old/").append(path).append('\n').append("+++ new/").append(path).append('\n');
    int k = 0;
    while (k < ops.size()) {
      if (ops.get(k)[0] == ' ') {
        k++;
        continue;
      }
      int start = Math.max(0, k - CONTEXT);
      int end = k;
      // extend the hunk while changes are closer than two contexts apart
      int last = k;
      while (end < ops.size()) {
        if (ops.get(end)[0] != ' ') {
          last = end;
        } else if (end - last > 2 * CONTEXT) {
          break;
        }
        end++;
      }
      end = Math.min(ops.size(), last + CONTEXT + 1);
      int oldStart = 1;
      int newStart = 1;
      for (int x = 0; x < start; x++) {
        if (ops.get(x)[0] != '+') {
          oldStart++;
        }
        if (ops.get(x)[0] != '-') {
          newStart++;
        }
      }
      int oldLen = 0;
      int newLen = 0;
      for (int x = start; x < end; x++) {
        if (ops.get(x)[0] != '+') {
          oldLen++;
        }
        if (ops.get(x)[0] != '-') {
          newLen++;
        }
      }
      out.append("@@ -").append(oldLen == 0 ? oldStart - 1 : oldStart).append(',').append(oldLen)
          .append(" +").append(newLen == 0 ? newStart - 1 : newStart).append(',').append(newLen).append(" @@\n");
      for (int x = start; x < end; x++) {
        out.append(ops.get(x)[0]).append(texts.get(x)).append('\n');
      }
      k = end;
    }
    return out.toString();
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }
}
