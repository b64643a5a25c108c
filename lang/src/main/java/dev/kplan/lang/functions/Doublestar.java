package dev.kplan.lang.functions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Glob matching with bmatcuk/doublestar's rules, as OpenTofu's {@code fileset} uses them: {@code *}
 * and {@code ?} stay within one path segment, {@code **} as a whole segment spans any number of
 * directories (including none), {@code [...]} classes, {@code {a,b}} alternatives, {@code \\} escapes.
 */
final class Doublestar {
  private Doublestar() {}

  /** A pattern doublestar rejects (ErrBadPattern). */
  static final class BadPattern extends Exception {
    private static final long serialVersionUID = 1L;

    BadPattern() {
      super("syntax error in pattern", null, false, false);
    }
  }

  /** Every existing path matching the absolute, cleaned {@code pattern}, as absolute slash paths. */
  static List<String> glob(String pattern) throws BadPattern, IOException {
    int firstMeta = firstMeta(pattern);
    String base;
    String rest;
    if (firstMeta < 0) {
      base = pattern.substring(0, Math.max(pattern.lastIndexOf('/'), 0));
      rest = pattern.substring(pattern.lastIndexOf('/') + 1);
    } else {
      int slash = pattern.lastIndexOf('/', firstMeta);
      base = pattern.substring(0, Math.max(slash, 0));
      rest = pattern.substring(slash + 1);
    }
    if (base.isEmpty()) {
      base = pattern.startsWith("/") ? "/" : ".";
    }
    Pattern regex = Pattern.compile(toRegex(rest));
    Path root = Path.of(base);
    List<String> matches = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return matches;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (p.equals(root)) {
          continue;
        }
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (regex.matcher(rel).matches()) {
          matches.add(GoPaths.join(base, rel));
        }
      }
    }
    matches.sort(String::compareTo);
    return matches;
  }

  private static int firstMeta(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '*' || c == '?' || c == '[' || c == '{' || c == '\\') {
        return i;
      }
    }
    return -1;
  }

  static String toRegex(String pattern) throws BadPattern {
    String[] segments = splitSegments(pattern);
    StringBuilder re = new StringBuilder();
    boolean needSlash = false;
    for (int i = 0; i < segments.length; i++) {
      String seg = segments[i];
      boolean last = i == segments.length - 1;
      if (seg.equals("**")) {
        if (last) {
          re.append(needSlash ? "(?:/.*)?" : ".*");
        } else {
          if (needSlash) {
            re.append('/');
          }
          re.append("(?:[^/]*/)*");
          needSlash = false;
        }
        continue;
      }
      if (needSlash) {
        re.append('/');
      }
      re.append(segmentRegex(seg));
      needSlash = true;
    }
    return re.toString();
  }

  /** The pattern's path segments; a slash inside {@code {...}} or {@code [...]} does not split. */
  private static String[] splitSegments(String pattern) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int depth = 0;
    boolean inClass = false;
    int start = 0;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
      } else if (c == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (c == '/' && depth == 0) {
        out.add(pattern.substring(start, i));
        start = i + 1;
      }
    }
    out.add(pattern.substring(start));
    return out.toArray(new String[0]);
  }

  private static String segmentRegex(String seg) throws BadPattern {
    StringBuilder re = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < seg.length(); i++) {
      char c = seg.charAt(i);
      switch (c) {
        case '*' -> re.append("[^/]*");
        case '?' -> re.append("[^/]");
        case '\\' -> {
          if (++i >= seg.length()) {
            throw new BadPattern();
          }
          re.append(Pattern.quote(String.valueOf(seg.charAt(i))));
        }
        case '[' -> {
          int close = i + 1;
          if (close < seg.length() && (seg.charAt(close) == '!' || seg.charAt(close) == '^')) {
            close++;
          }
          if (close < seg.length() && seg.charAt(close) == ']') {
            close++;
          }
          while (close < seg.length() && seg.charAt(close) != ']') {
            if (seg.charAt(close) == '\\') {
              close++;
            }
            close++;
          }
          if (close >= seg.length()) {
            throw new BadPattern();
          }
          StringBuilder cls = new StringBuilder("[");
          int j = i + 1;
          if (seg.charAt(j) == '!' || seg.charAt(j) == '^') {
            cls.append('^');
            j++;
          }
          for (; j < close; j++) {
            char k = seg.charAt(j);
            if (k == '\\') {
              j++;
              k = seg.charAt(j);
            }
            if (k == '-' && j > i + 1 && j + 1 < close) {
              cls.append('-');
            } else {
              cls.append(escapeClassChar(k));
            }
          }
          cls.append("&&[^/]]");
          re.append(cls);
          i = close;
        }
        case '{' -> {
          re.append("(?:");
          depth++;
        }
        case '}' -> {
          if (depth == 0) {
            re.append("\\}");
          } else {
            re.append(')');
            depth--;
          }
        }
        case ',' -> re.append(depth > 0 ? "|" : ",");
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (depth != 0) {
      throw new BadPattern();
    }
    return re.toString();
  }

  private static String escapeClassChar(char k) {
    if ("\\[]^&-".indexOf(k) >= 0) {
      return "\\" + k;
    }
    return String.valueOf(k);
  }
}
