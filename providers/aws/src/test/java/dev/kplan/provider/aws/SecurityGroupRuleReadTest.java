package dev.kplan.provider.aws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SecurityGroupRuleReadTest {
  private static List<String> ids(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + i).toList();
  }

  @Test
  void manyRulesInFewerGroupsAreReadByGroup() {
    assertTrue(SecurityGroupRuleResource.readByGroup(ids("sgr-", 1050), ids("sg-", 350)), "2 requests instead of 6");
  }

  @Test
  void rulesThatFitOneRequestAreReadById() {
    assertFalse(SecurityGroupRuleResource.readByGroup(ids("sgr-", 200), ids("sg-", 3)), "one request either way");
    assertFalse(SecurityGroupRuleResource.readByGroup(ids("sgr-", 400), ids("sg-", 400)), "one group per rule");
  }

  @Test
  void aRuleWhoseGroupIsUnknownIsReadById() {
    List<String> groups = new ArrayList<>(ids("sg-", 10));
    groups.add(null); // an imported rule's prior holds only its id
    assertFalse(SecurityGroupRuleResource.readByGroup(ids("sgr-", 1000), groups));
  }
}
