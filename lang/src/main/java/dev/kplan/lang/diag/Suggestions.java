package dev.kplan.lang.diag;

import java.util.Collection;

/** "Did you mean …?" for a misspelt name: the closest candidate within a small edit distance. */
public final class Suggestions {
  private Suggestions() {}

  /**
   * The candidate nearest to {@code given}, or null when none is close enough (an edit distance of
   * at most a third of the name's length, at least 1, as Terraform's suggestions feel).
   */
  public static String closest(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = Math.max(1, Math.min(3, given.length() / 3 + 1));
    for (String c : candidates) {
      int d = distance(given, c);
      if (d < bestDistance && d <= limit) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** " Did you mean \"x\"?" or the empty string, ready to append to a detail message. */
  public static String didYouMean(String given, Collection<String> candidates) {
    String c = closest(given, candidates);
    return c == null ? "" : " Did you mean \"" + c + "\"?";
  }

  /** Levenshtein distance with transpositions counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
