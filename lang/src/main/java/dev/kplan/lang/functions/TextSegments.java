package dev.kplan.lang.functions;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits text into user-perceived characters (extended grapheme clusters, Unicode UAX #29), the
 * unit cty counts in: {@code length}, {@code substr}, {@code strrev} and {@code format} widths.
 */
final class TextSegments {
  private static final Pattern CLUSTER = Pattern.compile("\\X");

  private TextSegments() {}

  /** The grapheme clusters of {@code s}, in order. */
  static List<String> graphemes(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = CLUSTER.matcher(s);
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  /** How many grapheme clusters {@code s} has. */
  static int count(String s) {
    int n = 0;
    Matcher m = CLUSTER.matcher(s);
    while (m.find()) {
      n++;
    }
    return n;
  }
}
