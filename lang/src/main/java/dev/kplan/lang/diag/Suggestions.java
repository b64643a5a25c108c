package dev.kplan.lang.diag;

import java.util.Collection;
import java.util.List;

/**
 * "Did you mean …?" for a misspelt name, by HCL's rule (its {@code didyoumean} package, which
 * Terraform uses too): a candidate within Levenshtein distance 2. Where several qualify, the
 * nearest wins, then the first in order.
 */
public final class Suggestions {
  private Suggestions() {}

  /** The suggested candidate, or null when none is close enough. */
  public static String closest(String given, Collection<String> candidates) {
    List<String> ordered = candidates.stream().sorted().toList();
    String best = null;
    int bestDistance = 3;
    for (String c : ordered) {
      int d = distance(given, c);
      if (d < bestDistance) {
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

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
