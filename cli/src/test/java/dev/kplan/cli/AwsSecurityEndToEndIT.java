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
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code kplan} against moto with the bucket settings, IAM and SNS: policies from {@code aws_iam_policy_document}
 * and {@code jsonencode} plan "No changes." after apply; a loosened public access block, a bucket policy opened
 * to everyone and a policy attached to the role by hand are flagged security-sensitive and put back; import
 * with a generated configuration plans "No changes.".
 */
@KplanSandbox(SandboxService.AWS)
class AwsSecurityEndToEndIT {
  @TempDir Path dir;
  Sandbox sandbox;
  String suffix;

  @BeforeEach
  void names(Sandbox sandbox) {
    this.sandbox = sandbox;
    suffix = UUID.randomUUID().toString().substring(0, 8);
  }

  String provider() {
    String e = sandbox.env().awsEndpoint().toString();
    return """
        provider "aws" {
          region            = "%s"
          access_key        = "testing"
          secret_key        = "testing"
          s3_use_path_style = true
          endpoints {
            s3  = "%2$s"
            sqs = "%2$s"
            sts = "%2$s"
            iam = "%2$s"
            sns = "%2$s"
          }
          default_tags {
            tags = { team = "platform" }
          }
        }
        """.formatted(sandbox.env().awsRegion(), e);
  }

  String config() {
    return provider() + """
        data "aws_caller_identity" "me" {}
        resource "aws_s3_bucket" "data" {
          bucket = "data-%1$s"
        }
        resource "aws_s3_bucket_public_access_block" "data" {
          bucket                  = aws_s3_bucket.data.id
          block_public_acls       = true
          block_public_policy     = true
          ignore_public_acls      = true
          restrict_public_buckets = true
        }
        resource "aws_s3_bucket_server_side_encryption_configuration" "data" {
          bucket = aws_s3_bucket.data.id
          rule {
            apply_server_side_encryption_by_default {
              sse_algorithm = "AES256"
            }
          }
        }
        data "aws_iam_policy_document" "read" {
          statement {
            sid       = "AccountReads"
            actions   = ["s3:GetObject"]
            resources = ["${aws_s3_bucket.data.arn}/*"]
            principals {
              type        = "AWS"
              identifiers = [data.aws_caller_identity.me.account_id]
            }
          }
        }
        resource "aws_s3_bucket_policy" "data" {
          bucket = aws_s3_bucket.data.id
          policy = data.aws_iam_policy_document.read.json
        }
        data "aws_iam_policy_document" "assume" {
          statement {
            actions = ["sts:AssumeRole"]
            principals {
              type        = "Service"
              identifiers = ["ec2.amazonaws.com"]
            }
          }
        }
        resource "aws_iam_role" "app" {
          name               = "app-%1$s"
          assume_role_policy = data.aws_iam_policy_document.assume.json
        }
        resource "aws_iam_role_policy" "inline" {
          role = aws_iam_role.app.id
          name = "read-data"
          policy = jsonencode({
            Version   = "2012-10-17"
            Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "${aws_s3_bucket.data.arn}/*" }]
          })
        }
        resource "aws_iam_policy" "list" {
          name = "list-%1$s"
          policy = jsonencode({
            Version   = "2012-10-17"
            Statement = [{ Effect = "Allow", Action = ["s3:ListBucket"], Resource = [aws_s3_bucket.data.arn] }]
          })
        }
        resource "aws_iam_role_policy_attachment" "list" {
          role       = aws_iam_role.app.name
          policy_arn = aws_iam_policy.list.arn
        }
        resource "aws_sqs_queue" "events" {
          name = "events-%1$s"
        }
        resource "aws_sns_topic" "events" {
          name = "events-%1$s"
        }
        resource "aws_sns_topic_subscription" "events" {
          topic_arn = aws_sns_topic.events.arn
          protocol  = "sqs"
          endpoint  = aws_sqs_queue.events.arn
        }
        """.formatted(suffix);
  }

  CliRun kplan(String... args) {
    CliRun r = CliRun.in(Map.of(), "", dir, args);
    assertFalse(r.out().contains("\tat ") || r.err().contains("\tat "), "no stack trace:\n" + r.out() + r.err());
    return r;
  }

  void assertNoChanges() {
    CliRun same = kplan("plan", "-detailed-exitcode");
    assertEquals(0, same.exitCode(), same.out() + same.err());
    assertTrue(same.out().contains("No changes."), same.out());
  }

