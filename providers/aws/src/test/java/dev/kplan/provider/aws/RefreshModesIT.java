package dev.kplan.provider.aws;

import static dev.kplan.provider.aws.TestingAws.n;
import static dev.kplan.provider.aws.TestingAws.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ConfigureResult;
import dev.kplan.provider.ReadResult;
import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The batched refresh and the per-resource baseline ({@code kplan.aws.refresh=per-resource}) read the same live
 * state, drift and deletions included; the baseline sends one read per object, the batched refresh one Describe
 * per EC2 type (groups also read their rules, once for all groups) and one ListBuckets.
 */
@KplanSandbox(value = SandboxService.AWS, resetAws = true)
class RefreshModesIT {
  final RequestCounter batchedCount = new RequestCounter();
  final RequestCounter perResourceCount = new RequestCounter();
  TestingAws batched;
  TestingAws perResource;
  TestingAws setup;
  Sandbox sandbox;

  @BeforeEach
  void configure(Sandbox sandbox) {
    this.sandbox = sandbox;
    setup = configured(new AwsProvider(List.of()));
    batched = configured(new AwsProvider(List.of(batchedCount), RefreshMode.BATCHED));
    perResource = configured(new AwsProvider(List.of(perResourceCount), RefreshMode.PER_RESOURCE));
  }

  private TestingAws configured(AwsProvider provider) {
    TestingAws t = new TestingAws(provider);
    ConfigureResult r = t.configure(TestingAws.providerConfig(sandbox.env().awsEndpoint(), sandbox.env().awsRegion(),
        Map.of("team", "platform"), 2));
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    return t;
  }

  @AfterEach
  void close() {
    setup.provider.close();
    batched.provider.close();
    perResource.provider.close();
  }

