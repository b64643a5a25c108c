package dev.kplan.provider.aws;

import java.util.Locale;

/**
 * DNS names as Route 53 answers them (fully qualified with a trailing dot, lower-case, {@code *} as
 * {@code \052}) compared with the configuration's spelling, which is kept when it means the same.
 */
final class Route53Names {
  private Route53Names() {}

  static String canonical(String name) {
    if (name == null) {
      return null;
    }
    String n = name.replace("\\052", "*").toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  static String keep(String prior, String live) {
    return prior != null && live != null && canonical(prior).equals(canonical(live)) ? prior : canonical(live);
  }

  /** A record name relative to its zone made absolute, as Terraform allows ("www" in example.com). */
  static String qualify(String name, String zone) {
    String n = canonical(name);
    String z = canonical(zone);
    return z == null || n.equals(z) || n.endsWith("." + z) ? n : n + "." + z;
  }

  /** Hosted zone ids come as "/hostedzone/Z123" or "Z123". */
  static String zoneId(String id) {
    return id == null ? null : id.startsWith("/hostedzone/") ? id.substring("/hostedzone/".length()) : id;
  }
}