  @Test
  void policiesPlanNoChangesAndSecuritySensitiveDriftIsFlaggedAndPutBack() throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), config());
    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertTrue(apply.out().contains("11 added"), apply.out());
    assertNoChanges();
    assertNoChanges();

    String bucket = "data-" + suffix;
    try (S3Client s3 = sandbox.s3().build(); IamClient iam = sandbox.iam().build()) {
      s3.putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
          .blockPublicPolicy(false).ignorePublicAcls(true).restrictPublicBuckets(true)));
      s3.putBucketPolicy(b -> b.bucket(bucket).policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}"));
      String admin = iam.createPolicy(b -> b.policyName("everything-" + suffix).policyDocument(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"))
          .policy().arn();
      iam.attachRolePolicy(b -> b.roleName("app-" + suffix).policyArn(admin));
    }

    CliRun drift = kplan("plan", "-detailed-exitcode");
    assertEquals(2, drift.exitCode(), drift.out() + drift.err());
    String out = drift.out();
    assertTrue(out.contains("Objects have changed outside of kplan"), out);
    for (String address : new String[] {"aws_s3_bucket_public_access_block.data", "aws_s3_bucket_policy.data",
        "aws_iam_role.app"}) {
      assertTrue(out.contains("# " + address + " has changed [SECURITY-SENSITIVE]"), address + "\n" + out);
      assertTrue(out.contains(address + " will be updated in-place"), address + "\n" + out);
    }
    assertTrue(out.contains("Plan: 0 to add, 3 to change, 0 to destroy."), out);

    CliRun fix = kplan("apply", "-auto-approve");
    assertEquals(0, fix.exitCode(), fix.out() + fix.err());
    assertNoChanges();
    try (IamClient iam = sandbox.iam().build()) {
      assertEquals(1, iam.listAttachedRolePolicies(b -> b.roleName("app-" + suffix)).attachedPolicies().size(),
          "the policy attached by hand was detached");
    }

    CliRun destroy = kplan("destroy", "-auto-approve");
    assertEquals(0, destroy.exitCode(), destroy.out() + destroy.err());
    try (IamClient iam = sandbox.iam().build()) {
      assertTrue(iam.listRoles().roles().stream().noneMatch(r -> r.roleName().equals("app-" + suffix)));
    }
  }

  @Test
  void importedObjectsWithGeneratedConfigurationPlanNoChanges() throws IOException {
    String bucket = "made-" + suffix;
    String role = "made-" + suffix;
    try (S3Client s3 = sandbox.s3().build(); IamClient iam = sandbox.iam().build()) {
      String region = sandbox.env().awsRegion();
      s3.createBucket(b -> {
        b.bucket(bucket);
        if (!region.equals("us-east-1")) {
          b.createBucketConfiguration(c -> c.locationConstraint(region));
        }
      });
      s3.putBucketEncryption(b -> b.bucket(bucket).serverSideEncryptionConfiguration(c -> c.rules(r -> r
          .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm("aws:kms").kmsMasterKeyID("alias/made")))));
      s3.putBucketPolicy(b -> b.bucket(bucket).policy("{\"Statement\":{\"Effect\":\"Deny\",\"Principal\":\"*\","
          + "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::" + bucket + "/*\","
          + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":false}}}}"));
      iam.createRole(b -> b.roleName(role).assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":"
          + "[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
    }
    Files.writeString(dir.resolve("main.kp.hcl"), provider() + """
        import {
          to = aws_s3_bucket_server_side_encryption_configuration.made
          id = "%1$s"
        }
        import {
          to = aws_s3_bucket_policy.made
          id = "%1$s"
        }
        import {
          to = aws_iam_role.made
          id = "%2$s"
        }
        """.formatted(bucket, role));
    CliRun generate = kplan("plan", "-generate-config-out=generated.kp.hcl");
    assertFalse(generate.exitCode() == 1, generate.out() + generate.err());
    String generated = Files.readString(dir.resolve("generated.kp.hcl"));
    assertTrue(generated.contains("  rule {\n    apply_server_side_encryption_by_default {\n"), generated);
    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    // the provider's default tags are added to the imported role: an update in place, as in Terraform
    assertTrue(apply.out().contains("Plan: 3 to import, 0 to add, 1 to change, 0 to destroy."), apply.out());
    assertNoChanges();
  }
}