  @Test
  void bothModesReadTheSameStateAndTheBaselineSendsOneReadPerObject() {
    Map<String, List<Value>> stored = new LinkedHashMap<>();
    ObjectValue vpc = setup.create("aws_vpc", "aws_vpc.main", Map.of("cidr_block", s("10.7.0.0/16")));
    String vpcId = Vals.string(vpc, "id");
    for (int i = 0; i < 3; i++) {
      stored.computeIfAbsent("aws_subnet", k -> new ArrayList<>()).add(setup.create("aws_subnet", "aws_subnet.s" + i,
          Map.of("vpc_id", s(vpcId), "cidr_block", s("10.7." + i + ".0/24"))));
    }
    for (int i = 0; i < 2; i++) {
      ObjectValue sg = setup.create("aws_security_group", "aws_security_group.g" + i,
          Map.of("name", s("app-" + i), "vpc_id", s(vpcId)));
      stored.computeIfAbsent("aws_security_group", k -> new ArrayList<>()).add(sg);
      for (int port : new int[] {443, 8443}) {
        stored.computeIfAbsent("aws_vpc_security_group_ingress_rule", k -> new ArrayList<>()).add(setup.create(
            "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_ingress_rule.r" + i + "_" + port,
            Map.of("security_group_id", sg.get("id"), "ip_protocol", s("tcp"), "from_port", n(port),
                "to_port", n(port), "cidr_ipv4", s("10.0.0.0/8"))));
      }
    }
    for (int i = 0; i < 3; i++) {
      stored.computeIfAbsent("aws_s3_bucket", k -> new ArrayList<>()).add(setup.create("aws_s3_bucket",
          "aws_s3_bucket.b" + i, Map.of("bucket", s("kplan-modes-" + i), "tags", Vals.map(Map.of("n", "" + i)))));
      stored.computeIfAbsent("aws_sqs_queue", k -> new ArrayList<>()).add(setup.create("aws_sqs_queue",
          "aws_sqs_queue.q" + i, Map.of("name", s("kplan-modes-" + i))));
    }
    // drift and deletions by hand: both modes must see the same
    try (Ec2Client ec2 = sandbox.ec2().build(); S3Client s3 = sandbox.s3().build(); SqsClient sqs = sandbox.sqs().build()) {
      ec2.deleteSubnet(b -> b.subnetId(Vals.string(stored.get("aws_subnet").get(2), "id")));
      ec2.createTags(b -> b.resources(Vals.string(stored.get("aws_security_group").get(0), "id"))
          .tags(software.amazon.awssdk.services.ec2.model.Tag.builder().key("owner").value("someone").build()));
      ec2.revokeSecurityGroupIngress(b -> b.groupId(Vals.string(stored.get("aws_security_group").get(1), "id"))
          .securityGroupRuleIds(Vals.string(stored.get("aws_vpc_security_group_ingress_rule").get(3), "id")));
      s3.putBucketTagging(b -> b.bucket("kplan-modes-1").tagging(t -> t.tagSet(
          Tag.builder().key("n").value("changed").build())));
      s3.deleteBucket(b -> b.bucket("kplan-modes-2"));
      sqs.deleteQueue(b -> b.queueUrl(Vals.string(stored.get("aws_sqs_queue").get(2), "id")));
    }

    int objects = 0;
    for (Map.Entry<String, List<Value>> e : stored.entrySet()) {
      List<Value> viaBatches = live(batched, e.getKey(), e.getValue());
      List<Value> viaEach = live(perResource, e.getKey(), e.getValue());
      assertEquals(viaBatches, viaEach, e.getKey() + ": both refresh modes read the same live state");
      objects += e.getValue().size();
    }
    assertTrue(live(batched, "aws_subnet", stored.get("aws_subnet")).get(2).isNull(), "the deleted subnet is gone");
    assertTrue(live(batched, "aws_vpc_security_group_ingress_rule",
        stored.get("aws_vpc_security_group_ingress_rule")).get(3).isNull(), "the revoked rule is gone");
    assertTrue(live(batched, "aws_s3_bucket", stored.get("aws_s3_bucket")).get(2).isNull(), "the deleted bucket is gone");
    assertTrue(live(perResource, "aws_sqs_queue", stored.get("aws_sqs_queue")).get(2).isNull(), "the deleted queue is gone");
    assertNotEquals(stored.get("aws_security_group").get(0),
        live(batched, "aws_security_group", stored.get("aws_security_group")).get(0), "the tag added by hand is drift");
    assertEquals(Map.of("n", "changed"), Vals.stringMap(Vals.get(
        live(perResource, "aws_s3_bucket", stored.get("aws_s3_bucket")).get(1), "tags")));

    batchedCount.reset();
    perResourceCount.reset();
    for (Map.Entry<String, List<Value>> e : stored.entrySet()) {
      live(batched, e.getKey(), e.getValue());
      live(perResource, e.getKey(), e.getValue());
    }
    Map<String, Integer> each = perResourceCount.snapshot();
    assertEquals(3, each.get("DescribeSubnets"), "one Describe per subnet");
    assertEquals(2, each.get("DescribeSecurityGroups"), "one Describe per group");
    assertEquals(4 + 2, each.get("DescribeSecurityGroupRules"), "one Describe per rule, and per group for its rules");
    assertEquals(3, each.get("HeadBucket"), "one HeadBucket per bucket");
    assertEquals(2, each.get("GetBucketTagging"), "tags of the buckets that exist");
    assertEquals(2, each.get("GetBucketAcl"), "ACLs of the buckets that exist");
    assertEquals(3, each.get("GetQueueAttributes"), "one GetQueueAttributes per queue");
    assertEquals(null, each.get("ListBuckets"));
    assertEquals(Map.of("DescribeSubnets", 1, "DescribeSecurityGroups", 1, "DescribeSecurityGroupRules", 2,
        "ListBuckets", 1, "HeadBucket", 1, "GetBucketTagging", 2, "GetBucketAcl", 2, "GetQueueAttributes", 3, "ListQueueTags", 2),
        batchedCount.snapshot(), "EC2 types in one Describe each, buckets' existence from one ListBuckets (a bucket"
            + " it does not list is headed: another account's, or gone)");
    assertTrue(perResourceCount.total() > batchedCount.total(), perResourceCount.summary() + " vs "
        + batchedCount.summary() + " for " + objects + " objects");
  }

  private static List<Value> live(TestingAws aws, String type, List<Value> states) {
    ReadResult r = aws.read(type, states);
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    List<Value> out = new ArrayList<>();
    r.instances().forEach(i -> out.add(i.liveState()));
    return out;
  }
}
