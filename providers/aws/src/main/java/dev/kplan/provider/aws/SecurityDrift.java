package dev.kplan.provider.aws;

import dev.kplan.lang.value.Value;
import java.util.Set;

/**
 * Which changes made outside kplan touch security on AWS: an ingress rule open to the whole internet
 * ({@code 0.0.0.0/0}, {@code ::/0}) on anything but the web ports 80 and 443 ({@link DriftAttributions} attributes
 * the change).
 */
final class SecurityDrift {
  private SecurityDrift() {}

  private static final Set<String> WORLD = Set.of("0.0.0.0/0", "::/0");
  private static final Set<Integer> WEB_PORTS = Set.of(80, 443);

  /**
   * Whether an ingress rule ({@code ip_protocol}, {@code from_port}, {@code to_port}, {@code cidr_ipv4},
   * {@code cidr_ipv6}, as the rule resource has them) lets the whole internet reach more than ports 80/443.
   */
  static boolean worldOpenBeyondWeb(Value rule) {
    String v4 = Vals.string(rule, "cidr_ipv4");
    String v6 = Vals.string(rule, "cidr_ipv6");
    boolean world = (v4 != null && WORLD.contains(Normal.cidr(v4))) || (v6 != null && WORLD.contains(Normal.cidr(v6)));
    if (!world) {
      return false;
    }
    String protocol = Normal.protocol(Vals.string(rule, "ip_protocol"));
    Integer from = Vals.integer(rule, "from_port");
    Integer to = Vals.integer(rule, "to_port");
    boolean web = ("tcp".equals(protocol) || "udp".equals(protocol)) && from != null && from.equals(to)
        && WEB_PORTS.contains(from);
    return !web;
  }
}
