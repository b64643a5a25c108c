package dev.kplan.provider.aws;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;

/**
 * Canonical forms for comparing what AWS returns with what the configuration says: CIDR blocks
 * with host bits cleared and IPv6 compressed, protocols by name with "-1" for all.
 */
final class Normal {
  private Normal() {}

  private static final Map<String, String> PROTOCOLS = Map.of(
      "all", "-1", "6", "tcp", "17", "udp", "1", "icmp", "58", "icmpv6");

  static String protocol(String p) {
    if (p == null) {
      return null;
    }
    String lower = p.toLowerCase(Locale.ROOT);
    return PROTOCOLS.getOrDefault(lower, lower);
  }

  /** The canonical CIDR, or the text itself when it is not a CIDR (AWS will say why). */
  static String cidr(String text) {
    if (text == null) {
      return null;
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      return text;
    }
    try {
      byte[] addr = InetAddress.getByName(text.substring(0, slash).trim()).getAddress();
      int bits = Integer.parseInt(text.substring(slash + 1).trim());
      int total = addr.length * 8;
      if (bits < 0 || bits > total) {
        return text;
      }
      BigInteger value = new BigInteger(1, addr);
      BigInteger mask = BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE)
          .xor(BigInteger.ONE.shiftLeft(total - bits).subtract(BigInteger.ONE));
      byte[] raw = value.and(mask).toByteArray();
      byte[] out = new byte[addr.length];
      int copy = Math.min(raw.length, out.length);
      System.arraycopy(raw, raw.length - copy, out, out.length - copy, copy);
      String host = InetAddress.getByAddress(out).getHostAddress();
      if (out.length == 16) {
        host = compressIpv6(host);
      }
      return host + "/" + bits;
    } catch (UnknownHostException | NumberFormatException e) {
      return text;
    }
  }

  /** What to store for an attribute: the prior text when it means the same as the live value. */
  static String keepEquivalent(String prior, String live, java.util.function.UnaryOperator<String> canonical) {
    if (prior != null && live != null && canonical.apply(prior).equals(canonical.apply(live))) {
      return prior;
    }
    return live;
  }

  private static String compressIpv6(String full) {
    String[] parts = full.split(":");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      parts[i] = parts[i].replaceFirst("^0+(?=.)", "");
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < parts.length; ) {
      if (parts[i].equals("0")) {
        int j = i;
        while (j < parts.length && parts[j].equals("0")) {
          j++;
        }
        if (j - i > bestLen && j - i > 1) {
          bestStart = i;
          bestLen = j - i;
        }
        i = j;
      } else {
        i++;
      }
    }
    for (int i = 0; i < parts.length; i++) {
      if (i == bestStart) {
        sb.append(i == 0 ? "::" : ":");
        i += bestLen - 1;
        continue;
      }
      sb.append(parts[i]);
      if (i < parts.length - 1) {
        sb.append(':');
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }
}
