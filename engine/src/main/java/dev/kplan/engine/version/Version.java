package dev.kplan.engine.version;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version ({@code 1.2.3}, {@code 0.1.0-SNAPSHOT}); missing minor or patch parts are 0.
 * Ordered as semver says: a pre-release sorts before its release ({@code 0.1.0-SNAPSHOT < 0.1.0}).
 */
public record Version(int major, int minor, int patch, String preRelease) implements Comparable<Version> {
  private static final Pattern SYNTAX =
      Pattern.compile("v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?(?:\\+[0-9A-Za-z.-]+)?");

  public Version {
    Objects.requireNonNull(preRelease, "preRelease is null");
  }

  /** The version {@code text} denotes, or null when it is not one. */
  public static Version parse(String text) {
    Matcher m = SYNTAX.matcher(text.strip());
    if (!m.matches()) {
      return null;
    }
    try {
      return new Version(Integer.parseInt(m.group(1)), part(m.group(2)), part(m.group(3)),
          m.group(4) == null ? "" : m.group(4));
    } catch (NumberFormatException e) {
      return null; // more digits than an int holds
    }
  }

  /** How many of major, minor, patch {@code text} spells out (for {@code ~>}). */
  static int parts(String text) {
    Matcher m = SYNTAX.matcher(text.strip());
    if (!m.matches()) {
      return 0;
    }
    return m.group(3) != null ? 3 : m.group(2) != null ? 2 : 1;
  }

  private static int part(String s) {
    return s == null ? 0 : Integer.parseInt(s);
  }

  @Override
  public int compareTo(Version o) {
    int c = Integer.compare(major, o.major);
    if (c == 0) {
      c = Integer.compare(minor, o.minor);
    }
    if (c == 0) {
      c = Integer.compare(patch, o.patch);
    }
    if (c != 0) {
      return c;
    }
    if (preRelease.isEmpty() || o.preRelease.isEmpty()) {
      return preRelease.isEmpty() ? (o.preRelease.isEmpty() ? 0 : 1) : -1;
    }
    List<String> a = List.of(preRelease.split("\\."));
    List<String> b = List.of(o.preRelease.split("\\."));
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int d = comparePreReleasePart(a.get(i), b.get(i));
      if (d != 0) {
        return d;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static int comparePreReleasePart(String a, String b) {
    boolean an = a.chars().allMatch(Character::isDigit);
    boolean bn = b.chars().allMatch(Character::isDigit);
    if (an && bn) {
      return new java.math.BigInteger(a).compareTo(new java.math.BigInteger(b));
    }
    if (an != bn) {
      return an ? -1 : 1; // numeric identifiers sort first
    }
    return a.compareTo(b);
  }

  @Override
  public String toString() {
    List<String> p = new ArrayList<>(List.of(String.valueOf(major), String.valueOf(minor), String.valueOf(patch)));
    return String.join(".", p) + (preRelease.isEmpty() ? "" : "-" + preRelease);
  }
}
