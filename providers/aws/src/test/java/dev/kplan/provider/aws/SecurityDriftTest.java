package dev.kplan.provider.aws;

import static dev.kplan.provider.aws.TestingAws.n;
import static dev.kplan.provider.aws.TestingAws.s;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.value.Value;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityDriftTest {
  static Value rule(String protocol, Integer from, Integer to, String v4, String v6) {
    Map<String, Value> m = new HashMap<>();
    m.put("ip_protocol", s(protocol));
    m.put("from_port", from == null ? Vals.num(null) : n(from));
    m.put("to_port", to == null ? Vals.num(null) : n(to));
    m.put("cidr_ipv4", Vals.str(v4));
    m.put("cidr_ipv6", Vals.str(v6));
    return Value.object(m);
  }

  @Test
  void theWholeInternetOnAnyPortButTheWebPortsIsSensitive() {
    assertTrue(SecurityDrift.worldOpenBeyondWeb(rule("tcp", 22, 22, "0.0.0.0/0", null)));
    assertTrue(SecurityDrift.worldOpenBeyondWeb(rule("6", 3389, 3389, null, "::/0")), "protocol numbers, IPv6");
    assertTrue(SecurityDrift.worldOpenBeyondWeb(rule("-1", null, null, "0.0.0.0/0", null)), "all traffic");
    assertTrue(SecurityDrift.worldOpenBeyondWeb(rule("tcp", 80, 443, "0.0.0.0/0", null)), "a range covers 81-442");
    assertTrue(SecurityDrift.worldOpenBeyondWeb(rule("tcp", 22, 22, "1.2.3.4/0", null)), "any /0 is the world");
  }

  @Test
  void theWebPortsAndNarrowSourcesAreNot() {
    assertFalse(SecurityDrift.worldOpenBeyondWeb(rule("tcp", 443, 443, "0.0.0.0/0", null)));
    assertFalse(SecurityDrift.worldOpenBeyondWeb(rule("tcp", 80, 80, null, "::/0")));
    assertFalse(SecurityDrift.worldOpenBeyondWeb(rule("udp", 443, 443, "0.0.0.0/0", null)), "QUIC");
    assertFalse(SecurityDrift.worldOpenBeyondWeb(rule("tcp", 22, 22, "10.0.0.0/8", null)));
    assertFalse(SecurityDrift.worldOpenBeyondWeb(rule("-1", null, null, "192.168.0.0/16", null)));
  }
}
