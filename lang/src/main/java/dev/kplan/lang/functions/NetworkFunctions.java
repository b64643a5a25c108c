package dev.kplan.lang.functions;

import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** IP prefix arithmetic (OpenTofu's {@code cidr.go} over apparentlymart/go-cidr), IPv4 and IPv6. */
public final class NetworkFunctions {
  private NetworkFunctions() {}

  private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  public static List<FunctionSpec> functions() {
    return List.of(
        new FunctionSpec("cidrhost",
            List.of(Param.of("prefix", Type.STRING), Param.of("hostnum", Type.NUMBER)), null,
            ReturnType.fixed(Type.STRING), (args, rt) -> Value.string(cidrhost(args))),
        new FunctionSpec("cidrnetmask", List.of(Param.of("prefix", Type.STRING)), null,
            ReturnType.fixed(Type.STRING), (args, rt) -> Value.string(cidrnetmask(str(args.get(0))))),
        new FunctionSpec("cidrsubnet",
            List.of(Param.of("prefix", Type.STRING), Param.of("newbits", Type.NUMBER),
                Param.of("netnum", Type.NUMBER)), null,
            ReturnType.fixed(Type.STRING), (args, rt) -> Value.string(cidrsubnet(args))),
        new FunctionSpec("cidrsubnets", List.of(Param.of("prefix", Type.STRING)),
            Param.of("newbits", Type.NUMBER), ReturnType.fixed(new ListType(Type.STRING)),
            (args, rt) -> cidrsubnets(args)),
        new FunctionSpec("cidrcontains",
            List.of(Param.of("containing_prefix", Type.STRING), Param.of("contained_ip_or_prefix", Type.STRING)),
            null, ReturnType.fixed(Type.BOOL),
            (args, rt) -> Value.bool(cidrcontains(str(args.get(0)), str(args.get(1))))));
  }

  private static String str(Value v) {
    return ((StringValue) v).value();
  }

  private static IpNet network(String prefix, int argIndex, String template) throws FunctionException {
    IpNet n = IpNet.parseCidr(prefix);
    if (n == null) {
      throw new FunctionException(argIndex, template + "invalid CIDR address: " + prefix);
    }
    return n;
  }

  /** gocty's conversion to a Go int. */
  private static int toInt(Value v, int argIndex) throws FunctionException {
    BigDecimal d = ((NumberValue) v).value();
    try {
      long l = d.longValueExact();
      if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
        // Go ints are 64-bit; anything this large fails later checks with the same outcome
        return l < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
      }
      return (int) l;
    } catch (ArithmeticException e) {
      throw new FunctionException(argIndex,
          "value must be a whole number, between -9223372036854775808 and 9223372036854775807");
    }
  }

  /** gocty's conversion to a *big.Int. */
  private static BigInteger toBigInt(Value v, int argIndex) throws FunctionException {
    BigDecimal d = ((NumberValue) v).value();
    try {
      return d.toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new FunctionException(argIndex, "value must be a whole number");
    }
  }

  private static String cidrhost(List<Value> args) throws FunctionException {
    BigInteger num = toBigInt(args.get(1), -1);
    IpNet net = network(str(args.get(0)), -1, "invalid CIDR expression: ");
    int hostLen = net.bits() - net.prefix();
    BigInteger maxHostNum = BigInteger.ONE.shiftLeft(hostLen).subtract(BigInteger.ONE);
    BigInteger check = num.abs().and(MAX_UINT64);
    if (num.signum() < 0) {
      check = num.negate().subtract(BigInteger.ONE);
      num = maxHostNum.subtract(check);
    }
    if (check.compareTo(maxHostNum) > 0) {
      throw new FunctionException(
          "prefix of " + net.prefix() + " does not accommodate a host numbered " + num);
    }
    // go-cidr inserts the host number as if into a 32-bit address whenever the prefix is an IPv4
    // address (IPv4-mapped IPv6 included), even though the address itself stays 128 bits wide
    int width = net.isV4() ? 32 : net.bits();
    BigInteger ip = net.address().or(num.shiftLeft(net.bits() - width)).abs().and(net.allOnes());
    return IpNet.format(ip, net.bits());
  }

  private static String cidrnetmask(String prefix) throws FunctionException {
    IpNet net = network(prefix, -1, "invalid CIDR expression: ");
    if (!net.isV4()) {
      throw new FunctionException("IPv6 addresses cannot have a netmask: " + prefix);
    }
    // an IPv4-mapped prefix keeps its 128-bit mask, which Go then prints as IPv6
    return IpNet.format(net.allOnes().andNot(net.hostMask()), net.bits());
  }

  private static String cidrsubnet(List<Value> args) throws FunctionException {
    int newbits = toInt(args.get(1), -1);
    BigInteger netnum = toBigInt(args.get(2), -1);
    IpNet net = network(str(args.get(0)), -1, "invalid CIDR expression: ");
    int newPrefix = net.prefix() + newbits;
    if (newPrefix > net.bits()) {
      throw new FunctionException("insufficient address space to extend prefix of " + net.prefix() + " by " + newbits);
    }
    BigInteger maxNetNum = newbits >= 64 || newbits < 0 ? MAX_UINT64
        : BigInteger.ONE.shiftLeft(newbits).subtract(BigInteger.ONE);
    // go-cidr checks big.Int.Uint64(), the low bits of the magnitude, so negative numbers pass
    if (netnum.abs().and(MAX_UINT64).compareTo(maxNetNum) > 0) {
      throw new FunctionException(
          "prefix extension of " + newbits + " does not accommodate a subnet numbered " + netnum);
    }
    if (newPrefix < 0) {
      throw new FunctionException("insufficient address space to extend prefix of " + net.prefix() + " by " + newbits);
    }
    // big.Int's Or works in two's complement and intToIP then takes the magnitude's bytes
    BigInteger ip = net.address().or(netnum.shiftLeft(net.bits() - newPrefix)).abs().and(net.allOnes());
    return new IpNet(ip, net.bits(), newPrefix).toString();
  }

  private static Value cidrsubnets(List<Value> args) throws FunctionException {
    IpNet net = network(str(args.get(0)), 0, "invalid CIDR expression: ");
    if (args.size() == 1) {
      return Value.list(Type.STRING, List.of());
    }
    int startPrefix = net.prefix();
    int firstLength = toInt(args.get(1), 1) + startPrefix;
    // the subnet of the first length just below the base network, so the first "next" is its start
    BigInteger before = net.address().subtract(BigInteger.ONE).and(net.allOnes());
    IpNet current = new IpNet(before, net.bits(), Math.max(0, Math.min(firstLength, net.bits()))).masked();
    List<Value> out = new ArrayList<>();
    for (int i = 1; i < args.size(); i++) {
      int length = toInt(args.get(i), i);
      if (length < 1) {
        throw new FunctionException(i, "must extend prefix by at least one bit");
      }
      if (length > 32) {
        throw new FunctionException(i, "may not extend prefix by more than 32 bits");
      }
      length += startPrefix;
      if (length > net.bits()) {
        throw new FunctionException(i, "would extend prefix to " + length + " bits, which is too long for an "
            + (net.bits() == 32 ? "IPv4" : "IPv6") + " address");
      }
      IpNet sameSize = new IpNet(current.lastAddress(), net.bits(), length).masked();
      BigInteger last = sameSize.lastAddress().add(BigInteger.ONE).and(net.allOnes());
      IpNet next = new IpNet(last, net.bits(), length).masked();
      if (last.signum() == 0 || !net.contains(next.address())) {
        throw new FunctionException(i, "not enough remaining address space for a subnet with a prefix of "
            + length + " bits after " + current);
      }
      current = next;
      out.add(Value.string(current.toString()));
    }
    return Value.list(Type.STRING, out);
  }

  private static boolean cidrcontains(String prefix, String addr) throws FunctionException {
    IpNet containing = IpNet.parseCidr(prefix);
    if (containing == null) {
      throw new FunctionException("invalid CIDR address: " + prefix);
    }
    IpNet start = IpNet.parseIp(addr);
    BigInteger end = null;
    if (start == null) {
      IpNet contained = IpNet.parseCidr(addr);
      if (contained == null) {
        throw new FunctionException("invalid IP address or prefix: " + addr);
      }
      start = contained;
      end = contained.lastAddress();
    }
    if (start.isV4() != containing.isV4()) {
      throw new FunctionException("address family mismatch: " + prefix + " vs. " + addr);
    }
    // Go's IPNet.Contains compares IPv4-mapped IPv6 addresses and prefixes as IPv4
    containing = containing.asV4IfMapped();
    if (start.bits() == 128 && start.isV4()) {
      start = new IpNet(start.address().and(BigInteger.valueOf(0xffffffffL)), 32, 32);
      if (end != null) {
        end = end.and(BigInteger.valueOf(0xffffffffL));
      }
    }
    boolean result = containing.bits() == start.bits() && containing.contains(start.address());
    if (end != null) {
      result = result && containing.contains(end);
    }
    return result;
  }
}
