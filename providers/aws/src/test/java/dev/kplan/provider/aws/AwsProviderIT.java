package dev.kplan.provider.aws;

import static dev.kplan.provider.aws.TestingAws.n;
import static dev.kplan.provider.aws.TestingAws.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.ConfigureResult;
import dev.kplan.provider.ImportRequest;
import dev.kplan.provider.ImportResult;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.ReadDataRequest;
import dev.kplan.provider.ReadDataResult;
import dev.kplan.provider.ReadResult;
import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The AWS provider through the SPI against the sandbox's moto. */
@KplanSandbox(value = SandboxService.AWS, resetAws = true)
class AwsProviderIT {
  final RequestCounter counter = new RequestCounter();
  TestingAws aws;
  Sandbox sandbox;

  @BeforeEach
  void configure(Sandbox sandbox) {
    this.sandbox = sandbox;
    aws = new TestingAws(new AwsProvider(List.of(counter)));
    ConfigureResult r = aws.configure(TestingAws.providerConfig(sandbox.env().awsEndpoint(), sandbox.env().awsRegion(),
        Map.of("team", "platform"), 2));
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
  }

  @AfterEach
  void close() {
    aws.provider.close();
  }

  ObjectValue vpc(String address, String cidr) {
    return aws.create("aws_vpc", address, Map.of("cidr_block", s(cidr), "tags", Vals.map(Map.of("Name", address))));
  }

  @Test
  void refreshOfManyVpcObjectsSendsOneDescribeCallPerType() {
    List<Value> vpcs = new ArrayList<>();
    List<Value> subnets = new ArrayList<>();
    List<Value> groups = new ArrayList<>();
    List<Value> rules = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      ObjectValue vpc = vpc("aws_vpc.v" + i, "10." + i + ".0.0/16");
      vpcs.add(vpc);
      String vpcId = Vals.string(vpc, "id");
      for (int j = 0; j < 2; j++) {
        subnets.add(aws.create("aws_subnet", "aws_subnet.s" + i + j,
            Map.of("vpc_id", s(vpcId), "cidr_block", s("10." + i + "." + j + ".0/24"))));
      }
      ObjectValue sg = aws.create("aws_security_group", "aws_security_group.g" + i,
          Map.of("name", s("web-" + i), "vpc_id", s(vpcId)));
      groups.add(sg);
      rules.add(aws.create("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_ingress_rule.r" + i,
          Map.of("security_group_id", sg.get("id"), "ip_protocol", s("tcp"), "from_port", n(443), "to_port", n(443),
              "cidr_ipv4", s("10.0.0.0/8"))));
      rules.add(aws.create("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_ingress_rule.q" + i,
          Map.of("security_group_id", sg.get("id"), "ip_protocol", s("tcp"), "from_port", n(80), "to_port", n(80),
              "cidr_ipv4", s("10.0.0.0/8"))));
    }

