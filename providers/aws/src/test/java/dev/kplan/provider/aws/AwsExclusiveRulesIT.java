package dev.kplan.provider.aws;

import static dev.kplan.provider.aws.TestingAws.n;
import static dev.kplan.provider.aws.TestingAws.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.ConfigureResult;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.ReadResult;
import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * {@code aws_security_group} with {@code revoke_unmanaged_rules = true}, through the SPI against the sandbox's moto:
 * rules added by hand are still security-sensitive drift, the plan empties {@code unmanaged_ingress} /
 * {@code unmanaged_egress} in place, apply revokes exactly those rules, and a rule that gained kplan's address tag
 * between plan and apply is kept.
 */
@KplanSandbox(value = SandboxService.AWS, resetAws = true)
class AwsExclusiveRulesIT {
  TestingAws aws;
  Sandbox sandbox;

  @BeforeEach
  void configure(Sandbox sandbox) {
    this.sandbox = sandbox;
    aws = new TestingAws(new AwsProvider(List.of()));
    ConfigureResult r = aws.configure(TestingAws.providerConfig(sandbox.env().awsEndpoint(), sandbox.env().awsRegion(),
        Map.of(), 2));
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
  }

  @AfterEach
  void close() {
    aws.provider.close();
  }

  Map<String, Value> groupConfig(Value vpcId) {
    return Map.of("name", s("exclusive"), "vpc_id", vpcId, "revoke_unmanaged_rules", Value.bool(true));
  }

  List<String> ruleIds(Ec2Client ec2, String group) {
    return ec2.describeSecurityGroupRules(b -> b.filters(Filter.builder().name("group-id").values(group).build()))
        .securityGroupRules().stream().map(SecurityGroupRule::securityGroupRuleId).sorted().toList();
  }

  String authorize(Ec2Client ec2, String group, int port, String cidr) {
    return ec2.authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(p -> p
        .ipProtocol("tcp").fromPort(port).toPort(port).ipRanges(x -> x.cidrIp(cidr)))).securityGroupRules().get(0)
        .securityGroupRuleId();
  }

  @Test
  void rulesAddedByHandArePlannedAwayInPlaceAndRevokedByApplyWhileManagedRulesStay() {
    ObjectValue vpc = aws.create("aws_vpc", "aws_vpc.x", Map.of("cidr_block", s("10.41.0.0/16")));
    ObjectValue sg = aws.create("aws_security_group", "aws_security_group.web", groupConfig(vpc.get("id")));
    String group = Vals.string(sg, "id");
    ObjectValue https = aws.create("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_ingress_rule.https",
        Map.of("security_group_id", sg.get("id"), "ip_protocol", s("tcp"), "from_port", n(443), "to_port", n(443),
            "cidr_ipv4", s("0.0.0.0/0")));
    String managed = Vals.string(https, "security_group_rule_id");

    String ssh;
    String egress;
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      ssh = authorize(ec2, group, 22, "0.0.0.0/0");
      egress = ec2.authorizeSecurityGroupEgress(b -> b.groupId(group).ipPermissions(p -> p
          .ipProtocol("tcp").fromPort(5432).toPort(5432).ipRanges(x -> x.cidrIp("10.0.0.0/8")))).securityGroupRules()
          .get(0).securityGroupRuleId();
    }
    ReadResult.Instance live = aws.read("aws_security_group", List.of(sg)).instances().get(0);
    assertTrue(live.attributions().stream().anyMatch(a -> a.securitySensitive()),
        "port 22 from the world is still flagged as drift: " + live.attributions());
    assertEquals(List.of(ssh), Vals.elements(Vals.get(live.liveState(), "unmanaged_ingress")).stream()
        .map(r -> Vals.string(r, "security_group_rule_id")).toList());

    ObjectValue config = aws.config("aws_security_group", groupConfig(vpc.get("id")));
    PlanResult pr = aws.plan("aws_security_group", live.liveState(), config);
    assertTrue(pr.requiresReplace().isEmpty(), pr.requiresReplace().toString());
    assertEquals(List.of(), Vals.elements(Vals.get(pr.plannedState(), "unmanaged_ingress")));
    assertEquals(List.of(), Vals.elements(Vals.get(pr.plannedState(), "unmanaged_egress")));

    ApplyResult ar = aws.apply("aws_security_group", live.liveState(), pr.plannedState(), config,
        "aws_security_group.web");
    assertFalse(ar.diagnostics().hasErrors(), ar.diagnostics().toString());
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      List<String> left = ruleIds(ec2, group);
      assertEquals(List.of(managed), left, "only the rule kplan manages is left");
      assertFalse(left.contains(egress));
    }
    Value after = aws.readOne("aws_security_group", ar.newState());
    assertEquals(ar.newState(), after, "reads back as applied");
    assertEquals(after, aws.plan("aws_security_group", after, config).plannedState(), "then no change");
  }

  @Test
  void aRuleTaggedByKplanBetweenPlanAndApplyIsNotRevokedAndWithoutTheModeNothingIs() {
    ObjectValue vpc = aws.create("aws_vpc", "aws_vpc.y", Map.of("cidr_block", s("10.42.0.0/16")));
    ObjectValue sg = aws.create("aws_security_group", "aws_security_group.db", groupConfig(vpc.get("id")));
    String group = Vals.string(sg, "id");
    String adopted;
    String stray;
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      adopted = authorize(ec2, group, 5432, "10.0.0.0/8");
      stray = authorize(ec2, group, 3389, "0.0.0.0/0");
    }
    Value live = aws.readOne("aws_security_group", sg);
    ObjectValue config = aws.config("aws_security_group", groupConfig(vpc.get("id")));
    PlanResult pr = aws.plan("aws_security_group", live, config);
    try (Ec2Client ec2 = sandbox.ec2().build()) { // as a rule resource's update does to an imported rule
      ec2.createTags(b -> b.resources(adopted).tags(t -> t.key(Tags.ADDRESS)
          .value("aws_vpc_security_group_ingress_rule.postgres")));
    }
    ApplyResult ar = aws.apply("aws_security_group", live, pr.plannedState(), config, "aws_security_group.db");
    assertFalse(ar.diagnostics().hasErrors(), ar.diagnostics().toString());
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      assertEquals(List.of(adopted), ruleIds(ec2, group), "the stray rule is revoked, the adopted one kept");
      stray = authorize(ec2, group, 3389, "0.0.0.0/0");
    }

    ObjectValue plain = aws.config("aws_security_group", Map.of("name", s("exclusive"), "vpc_id", vpc.get("id")));
    Value drifted = aws.readOne("aws_security_group", ar.newState());
    PlanResult keep = aws.plan("aws_security_group", drifted, plain);
    assertEquals(1, Vals.elements(Vals.get(keep.plannedState(), "unmanaged_ingress")).size(),
        "without the mode the rule is reported, not removed");
    ApplyResult none = aws.apply("aws_security_group", drifted, keep.plannedState(), plain, "aws_security_group.db");
    assertFalse(none.diagnostics().hasErrors(), none.diagnostics().toString());
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      assertTrue(ruleIds(ec2, group).contains(stray));
    }
  }
}
