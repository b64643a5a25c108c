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
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.sqs.SqsClient;

/** {@code kplan} against the sandbox's moto, end to end: apply, no-change plans, drift by hand, restore, destroy. */
@KplanSandbox(SandboxService.AWS)
class AwsEndToEndIT {
  @TempDir Path dir;
  Sandbox sandbox;
  String suffix;

  @BeforeEach
  void names(Sandbox sandbox) {
    this.sandbox = sandbox;
    suffix = UUID.randomUUID().toString().substring(0, 8);
  }

  String config() {
    String endpoint = sandbox.env().awsEndpoint().toString();
    return """
        provider "aws" {
          region            = "%s"
          access_key        = "testing"
          secret_key        = "testing"
          s3_use_path_style = true
          endpoints {
            ec2 = "%s"
            s3  = "%s"
            sqs = "%s"
            sts = "%s"
          }
          default_tags {
            tags = { team = "platform" }
          }
        }
        data "aws_caller_identity" "me" {}
        resource "aws_vpc" "main" {
          cidr_block = "10.20.0.0/16"
          tags       = { Name = "main" }
        }
        resource "aws_subnet" "a" {
          vpc_id     = aws_vpc.main.id
          cidr_block = "10.20.1.0/24"
        }
        resource "aws_security_group" "web" {
          name   = "web-%s"
          vpc_id = aws_vpc.main.id
        }
        resource "aws_vpc_security_group_ingress_rule" "https" {
          security_group_id = aws_security_group.web.id
          ip_protocol       = "tcp"
          from_port         = 443
          to_port           = 443
          cidr_ipv4         = "10.0.0.0/8"
        }
        resource "aws_vpc_security_group_egress_rule" "all" {
          security_group_id = aws_security_group.web.id
          ip_protocol       = "-1"
          cidr_ipv4         = "0.0.0.0/0"
        }
        resource "aws_s3_bucket" "logs" {
          bucket = "logs-%s"
          tags   = { purpose = "logs", account = data.aws_caller_identity.me.account_id }
        }
        resource "aws_sqs_queue" "jobs" {
          name = "jobs-%s"
        }
        """.formatted(sandbox.env().awsRegion(), endpoint, endpoint, endpoint, endpoint, suffix, suffix, suffix);
  }

  CliRun kplan(String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "-chdir=" + dir;
    all[1] = "-no-color";
    System.arraycopy(args, 0, all, 2, args.length);
    CliRun r = CliRun.run(Map.of(), "", all);
    assertFalse(r.out().contains("\tat ") || r.err().contains("\tat "), "no stack trace:\n" + r.out() + r.err());
    return r;
  }