    counter.reset();
    assertUnchanged("aws_vpc", vpcs);
    assertUnchanged("aws_subnet", subnets);
    assertUnchanged("aws_security_group", groups);
    assertUnchanged("aws_vpc_security_group_ingress_rule", rules);
    assertEquals(Map.of("DescribeVpcs", 1, "DescribeSubnets", 1, "DescribeSecurityGroups", 1,
        "DescribeSecurityGroupRules", 2), counter.snapshot(),
        "15 objects of 4 types refresh in 5 requests (the groups' rules are read once for all groups)");
  }

  private void assertUnchanged(String type, List<Value> states) {
    ReadResult r = aws.read(type, states);
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    for (int i = 0; i < states.size(); i++) {
      assertEquals(states.get(i), r.instances().get(i).liveState(), type + " #" + i + " reads back as applied");
    }
  }

  @Test
  void createdObjectsCarryTheirAddressAndTheDefaultTagsAndPlanNoChange() {
    ObjectValue vpc = vpc("aws_vpc.main", "10.9.0.0/16");
    assertEquals(Map.of("Name", "aws_vpc.main", "team", "platform"), Vals.stringMap(vpc.get("tags_all")));
    assertEquals(Map.of("Name", "aws_vpc.main"), Vals.stringMap(vpc.get("tags")));
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      List<Tag> tags = ec2.describeVpcs(b -> b.vpcIds(Vals.string(vpc, "id"))).vpcs().get(0).tags();
      assertTrue(tags.contains(Tag.builder().key("kplan:address").value("aws_vpc.main").build()), tags.toString());
    }
    ObjectValue config = aws.config("aws_vpc", Map.of("cidr_block", s("10.9.0.0/16"),
        "tags", Vals.map(Map.of("Name", "aws_vpc.main"))));
    Value live = aws.readOne("aws_vpc", vpc);
    PlanResult pr = aws.plan("aws_vpc", live, config);
    assertEquals(live, pr.plannedState(), "a refreshed VPC plans no change");
    assertTrue(pr.requiresReplace().isEmpty());
  }

  @Test
  void aDefaultTagChangedByHandIsDriftAndIsPutBackInPlace() {
    ObjectValue subnetVpc = vpc("aws_vpc.net", "10.8.0.0/16");
    ObjectValue subnet = aws.create("aws_subnet", "aws_subnet.a", Map.of("vpc_id", subnetVpc.get("id"),
        "cidr_block", s("10.8.1.0/24")));
    String id = Vals.string(subnet, "id");
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      ec2.createTags(b -> b.resources(id).tags(Tag.builder().key("team").value("someone-else").build()));
    }
    Value live = aws.readOne("aws_subnet", subnet);
    assertEquals("someone-else", Vals.stringMap(Vals.get(live, "tags_all")).get("team"));
    ObjectValue config = aws.config("aws_subnet", Map.of("vpc_id", subnetVpc.get("id"), "cidr_block", s("10.8.1.0/24")));
    PlanResult pr = aws.plan("aws_subnet", live, config);
    assertTrue(pr.requiresReplace().isEmpty(), "tags change in place");
    assertEquals("platform", Vals.stringMap(Vals.get(pr.plannedState(), "tags_all")).get("team"));
    ApplyResult ar = aws.apply("aws_subnet", live, pr.plannedState(), config, "aws_subnet.a");
    assertFalse(ar.diagnostics().hasErrors(), ar.diagnostics().toString());
    assertEquals(subnet, aws.readOne("aws_subnet", ar.newState()), "the subnet is as first applied");
  }

  @Test
  void aManagedRuleOpenedToTheWorldOnPort22IsChangedBackInPlace() {
    ObjectValue v = vpc("aws_vpc.sg", "10.7.0.0/16");
    ObjectValue sg = aws.create("aws_security_group", "aws_security_group.web", Map.of("name", s("web"), "vpc_id", v.get("id")));
    Map<String, Value> ruleConfig = Map.of("security_group_id", sg.get("id"), "ip_protocol", s("tcp"),
        "from_port", n(443), "to_port", n(443), "cidr_ipv4", s("10.0.0.0/8"), "description", s("https from the office"));
    ObjectValue rule = aws.create("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_ingress_rule.https", ruleConfig);
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      ec2.modifySecurityGroupRules(b -> b.groupId(Vals.string(sg, "id")).securityGroupRules(r -> r
          .securityGroupRuleId(Vals.string(rule, "id"))
          .securityGroupRule(SecurityGroupRuleRequest.builder().ipProtocol("tcp").fromPort(22).toPort(22)
              .cidrIpv4("0.0.0.0/0").description("debugging").build())));
    }
    Value live = aws.readOne("aws_vpc_security_group_ingress_rule", rule);
    assertEquals(n(22), Vals.get(live, "from_port"));
    assertEquals(s("0.0.0.0/0"), Vals.get(live, "cidr_ipv4"));
    ObjectValue config = aws.config("aws_vpc_security_group_ingress_rule", ruleConfig);
    PlanResult pr = aws.plan("aws_vpc_security_group_ingress_rule", live, config);
    assertTrue(pr.requiresReplace().isEmpty(), "a rule changes in place");
    ApplyResult ar = aws.apply("aws_vpc_security_group_ingress_rule", live, pr.plannedState(), config, null);
    assertFalse(ar.diagnostics().hasErrors(), ar.diagnostics().toString());
    assertEquals(rule, ar.newState());
  }

  @Test
  void aNewDefaultEgressRuleIsNotLeftOnACreatedGroup() {
    ObjectValue v = vpc("aws_vpc.eg", "10.6.0.0/16");
    ObjectValue sg = aws.create("aws_security_group", "aws_security_group.closed", Map.of("vpc_id", v.get("id")));
    assertTrue(Vals.string(sg, "name").startsWith("kplan-"), "a generated name");
    assertEquals("Managed by kplan", Vals.string(sg, "description"));
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      var rules = ec2.describeSecurityGroupRules(b -> b.filters(Filter.builder().name("group-id")
          .values(Vals.string(sg, "id")).build())).securityGroupRules();
      assertTrue(rules.stream().noneMatch(r -> Boolean.TRUE.equals(r.isEgress())), rules.toString());
    }
  }

  @Test
  void changingASubnetsCidrReplacesItWithTheReason() {
    ObjectValue v = vpc("aws_vpc.r", "10.5.0.0/16");
    ObjectValue subnet = aws.create("aws_subnet", "aws_subnet.r", Map.of("vpc_id", v.get("id"), "cidr_block", s("10.5.1.0/24")));
    PlanResult pr = aws.plan("aws_subnet", subnet, aws.config("aws_subnet",
        Map.of("vpc_id", v.get("id"), "cidr_block", s("10.5.2.0/24"))));
    assertEquals(List.of(Path.ROOT.attr("cidr_block")), pr.requiresReplace());
  }

  @Test
  void equivalentCidrAndProtocolSpellingsPlanNoChange() {
    ObjectValue v = aws.create("aws_vpc", "aws_vpc.host", Map.of("cidr_block", s("10.4.3.2/16")));
    assertEquals(s("10.4.3.2/16"), v.get("cidr_block"), "the configured spelling is kept");
    ObjectValue sg = aws.create("aws_security_group", "aws_security_group.all", Map.of("vpc_id", v.get("id")));
    Map<String, Value> ruleConfig = Map.of("security_group_id", sg.get("id"), "ip_protocol", s("all"),
        "cidr_ipv4", s("10.4.0.0/16"));
    ObjectValue rule = aws.create("aws_vpc_security_group_egress_rule", "aws_vpc_security_group_egress_rule.all", ruleConfig);
    assertEquals(s("all"), rule.get("ip_protocol"));
    Value live = aws.readOne("aws_vpc_security_group_egress_rule", rule);
    assertEquals(rule, live);
    assertEquals(live, aws.plan("aws_vpc_security_group_egress_rule", live,
        aws.config("aws_vpc_security_group_egress_rule", ruleConfig)).plannedState());
  }

  @Test
  void bucketTagDriftAndADeletedQueueAreSeenAndRepaired() {
    ObjectValue bucket = aws.create("aws_s3_bucket", "aws_s3_bucket.logs",
        Map.of("bucket", s("kplan-it-logs"), "tags", Vals.map(Map.of("purpose", "logs"))));
    ObjectValue versioning = aws.create("aws_s3_bucket_versioning", "aws_s3_bucket_versioning.logs",
        Map.of("bucket", s("kplan-it-logs"), "versioning_configuration", Value.object(Map.of("status", s("Enabled")))));
    ObjectValue queue = aws.create("aws_sqs_queue", "aws_sqs_queue.jobs",
        Map.of("name", s("kplan-it-jobs"), "visibility_timeout_seconds", n(60)));
    assertEquals(n(60), queue.get("visibility_timeout_seconds"));
    assertEquals(n(345600), queue.get("message_retention_seconds"));
    try (S3Client s3 = sandbox.s3().build(); SqsClient sqs = sandbox.sqs().build()) {
      var tags = s3.getBucketTagging(b -> b.bucket("kplan-it-logs")).tagSet();
      assertTrue(tags.stream().anyMatch(t -> t.key().equals("kplan:address") && t.value().equals("aws_s3_bucket.logs")));
      s3.putBucketTagging(b -> b.bucket("kplan-it-logs").tagging(t -> t.tagSet(
          software.amazon.awssdk.services.s3.model.Tag.builder().key("purpose").value("tmp").build())));
      s3.putBucketVersioning(b -> b.bucket("kplan-it-logs").versioningConfiguration(c -> c.status("Suspended")));
      sqs.deleteQueue(b -> b.queueUrl(Vals.string(queue, "id")));
    }
    Value liveBucket = aws.readOne("aws_s3_bucket", bucket);
    assertEquals(Map.of("purpose", "tmp"), Vals.stringMap(Vals.get(liveBucket, "tags")));
    assertTrue(aws.readOne("aws_sqs_queue", queue).isNull(), "the deleted queue reads as gone");
    Value liveVersioning = aws.readOne("aws_s3_bucket_versioning", versioning);
    assertEquals(s("Suspended"), Vals.get(Vals.get(liveVersioning, "versioning_configuration"), "status"));

    ObjectValue bucketConfig = aws.config("aws_s3_bucket", Map.of("bucket", s("kplan-it-logs"),
        "tags", Vals.map(Map.of("purpose", "logs"))));
    PlanResult pr = aws.plan("aws_s3_bucket", liveBucket, bucketConfig);
    ApplyResult ar = aws.apply("aws_s3_bucket", liveBucket, pr.plannedState(), bucketConfig, "aws_s3_bucket.logs");
    assertFalse(ar.diagnostics().hasErrors(), ar.diagnostics().toString());
    assertEquals(bucket, ar.newState());
    try (S3Client s3 = sandbox.s3().build()) {
      var tags = s3.getBucketTagging(b -> b.bucket("kplan-it-logs")).tagSet();
      assertTrue(tags.stream().anyMatch(t -> t.key().equals("kplan:address")), "kplan's own tag survives: " + tags);
    }
    ObjectValue versioningConfig = aws.config("aws_s3_bucket_versioning", Map.of("bucket", s("kplan-it-logs"),
        "versioning_configuration", Value.object(Map.of("status", s("Enabled")))));
    PlanResult pv = aws.plan("aws_s3_bucket_versioning", liveVersioning, versioningConfig);
    ApplyResult av = aws.apply("aws_s3_bucket_versioning", liveVersioning, pv.plannedState(), versioningConfig, null);
    assertEquals(versioning, av.newState());
  }

  @Test
  void refreshOfManyBucketsAndQueuesReadsEachOnce() {
    List<Value> buckets = new ArrayList<>();
    List<Value> queues = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      buckets.add(aws.create("aws_s3_bucket", "aws_s3_bucket.b" + i, Map.of("bucket", s("kplan-it-many-" + i))));
      queues.add(aws.create("aws_sqs_queue", "aws_sqs_queue.q" + i, Map.of("name", s("kplan-it-many-" + i))));
    }
    counter.reset();
    assertUnchanged("aws_s3_bucket", buckets);
    assertUnchanged("aws_sqs_queue", queues);
    assertEquals(Map.of("ListBuckets", 1, "GetBucketTagging", 5, "GetBucketAcl", 5, "GetQueueAttributes", 5, "ListQueueTags", 5),
        counter.snapshot(), "buckets' existence from one ListBuckets, then each bucket's tags and ACL and each queue once");
  }

  @Test
  void importBringsAnExistingVpcUnderManagement() {
    String id;
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      id = ec2.createVpc(b -> b.cidrBlock("10.3.0.0/16")).vpc().vpcId();
      ec2.createTags(b -> b.resources(id).tags(Tag.builder().key("Name").value("by-hand").build()));
    }
    ImportResult r = aws.provider.importResource(new ImportRequest("aws_vpc", id));
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    Value state = r.imported().get(0);
    assertEquals(s("10.3.0.0/16"), Vals.get(state, "cidr_block"));
    assertEquals(Map.of("Name", "by-hand"), Vals.stringMap(Vals.get(state, "tags")));

    ImportResult missing = aws.provider.importResource(new ImportRequest("aws_subnet", "subnet-00000000"));
    assertEquals("Cannot import non-existent remote object", missing.diagnostics().errors().get(0).summary());
  }

  @Test
  void dataSourcesNameTheAccountAndTheRegion() {
    ReadDataResult who = aws.provider.readData(new ReadDataRequest("aws_caller_identity", Value.object(Map.of())));
    assertFalse(who.diagnostics().hasErrors(), who.diagnostics().toString());
    assertTrue(Vals.string(who.state(), "account_id").matches("\\d{12}"), who.state().toString());
    ReadDataResult region = aws.provider.readData(new ReadDataRequest("aws_region", Value.object(Map.of())));
    assertEquals(s(sandbox.env().awsRegion()), Vals.get(region.state(), "name"));
  }

  @Test
  void aProfileFromSharedFilesIsUsedAndAMissingOneIsAClearDiagnostic(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path credentials = java.nio.file.Files.writeString(dir.resolve("credentials"),
        "[sandbox]\naws_access_key_id = testing\naws_secret_access_key = testing\n");
    java.nio.file.Path config = java.nio.file.Files.writeString(dir.resolve("config"), "[profile sandbox]\nregion = eu-west-1\n");
    for (String profile : List.of("sandbox", "nobody")) {
      Map<String, Value> settings = new java.util.LinkedHashMap<>(TestingAws.providerConfig(sandbox.env().awsEndpoint(),
          "us-east-1", Map.of(), 0));
      settings.remove("access_key");
      settings.remove("secret_key");
      settings.remove("region");
      settings.put("profile", s(profile));
      settings.put("shared_config_files", Value.list(dev.kplan.lang.types.Type.STRING, List.of(s(config.toString()))));
      settings.put("shared_credentials_files", Value.list(dev.kplan.lang.types.Type.STRING, List.of(s(credentials.toString()))));
      AwsProvider p = new AwsProvider(List.of());
      try {
        ConfigureResult r = new TestingAws(p).configure(settings);
        if (profile.equals("sandbox")) {
          assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
          ReadDataResult region = p.readData(new ReadDataRequest("aws_region", Value.object(Map.of())));
          assertEquals(s("eu-west-1"), Vals.get(region.state(), "name"), "the region comes from the profile");
        } else {
          assertTrue(r.diagnostics().hasErrors(), "profile \"nobody\" has no credentials");
          Diagnostic d = r.diagnostics().errors().get(0);
          assertTrue(d.summary().equals("No valid AWS credentials") || d.summary().equals("Invalid aws provider configuration"),
              d.toString());
          assertTrue(d.detail().contains("nobody"), d.detail());
        }
      } finally {
        p.close();
      }
    }
  }

  @Test
  void anUnreachableEndpointIsAClearDiagnostic() {
    AwsProvider p = new AwsProvider(List.of());
    try {
      ConfigureResult r = new TestingAws(p).configure(TestingAws.providerConfig(URI.create("http://127.0.0.1:1"),
          "us-east-1", Map.of(), 0));
      Diagnostic d = r.diagnostics().errors().get(0);
      assertEquals("Cannot reach AWS", d.summary());
      assertTrue(d.detail().contains("http://127.0.0.1:1"), d.detail());
      assertFalse(d.detail().contains("testing"), "no credentials in messages");
    } finally {
      p.close();
    }
  }
}
