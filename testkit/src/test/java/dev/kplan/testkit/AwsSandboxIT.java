package dev.kplan.testkit;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sandbox's AWS is moto: resources are created, read back with their settings, and deleted. */
@KplanSandbox(value = SandboxService.AWS, resetAws = true)
class AwsSandboxIT {

    @Test
    void vpcSubnetAndSecurityGroupWithIngressRuleRoundTrip(Sandbox sandbox) {
        try (Ec2Client ec2 = sandbox.ec2().build()) {
            String vpcId = ec2.createVpc(r -> r.cidrBlock("10.20.0.0/16")).vpc().vpcId();
            String subnetId = ec2.createSubnet(r -> r.vpcId(vpcId).cidrBlock("10.20.1.0/24")).subnet().subnetId();
            String groupId = ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("web").description("web tier"))
                    .groupId();
            ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(IpPermission.builder()
                    .ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(IpRange.builder().cidrIp("10.0.0.0/8").build()).build()));

            Vpc vpc = ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs().get(0);
            Subnet subnet = ec2.describeSubnets(r -> r.subnetIds(subnetId)).subnets().get(0);
            SecurityGroup group = ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().get(0);
            assertEquals("10.20.0.0/16", vpc.cidrBlock());
            assertEquals(vpcId, subnet.vpcId());
            assertEquals("10.20.1.0/24", subnet.cidrBlock());
            IpPermission rule = group.ipPermissions().get(0);
            assertEquals(List.of("tcp", 443, 443, "10.0.0.0/8"),
                    List.of(rule.ipProtocol(), rule.fromPort(), rule.toPort(), rule.ipRanges().get(0).cidrIp()));

            ec2.deleteSecurityGroup(r -> r.groupId(groupId));
            ec2.deleteSubnet(r -> r.subnetId(subnetId));
            ec2.deleteVpc(r -> r.vpcId(vpcId));
            assertTrue(ec2.describeVpcs(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build())).vpcs().isEmpty());
        }
    }

    @Test
    void s3BucketKeepsTagsAndVersioning(Sandbox sandbox) {
        try (S3Client s3 = sandbox.s3().build()) {
            String bucket = "kplan-it-state";
            s3.createBucket(r -> r.bucket(bucket));
            s3.putBucketTagging(r -> r.bucket(bucket).tagging(t -> t.tagSet(
                    Tag.builder().key("team").value("platform").build(), Tag.builder().key("env").value("test").build())));
            s3.putBucketVersioning(r -> r.bucket(bucket).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            s3.putObject(r -> r.bucket(bucket).key("state.json"), RequestBody.fromString("{}"));

            Map<String, String> tags = s3.getBucketTagging(r -> r.bucket(bucket)).tagSet().stream()
                    .collect(Collectors.toMap(Tag::key, Tag::value));
            assertEquals(Map.of("team", "platform", "env", "test"), tags);
            assertEquals(BucketVersioningStatus.ENABLED, s3.getBucketVersioning(r -> r.bucket(bucket)).status());

            s3.listObjectVersions(r -> r.bucket(bucket)).versions()
                    .forEach(v -> s3.deleteObject(r -> r.bucket(bucket).key(v.key()).versionId(v.versionId())));
            s3.deleteBucket(r -> r.bucket(bucket));
            assertThrows(NoSuchBucketException.class, () -> s3.headBucket(r -> r.bucket(bucket)));
        }
    }

    @Test
    void iamRoleKeepsItsInlinePolicy(Sandbox sandbox) {
        String trust = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        String policy = """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}""";
        try (IamClient iam = sandbox.iam().build()) {
            iam.createRole(r -> r.roleName("kplan-it").assumeRolePolicyDocument(trust));
            iam.putRolePolicy(r -> r.roleName("kplan-it").policyName("read").policyDocument(policy));

            assertEquals("kplan-it", iam.getRole(r -> r.roleName("kplan-it")).role().roleName());
            assertEquals(List.of("read"), iam.listRolePolicies(r -> r.roleName("kplan-it")).policyNames());
            // IAM returns policy documents URL-encoded
            String stored = URLDecoder.decode(
                    iam.getRolePolicy(r -> r.roleName("kplan-it").policyName("read")).policyDocument(),
                    StandardCharsets.UTF_8);
            assertTrue(stored.replace(" ", "").contains("\"Action\":\"s3:GetObject\""), stored);

            iam.deleteRolePolicy(r -> r.roleName("kplan-it").policyName("read"));
            iam.deleteRole(r -> r.roleName("kplan-it"));
            assertThrows(NoSuchEntityException.class, () -> iam.getRole(r -> r.roleName("kplan-it")));
        }
    }

    @Test
    void sqsQueueIsCreatedReadAndDeleted(Sandbox sandbox) {
        try (SqsClient sqs = sandbox.sqs().build()) {
            String url = sqs.createQueue(r -> r.queueName("kplan-it-events")
                    .attributes(Map.of(QueueAttributeName.VISIBILITY_TIMEOUT, "45"))).queueUrl();

            assertEquals("45", sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                    .attributes().get(QueueAttributeName.VISIBILITY_TIMEOUT));
            assertEquals(url, sqs.getQueueUrl(r -> r.queueName("kplan-it-events")).queueUrl());

            sqs.deleteQueue(r -> r.queueUrl(url));
            assertThrows(QueueDoesNotExistException.class, () -> sqs.getQueueUrl(r -> r.queueName("kplan-it-events")));
        }
    }
}
