package dev.kplan.lang.functions;

import java.math.BigInteger;

/**
 * An IP address or prefix as OpenTofu's {@code ipaddr} package (Go 1.16's net parsing, which still
 * reads leading-zero IPv4 octets as decimal) parses and prints it. {@code bits} is 32 for IPv4 and
 * 128 for IPv6; {@code prefix} is the prefix length ({@code bits} for a plain address).
 */
record IpNet(BigInteger address, int bits, int prefix) {

  static final BigInteger V4_MAPPED_PREFIX = BigInteger.valueOf(0xffffL).shiftLeft(32);

  /** Go's net.ParseIP, or null. */
  static IpNet parseIp(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '.') {
        BigInteger v = parseV4(s);
        return v == null ? null : new IpNet(v, 32, 32);
      }
      if (c == ':') {
        BigInteger v = parseV6(s);
        return v == null ? null : new IpNet(v, 128, 128);
      }
    }
    return null;
  }

  /** Go's net.ParseCIDR: the network (address masked to the prefix); null when invalid. */
  static IpNet parseCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return null;
    }
    String addr = s.substring(0, slash);
    String mask = s.substring(slash + 1);
    int bits = 32;
    BigInteger ip = parseV4(addr);
    if (ip == null) {
      bits = 128;
      ip = parseV6(addr);
    }
    if (ip == null || mask.isEmpty() || !mask.chars().allMatch(c -> c >= '0' && c <= '9') || mask.length() > 7) {
      return null;
    }
    int n = Integer.parseInt(mask);
    if (n > bits) {
      return null;
    }
    return new IpNet(ip, bits, n).masked();
  }

  private static BigInteger parseV4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    long v = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 6 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return null;
      }
      int n = Integer.parseInt(p);
      if (n > 0xff) {
        return null;
      }
      v = v << 8 | n;
    }
    return BigInteger.valueOf(v);
  }

  private static BigInteger parseV6(String s) {
    int[] groups = new int[8];
    int count = 0;
    int ellipsis = -1;
    int i = 0;
    if (s.startsWith("::")) {
      ellipsis = 0;
      i = 2;
      if (i == s.length()) {
        return BigInteger.ZERO;
      }
    }
    while (i < s.length()) {
      int j = i;
      while (j < s.length() && Character.digit(s.charAt(j), 16) >= 0 && s.charAt(j) < 0x80) {
        j++;
      }
      if (j < s.length() && s.charAt(j) == '.') {
        // embedded IPv4 in the last 32 bits
        if (ellipsis < 0 && count != 6) {
          return null;
        }
        if (count + 2 > 8) {
          return null;
        }
        BigInteger v4 = parseV4(s.substring(i));
        if (v4 == null) {
          return null;
        }
        long v = v4.longValue();
        groups[count++] = (int) (v >> 16);
        groups[count++] = (int) (v & 0xffff);
        i = s.length();
        break;
      }
      if (j == i || j - i > 6) {
        return null;
      }
      int n = Integer.parseInt(s.substring(i, j), 16);
      if (n > 0xffff || count == 8) {
        return null;
      }
      groups[count++] = n;
      i = j;
      if (i == s.length()) {
        break;
      }
      if (s.charAt(i) != ':' || i + 1 == s.length()) {
        return null;
      }
      i++;
      if (s.charAt(i) == ':') {
        if (ellipsis >= 0) {
          return null;
        }
        ellipsis = count;
        i++;
        if (i == s.length()) {
          break;
        }
      }
    }
    if (ellipsis < 0) {
      if (count != 8) {
        return null;
      }
    } else {
      if (count == 8) {
        return null;
      }
      int shift = 8 - count;
      for (int k = count - 1; k >= ellipsis; k--) {
        groups[k + shift] = groups[k];
      }
      for (int k = ellipsis; k < ellipsis + shift; k++) {
        groups[k] = 0;
      }
    }
    BigInteger v = BigInteger.ZERO;
    for (int g : groups) {
      v = v.shiftLeft(16).or(BigInteger.valueOf(g));
    }
    return v;
  }

  BigInteger hostMask() {
    return BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE);
  }

  BigInteger allOnes() {
    return BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
  }

  IpNet masked() {
    return new IpNet(address.andNot(hostMask()), bits, prefix);
  }

  IpNet withPrefix(int newPrefix) {
    return new IpNet(address, bits, newPrefix).masked();
  }

  BigInteger lastAddress() {
    return masked().address.or(hostMask());
  }

  boolean isV4() {
    return bits == 32 || address.shiftRight(32).equals(BigInteger.valueOf(0xffff));
  }

  /** An IPv4-mapped IPv6 prefix as the IPv4 prefix Go's networkNumberAndMask sees (mask bytes 12–15). */
  IpNet asV4IfMapped() {
    if (bits != 128 || !isV4()) {
      return this;
    }
    return new IpNet(address.and(BigInteger.valueOf(0xffffffffL)), 32, Math.max(prefix - 96, 0)).masked();
  }

  boolean contains(BigInteger ip) {
    return ip.andNot(hostMask()).equals(masked().address);
  }

  /** Go's IP.String for the address alone. */
  String addressString() {
    return format(address, bits);
  }

  /** Go's IPNet.String. */
  @Override
  public String toString() {
    return addressString() + "/" + prefix;
  }

  static String format(BigInteger v, int bits) {
    if (bits == 32) {
      long x = v.longValue();
      return ((x >> 24) & 0xff) + "." + ((x >> 16) & 0xff) + "." + ((x >> 8) & 0xff) + "." + (x & 0xff);
    }
    if (v.shiftRight(32).equals(BigInteger.valueOf(0xffff))) {
      return format(v.and(BigInteger.valueOf(0xffffffffL)), 32);
    }
    int[] g = new int[8];
    for (int k = 7; k >= 0; k--) {
      g[k] = v.and(BigInteger.valueOf(0xffff)).intValue();
      v = v.shiftRight(16);
    }
    int e0 = -1;
    int e1 = -1;
    for (int k = 0; k < 8; k++) {
      int j = k;
      while (j < 8 && g[j] == 0) {
        j++;
      }
      if (j > k && j - k >= 2 && j - k > e1 - e0) {
        e0 = k;
        e1 = j;
      }
      k = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < 8; k++) {
      if (k == e0) {
        sb.append("::");
        k = e1 - 1;
        continue;
      }
      if (k > 0 && k != e1) {
        sb.append(':');
      }
      sb.append(Integer.toHexString(g[k]));
    }
    return sb.toString();
  }
}
