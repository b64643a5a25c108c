package dev.kplan.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalTest {
  @Test
  void cidrsLoseTheirHostBits() {
    assertEquals("10.4.0.0/16", Normal.cidr("10.4.3.2/16"));
    assertEquals("0.0.0.0/0", Normal.cidr("0.0.0.0/0"));
    assertEquals("192.168.1.7/32", Normal.cidr("192.168.1.7/32"));
  }

  @Test
  void ipv6CidrsAreCompressedAndLowerCase() {
    assertEquals("2001:db8::/32", Normal.cidr("2001:0DB8:0000:0000::1/32"));
    assertEquals("::/0", Normal.cidr("::/0"));
    assertEquals("2001:db8::1/128", Normal.cidr("2001:db8:0:0:0:0:0:1/128"));
  }

  @Test
  void textThatIsNotACidrIsLeftForAwsToReject() {
    assertEquals("not-a-cidr", Normal.cidr("not-a-cidr"));
    assertEquals("10.0.0.0/99", Normal.cidr("10.0.0.0/99"));
  }

  @Test
  void protocolsByNumberAllAndCaseMeanTheSame() {
    assertEquals("-1", Normal.protocol("all"));
    assertEquals("-1", Normal.protocol("-1"));
    assertEquals("tcp", Normal.protocol("6"));
    assertEquals("tcp", Normal.protocol("TCP"));
    assertEquals("udp", Normal.protocol("17"));
  }

  @Test
  void theConfiguredSpellingIsKeptWhenItMeansTheLiveValue() {
    assertEquals("10.4.3.2/16", Normal.keepEquivalent("10.4.3.2/16", "10.4.0.0/16", Normal::cidr));
    assertEquals("0.0.0.0/0", Normal.keepEquivalent("10.0.0.0/8", "0.0.0.0/0", Normal::cidr));
    assertEquals("all", Normal.keepEquivalent("all", "-1", Normal::protocol));
  }
}
