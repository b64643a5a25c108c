package dev.kplan.lang.functions;

import static dev.kplan.lang.functions.FnencTesting.n;
import static dev.kplan.lang.functions.FnencTesting.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkFunctionsTest {
  private final FnencTesting fns = new FnencTesting();

  @Test
  void cidrsubnetExtendsThePrefix() throws FunctionException {
    assertEquals("10.1.2.240/28", fns.string("cidrsubnet", s("10.1.2.0/24"), n(4), n(15)));
    assertEquals("10.128.0.0/9", fns.string("cidrsubnet", s("10.0.0.0/8"), n(1), n(1)));
    assertEquals("2001:db8:0:1::/64", fns.string("cidrsubnet", s("2001:db8::/48"), n(16), n(1)));
  }

  @Test
  void cidrsubnetReportsGoCidrErrors() {
    fns.assertFails("insufficient address space to extend prefix of 16 by 20", -1,
        "cidrsubnet", s("10.0.0.0/16"), n(20), n(0));
    fns.assertFails("prefix extension of 4 does not accommodate a subnet numbered 16", -1,
        "cidrsubnet", s("10.1.2.0/24"), n(4), n(16));
    fns.assertFails("invalid CIDR expression: invalid CIDR address: 10.0.0.0", -1,
        "cidrsubnet", s("10.0.0.0"), n(4), n(1));
    fns.assertFails("value must be a whole number, between -9223372036854775808 and 9223372036854775807", -1,
        "cidrsubnet", s("10.0.0.0/8"), Value.number(new BigDecimal("1.5")), n(1));
  }

  @Test
  void cidrsubnetTakesNegativeNumbersAsGoBigIntArithmeticDoes() throws FunctionException {
    assertEquals("0.1.0.0/16", fns.string("cidrsubnet", s("10.0.0.0/8"), n(8), n(-1)));
  }

  @Test
  void cidrhostCountsFromTheEndForNegativeNumbers() throws FunctionException {
    assertEquals("10.0.0.3", fns.string("cidrhost", s("10.0.0.0/30"), n(-1)));
    assertEquals("10.0.0.0", fns.string("cidrhost", s("10.0.0.0/30"), n(-4)));
    fns.assertFails("prefix of 30 does not accommodate a host numbered 4", -1, "cidrhost", s("10.0.0.0/30"), n(4));
  }

  @Test
  void acceptsLeadingZeroOctetsAsDecimalLikeOpenTofu() throws FunctionException {
    assertEquals("10.0.0.5", fns.string("cidrhost", s("010.000.000.000/8"), n(5)));
  }

  @Test
  void cidrnetmaskIsForIpv4Only() throws FunctionException {
    assertEquals("255.255.255.0", fns.string("cidrnetmask", s("10.0.0.0/24")));
    assertEquals("0.0.0.0", fns.string("cidrnetmask", s("0.0.0.0/0")));
    fns.assertFails("IPv6 addresses cannot have a netmask: fe80::/64", -1, "cidrnetmask", s("fe80::/64"));
  }

  @Test
  void cidrsubnetsAllocatesConsecutiveBlocks() throws FunctionException {
    assertEquals(Value.list(Type.STRING, List.of(s("10.0.0.0/24"), s("10.0.1.0/25"), s("10.0.2.0/24"))),
        fns.call("cidrsubnets", s("10.0.0.0/16"), n(8), n(9), n(8)));
    assertEquals(Value.list(Type.STRING, List.of()), fns.call("cidrsubnets", s("10.0.0.0/16")));
  }

  @Test
  void cidrsubnetsNamesTheArgumentThatDoesNotFit() {
    fns.assertFails("not enough remaining address space for a subnet with a prefix of 31 bits after 10.0.0.2/31", 3,
        "cidrsubnets", s("10.0.0.0/30"), n(1), n(1), n(1));
    fns.assertFails("must extend prefix by at least one bit", 1, "cidrsubnets", s("10.0.0.0/16"), n(0));
    fns.assertFails("may not extend prefix by more than 32 bits", 1, "cidrsubnets", s("fd00::/56"), n(33));
    fns.assertFails("would extend prefix to 33 bits, which is too long for an IPv4 address", 1,
        "cidrsubnets", s("10.0.0.0/16"), n(17));
    fns.assertFails("invalid CIDR expression: invalid CIDR address: nope", 0, "cidrsubnets", s("nope"), n(1));
  }

  @Test
  void cidrcontainsRefusesMixedFamilies() throws FunctionException {
    assertEquals(Value.bool(true), fns.call("cidrcontains", s("10.0.0.0/8"), s("10.255.255.255")));
    fns.assertFails("address family mismatch: 10.0.0.0/8 vs. ::1", -1, "cidrcontains", s("10.0.0.0/8"), s("::1"));
    fns.assertFails("invalid IP address or prefix: x", -1, "cidrcontains", s("10.0.0.0/8"), s("x"));
  }

  @Test
  void printsIpv6InGoCanonicalForm() throws FunctionException {
    assertEquals("2001:db8::1:0:0:1", fns.string("cidrhost", s("2001:db8:0:0:1::/80"), n(1)));
    assertEquals("::1", fns.string("cidrhost", s("::/64"), n(1)));
    // go-cidr's quirk: an IPv4-mapped prefix takes the host number 96 bits too high
    assertEquals("0:4::ffff:102:300", fns.string("cidrhost", s("::ffff:1.2.3.0/120"), n(4)));
  }
}