  @Test
  void applyThenNoChangesThenDriftByHandIsShownAndRepaired() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), config());
    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.out().contains("7 added"), apply.out());
    for (int i = 0; i < 2; i++) {
      CliRun same = kplan("plan", "-detailed-exitcode");
      assertEquals(0, same.exitCode(), same.out() + same.err());
      assertTrue(same.out().contains("No changes."), same.out());
    }

    String groupId;
    try (Ec2Client ec2 = sandbox.ec2().build(); S3Client s3 = sandbox.s3().build(); SqsClient sqs = sandbox.sqs().build()) {
      groupId = ec2.describeSecurityGroups(b -> b.filters(Filter.builder().name("group-name").values("web-" + suffix).build()))
          .securityGroups().get(0).groupId();
      var rule = ec2.describeSecurityGroupRules(b -> b.filters(Filter.builder().name("group-id").values(groupId).build()))
          .securityGroupRules().stream().filter(r -> !r.isEgress()).findFirst().orElseThrow();
      // someone opens ssh to the world on the managed rule, retags the bucket and deletes the queue
      ec2.modifySecurityGroupRules(b -> b.groupId(groupId).securityGroupRules(u -> u
          .securityGroupRuleId(rule.securityGroupRuleId())
          .securityGroupRule(SecurityGroupRuleRequest.builder().ipProtocol("tcp").fromPort(22).toPort(22)
              .cidrIpv4("0.0.0.0/0").build())));
      var tags = new java.util.ArrayList<>(s3.getBucketTagging(b -> b.bucket("logs-" + suffix)).tagSet());
      tags.removeIf(t -> t.key().equals("purpose"));
      tags.add(Tag.builder().key("purpose").value("scratch").build());
      s3.putBucketTagging(b -> b.bucket("logs-" + suffix).tagging(t -> t.tagSet(tags)));
      sqs.deleteQueue(b -> b.queueUrl(sqs.getQueueUrl(q -> q.queueName("jobs-" + suffix)).queueUrl()));
    }

    CliRun drift = kplan("plan", "-detailed-exitcode");
    assertEquals(2, drift.exitCode(), drift.out() + drift.err());
    String out = drift.out();
    assertTrue(out.contains("Objects have changed outside of kplan"), out);
    assertTrue(out.contains("aws_vpc_security_group_ingress_rule.https will be updated in-place"), out);
    assertTrue(out.contains("\"0.0.0.0/0\" -> \"10.0.0.0/8\""), out);
    assertTrue(out.contains("22 -> 443"), out);
    assertTrue(out.contains("aws_s3_bucket.logs will be updated in-place"), out);
    assertTrue(out.contains("\"scratch\" -> \"logs\""), out);
    assertTrue(out.contains("aws_sqs_queue.jobs will be created"), out);
    assertTrue(out.contains("Plan: 1 to add, 2 to change, 0 to destroy."), out);
    assertFalse(out.contains("aws_vpc.main will"), out);

    CliRun fix = kplan("apply", "-auto-approve");
    assertEquals(0, fix.exitCode(), fix.out() + fix.err());
    CliRun again = kplan("plan", "-detailed-exitcode");
    assertEquals(0, again.exitCode(), again.out() + again.err());
    assertTrue(again.out().contains("No changes."), again.out());

    CliRun destroy = kplan("destroy", "-auto-approve");
    assertEquals(0, destroy.exitCode(), destroy.out() + destroy.err());
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      assertTrue(ec2.describeSecurityGroups(b -> b.filters(Filter.builder().name("group-name").values("web-" + suffix).build()))
          .securityGroups().isEmpty(), "destroy removed the security group");
    }
  }

  @Test
  void anAliasedProviderCreatesInItsOwnRegion() throws IOException {
    String endpoint = sandbox.env().awsEndpoint().toString();
    String provider = """
        provider "aws" {
          %s
          region     = "%s"
          access_key = "testing"
          secret_key = "testing"
          endpoints {
            ec2 = "%s"
            sts = "%s"
          }
        }
        """;
    Files.writeString(dir.resolve("main.kp.hcl"), provider.formatted("", "us-east-1", endpoint, endpoint)
        + provider.formatted("alias = \"west\"", "us-west-2", endpoint, endpoint) + """
        resource "aws_vpc" "east" {
          cidr_block = "10.30.0.0/16"
          tags       = { Name = "east-%1$s" }
        }
        resource "aws_vpc" "west" {
          provider   = aws.west
          cidr_block = "10.31.0.0/16"
          tags       = { Name = "west-%1$s" }
        }
        output "west_arn" {
          value = aws_vpc.west.arn
        }
        """.formatted(suffix));
    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.out().contains("arn:aws:ec2:us-west-2:"), apply.out());
    try (Ec2Client west = sandbox.aws(Ec2Client.builder()).region(software.amazon.awssdk.regions.Region.US_WEST_2).build()) {
      assertEquals(1, west.describeVpcs(b -> b.filters(Filter.builder().name("tag:Name").values("west-" + suffix).build()))
          .vpcs().size());
    }
    CliRun same = kplan("plan", "-detailed-exitcode");
    assertEquals(0, same.exitCode(), same.out() + same.err());
    assertEquals(0, kplan("destroy", "-auto-approve").exitCode());
  }

  @Test
  void importBlocksAdoptObjectsMadeByHandAndThenPlanNoChanges() throws IOException {
    String vpcId;
    String groupId;
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      vpcId = ec2.createVpc(b -> b.cidrBlock("10.40.0.0/16")).vpc().vpcId();
      groupId = ec2.createSecurityGroup(b -> b.groupName("by-hand-" + suffix).description("made by hand").vpcId(vpcId))
          .groupId();
    }
    String endpoint = sandbox.env().awsEndpoint().toString();
    Files.writeString(dir.resolve("main.kp.hcl"), """
        provider "aws" {
          region     = "%s"
          access_key = "testing"
          secret_key = "testing"
          endpoints {
            ec2 = "%s"
            sts = "%s"
          }
        }
        import {
          to = aws_vpc.adopted
          id = "%s"
        }
        import {
          to = aws_security_group.adopted
          id = "%s"
        }
        resource "aws_vpc" "adopted" {
          cidr_block = "10.40.0.0/16"
        }
        resource "aws_security_group" "adopted" {
          name        = "by-hand-%s"
          description = "made by hand"
          vpc_id      = aws_vpc.adopted.id
        }
        """.formatted(sandbox.env().awsRegion(), endpoint, endpoint, vpcId, groupId, suffix));
    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.out().contains("2 imported"), apply.out());
    CliRun same = kplan("plan", "-detailed-exitcode");
    assertEquals(0, same.exitCode(), same.out() + same.err());
    assertTrue(same.out().contains("No changes."), same.out());
  }

  @Test
  void anUnreachableEndpointIsOneDiagnosticNamingIt() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), """
        provider "aws" {
          region      = "us-east-1"
          access_key  = "AKIAEXAMPLE"
          secret_key  = "very-secret-key"
          max_retries = 0
          endpoints {
            sts = "http://127.0.0.1:1"
          }
        }
        resource "aws_sqs_queue" "q" {}
        """);
    CliRun plan = kplan("plan");
    assertEquals(1, plan.exitCode());
    assertTrue(plan.err().contains("Cannot reach AWS"), plan.err());
    assertTrue(plan.err().contains("http://127.0.0.1:1"), plan.err());
    assertFalse(plan.err().contains("very-secret-key") || plan.out().contains("very-secret-key"));
  }
}
