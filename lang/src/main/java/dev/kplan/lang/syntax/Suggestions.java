package dev.kplan.lang.syntax;

import java.util.List;

/** "Did you mean …?" as HCL computes it: the closest candidate within Levenshtein distance 2. */
final class Suggestions {
  private Suggestions() {}

  static String nameSuggestion(String given, List<String> candidates) {
    for (String c : candidates) {
      if (distance(given, c) < 3) {
        return c;
      }
    }
    return null;
  }

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
