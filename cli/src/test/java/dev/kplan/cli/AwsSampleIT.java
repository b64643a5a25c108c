package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code samples/aws} against the sandbox's moto, as its README tells (endpoints from {@code KPLAN_VAR_aws_endpoint}):
 * apply, "No changes." in two separate runs, then five changes made with the AWS SDK to managed objects (port 22
 * opened to the world, a bucket tag, versioning suspended, a policy attached to the role, the queue deleted) shown
 * as exactly five drifted objects, security-sensitive ones flagged; a rule on a group nobody manages shown only by
 * {@code -unmanaged}; apply restores and plans "No changes.".
 */
@KplanSandbox(SandboxService.AWS)
class AwsSampleIT {
  static final Path SAMPLE = Path.of(System.getProperty("kplan.root.dir", ".."), "samples", "aws");
  @TempDir Path dir;
  Sandbox sandbox;
  String name;

  @BeforeEach
  void copySample(Sandbox sandbox) throws IOException {
    this.sandbox = sandbox;
    name = "shop-" + UUID.randomUUID().toString().substring(0, 8);
    try (Stream<Path> files = Files.list(SAMPLE)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".kp.hcl")).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
  }

  String ami() {
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      return ec2.describeImages(b -> b.owners("amazon")).images().get(0).imageId();
    }
  }

  /** One CLI run with the environment the README sets: every variable comes from {@code KPLAN_VAR_…}. */
  CliRun kplan(String... args) {
    Map<String, String> env = Map.of(
        "KPLAN_VAR_aws_endpoint", sandbox.env().awsEndpoint().toString(),
        "KPLAN_VAR_region", sandbox.env().awsRegion(),
        "KPLAN_VAR_aws_access_key", "testing",
        "KPLAN_VAR_aws_secret_key", "testing",
        "KPLAN_VAR_ami", ami(),
        "KPLAN_VAR_name", name);
    CliRun r = CliRun.in(env, "", dir, args);
    assertFalse(r.out().contains("\tat ") || r.err().contains("\tat "), "no stack trace:\n" + r.out() + r.err());
    return r;
  }

  void assertNoChanges() {
    CliRun same = kplan("plan", "-detailed-exitcode");
    assertEquals(0, same.exitCode(), same.out() + same.err());
    assertTrue(same.out().contains("No changes."), same.out());
  }

  @Test
  void fiveDriftsMadeWithTheSdkAreShownAndRestoredAndAGroupMadeByHandIsUnmanaged() throws IOException {
    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.out().contains("Apply complete! Resources: 23 added, 0 changed, 0 destroyed."), apply.out());
    assertNoChanges(); // each run opens the state anew
    assertNoChanges();

    String bucket = "";
    String managedGroup;
    String debugGroup;
    String admin;
    String vpc;
    try (Ec2Client ec2 = sandbox.ec2().build(); S3Client s3 = sandbox.s3().build(); IamClient iam = sandbox.iam().build();
        SqsClient sqs = sandbox.sqs().build()) {
      SecurityGroup web = ec2.describeSecurityGroups(b -> b.filters(Filter.builder().name("group-name")
          .values(name + "-web").build())).securityGroups().get(0);
      managedGroup = web.groupId();
      vpc = web.vpcId();
      ec2.authorizeSecurityGroupIngress(b -> b.groupId(web.groupId()).ipPermissions(p -> p
          .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(x -> x.cidrIp("0.0.0.0/0"))));
      bucket = s3.listBuckets().buckets().stream().map(b -> b.name()).filter(n -> n.startsWith(name + "-data-"))
          .findFirst().orElseThrow();
      String b0 = bucket;
      s3.putBucketTagging(b -> b.bucket(b0).tagging(t -> t.tagSet(
          x -> x.key("tier").value("archive"), x -> x.key("app").value(name), x -> x.key("managed-by").value("kplan"))));
      s3.putBucketVersioning(b -> b.bucket(b0).versioningConfiguration(v -> v.status(BucketVersioningStatus.SUSPENDED)));
      admin = iam.createPolicy(b -> b.policyName(name + "-everything").policyDocument(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"))
          .policy().arn();
      iam.attachRolePolicy(b -> b.roleName(name + "-web").policyArn(admin));
      sqs.deleteQueue(b -> b.queueUrl(sqs.getQueueUrl(q -> q.queueName(name + "-events")).queueUrl()));
      debugGroup = ec2.createSecurityGroup(b -> b.groupName(name + "-debug").description("by hand")
          .vpcId(web.vpcId())).groupId();
      ec2.authorizeSecurityGroupIngress(b -> b.groupId(debugGroup).ipPermissions(p -> p
          .ipProtocol("tcp").fromPort(3389).toPort(3389).ipRanges(x -> x.cidrIp("0.0.0.0/0"))));
    }

    CliRun drift = kplan("plan", "-detailed-exitcode");
    assertEquals(2, drift.exitCode(), drift.out() + drift.err());
    String out = drift.out();
    String outside = out.substring(out.indexOf("Objects have changed outside of kplan"),
        out.indexOf("Unless you have made equivalent changes"));
    assertEquals(List.of(
            "aws_iam_role.web has changed [SECURITY-SENSITIVE]",
            "aws_s3_bucket.data has changed",
            "aws_s3_bucket_versioning.data has changed",
            "aws_security_group.web has changed [SECURITY-SENSITIVE]",
            "aws_sqs_queue.events has been deleted"),
        outside.lines().filter(l -> l.startsWith("  # aws_")).map(l -> l.substring(4)).sorted().toList(),
        "exactly the five managed drifts:\n" + out);
    assertTrue(outside.contains("# unmanaged_ingress: [] \u2192 [{\"cidr_ipv4\":\"0.0.0.0/0\""), outside);
    assertTrue(outside.contains("\"from_port\":22,"), outside);
    assertTrue(outside.contains("# tags: {\"tier\":\"data\"} \u2192 {\"tier\":\"archive\"}"), outside);
    assertTrue(outside.contains("# managed_policy_arns: [] \u2192 [\"" + admin + "\"]"), outside);
    assertFalse(out.contains(debugGroup), "a group nobody manages is not drift:\n" + out);
    // the queue comes back, and with it the subscription to it; tags, versioning and the role are put back in place
    assertTrue(out.contains("Plan: 2 to add, 3 to change, 1 to destroy."), out);

    CliRun unmanaged = kplan("plan", "-unmanaged=" + sandbox.env().awsRegion());
    assertEquals(0, unmanaged.exitCode(), unmanaged.out() + unmanaged.err());
    String listed = unmanaged.out().substring(unmanaged.out().indexOf("Objects not managed by kplan"));
    assertTrue(listed.contains("? aws_security_group " + debugGroup + " \u2014 security group " + name + "-debug in "
        + vpc + " (1 ingress, 1 egress rules)"), listed);
    assertTrue(listed.contains("ingress tcp 22 from 0.0.0.0/0 on " + managedGroup), listed);
    Files.writeString(dir.resolve(".kplanignore"), "# the debugging group is expected\naws_security_group." + debugGroup
        + "\n");
    CliRun ignored = kplan("plan", "-unmanaged=" + sandbox.env().awsRegion());
    assertFalse(ignored.out().contains(debugGroup), ignored.out());

    CliRun fix = kplan("apply", "-auto-approve");
    assertEquals(0, fix.exitCode(), fix.out() + fix.err());
    assertTrue(fix.out().contains("Apply complete! Resources: 2 added, 3 changed, 1 destroyed."), fix.out());
    assertNoChanges();
    try (S3Client s3 = sandbox.s3().build(); IamClient iam = sandbox.iam().build(); SqsClient sqs = sandbox.sqs().build()) {
      String b0 = bucket;
      assertEquals(BucketVersioningStatus.ENABLED, s3.getBucketVersioning(b -> b.bucket(b0)).status());
      assertTrue(s3.getBucketTagging(b -> b.bucket(b0)).tagSet().stream()
          .anyMatch(t -> t.key().equals("tier") && t.value().equals("data")));
      assertEquals(List.of(name + "-publish-events"), iam.listAttachedRolePolicies(b -> b.roleName(name + "-web"))
          .attachedPolicies().stream().map(p -> p.policyName()).toList(), "the policy attached by hand was detached");
      sqs.getQueueUrl(q -> q.queueName(name + "-events"));
    }

    try (Ec2Client ec2 = sandbox.ec2().build(); IamClient iam = sandbox.iam().build()) {
      ec2.deleteSecurityGroup(b -> b.groupId(debugGroup));
      ec2.revokeSecurityGroupIngress(b -> b.groupId(managedGroup).ipPermissions(p -> p
          .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(x -> x.cidrIp("0.0.0.0/0"))));
      iam.deletePolicy(b -> b.policyArn(admin));
    }
    CliRun destroy = kplan("destroy", "-auto-approve");
    assertEquals(0, destroy.exitCode(), destroy.out() + destroy.err());
  }
}
