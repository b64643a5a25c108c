package dev.kplan.engine.version;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version constraint as Terraform's {@code required_version} spells it: comma-separated terms,
 * each an operator ({@code =}, {@code !=}, {@code >}, {@code >=}, {@code <}, {@code <=},
 * {@code ~>}; none means {@code =}) and a version. {@code ~> 1.2} allows {@code >= 1.2, < 2.0};
 * {@code ~> 1.2.3} allows {@code >= 1.2.3, < 1.3.0}.
 */
public record VersionConstraint(String text, List<Term> terms) {
  private static final Pattern TERM = Pattern.compile("\\s*(=|!=|>=|<=|>|<|~>)?\\s*(\\S+)\\s*");

  public VersionConstraint {
    terms = List.copyOf(terms);
  }

  /** One operator and version; {@code parts} is how many of major.minor.patch were written. */
  public record Term(String operator, Version version, int parts) {
    boolean allows(Version v) {
      int c = v.compareTo(version);
      switch (operator) {
        case "!=":
          return c != 0;
        case ">":
          return c > 0;
        case ">=":
          return c >= 0;
        case "<":
          return c < 0;
        case "<=":
          return c <= 0;
        case "~>":
          Version upper = parts <= 2
              ? new Version(version.major() + 1, 0, 0, "")
              : new Version(version.major(), version.minor() + 1, 0, "");
          // the upper bound excludes the next release's pre-releases too, as a user would expect
          return c >= 0 && new Version(v.major(), v.minor(), v.patch(), "").compareTo(upper) < 0;
        default:
          return c == 0;
      }
    }
  }

  /** The constraint {@code text} denotes, or null when it is not one. */
  public static VersionConstraint parse(String text) {
    List<Term> terms = new ArrayList<>();
    for (String part : text.split(",", -1)) {
      Matcher m = TERM.matcher(part);
      if (!m.matches()) {
        return null;
      }
      Version v = Version.parse(m.group(2));
      if (v == null) {
        return null;
      }
      terms.add(new Term(m.group(1) == null ? "=" : m.group(1), v, Version.parts(m.group(2))));
    }
    return new VersionConstraint(text, terms);
  }

  /** True when every term allows {@code v}. */
  public boolean allows(Version v) {
    return terms.stream().allMatch(t -> t.allows(v));
  }
}
