package dev.kplan.provider.aws;

import static dev.kplan.provider.aws.TestingAws.n;
import static dev.kplan.provider.aws.TestingAws.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.IdentityRequest;
import dev.kplan.provider.IdentityResult;
import dev.kplan.provider.LookupRequest;
import dev.kplan.provider.LookupResult;
import dev.kplan.provider.PlanResult;
import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The intent journal's calls against moto: for each type, the identity given before a create finds,
 * after the create, exactly the object it made (read as an import would), and nothing for an address
 * that created nothing.
 */
@KplanSandbox(value = SandboxService.AWS, resetAws = true)
class AwsLookupIT {
  TestingAws aws;
  Sandbox sandbox;

  @BeforeEach
  void configure(Sandbox sandbox) {
    this.sandbox = sandbox;
    aws = new TestingAws(new AwsProvider(List.of()));
    assertFalse(aws.configure(TestingAws.providerConfig(sandbox.env().awsEndpoint(), sandbox.env().awsRegion(),
        Map.of("team", "platform"), 2)).diagnostics().hasErrors());
  }

  @AfterEach
  void close() {
    aws.provider.close();
  }

  /**
   * Asks for the identity as the applier does (before the create), creates with it (as the applier hands it over),
   * then looks it up.
   */
  ObjectValue createAndFind(String type, String address, Map<String, Value> attributes) {
    ObjectValue config = aws.config(type, attributes);
    PlanResult pr = aws.plan(type, aws.none(type), config);
    IdentityResult id = aws.provider.plannedIdentity(new IdentityRequest(type, address, pr.plannedState(), config));
    assertEquals(IdentityResult.Kind.REMOTE, id.kind(), type);
    assertEquals(address, id.identity().get("kplan:address"));
    assertEquals(LookupResult.Outcome.NOT_FOUND,
        aws.provider.lookup(new LookupRequest(type, address, id.identity())).outcome(), type + " before its create");
    ApplyResult ar = aws.provider.apply(new ApplyRequest(type, aws.none(type), pr.plannedState(), config, null,
        List.of(), address, id.identity()));
    assertFalse(ar.diagnostics().hasErrors(), ar.diagnostics().toString());
    ObjectValue created = (ObjectValue) ar.newState();
    LookupResult found = aws.provider.lookup(new LookupRequest(type, address, id.identity()));
    assertFalse(found.diagnostics().hasErrors(), found.diagnostics().toString());
    assertEquals(LookupResult.Outcome.FOUND, found.outcome(), type);
    assertEquals(Vals.string(created, "id"), Vals.string(found.state(), "id"), type + " finds the object it made");
    return created;
  }

  @Test
  void everyTypeFindsTheObjectItsCreateMadeByTheIdentityGivenBeforeIt() {
    ObjectValue vpc = createAndFind("aws_vpc", "aws_vpc.main", Map.of("cidr_block", s("10.7.0.0/16")));
    createAndFind("aws_subnet", "aws_subnet.a", Map.of("vpc_id", vpc.get("id"), "cidr_block", s("10.7.1.0/24")));
    ObjectValue sg = createAndFind("aws_security_group", "aws_security_group.web",
        Map.of("name", s("web"), "vpc_id", vpc.get("id")));
    createAndFind("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_ingress_rule.https",
        Map.of("security_group_id", sg.get("id"), "ip_protocol", s("tcp"), "from_port", n(443), "to_port", n(443),
            "cidr_ipv4", s("10.0.0.0/8")));
    createAndFind("aws_s3_bucket", "aws_s3_bucket.named", Map.of("bucket", s("kplan-lookup-named")));
    createAndFind("aws_s3_bucket", "aws_s3_bucket.generated", Map.of());
    createAndFind("aws_sqs_queue", "aws_sqs_queue.named", Map.of("name", s("lookup-named")));
    createAndFind("aws_sqs_queue", "aws_sqs_queue.generated", Map.of());
  }

  @Test
  void theNetworkTypesAddedLaterFindTheirObjectsByTagAssociationAndClientToken() {
    ObjectValue vpc = createAndFind("aws_vpc", "aws_vpc.net", Map.of("cidr_block", s("10.8.0.0/16")));
    ObjectValue subnet = createAndFind("aws_subnet", "aws_subnet.net",
        Map.of("vpc_id", vpc.get("id"), "cidr_block", s("10.8.1.0/24")));
    ObjectValue igw = createAndFind("aws_internet_gateway", "aws_internet_gateway.edge", Map.of("vpc_id", vpc.get("id")));
    ObjectValue table = createAndFind("aws_route_table", "aws_route_table.public", Map.of("vpc_id", vpc.get("id")));
    createAndFind("aws_route_table_association", "aws_route_table_association.a",
        Map.of("subnet_id", subnet.get("id"), "route_table_id", table.get("id")));
    createAndFind("aws_route_table_association", "aws_route_table_association.edge",
        Map.of("gateway_id", igw.get("id"), "route_table_id", table.get("id")));
    String ami;
    try (software.amazon.awssdk.services.ec2.Ec2Client ec2 = sandbox.ec2().build()) {
      ami = ec2.describeImages(b -> b.owners("amazon")).images().get(0).imageId();
    }
    createAndFind("aws_instance", "aws_instance.web",
        Map.of("ami", s(ami), "instance_type", s("t3.micro"), "subnet_id", subnet.get("id")));
  }

  @Test
  void iamSnsDynamoDbAndRoute53FindTheirObjectsByJournaledNamesAndCallerReference() {
    createAndFind("aws_iam_role", "aws_iam_role.app",
        Map.of("name", s("app"), "path", s("/svc/"), "assume_role_policy", s(AwsSecurityResourcesIT.ASSUME_EC2)));
    createAndFind("aws_iam_role", "aws_iam_role.generated",
        Map.of("assume_role_policy", s(AwsSecurityResourcesIT.ASSUME_EC2)));
    createAndFind("aws_iam_policy", "aws_iam_policy.list",
        Map.of("name", s("list"), "policy", s(AwsSecurityResourcesIT.LIST_BUCKETS)));
    createAndFind("aws_iam_policy", "aws_iam_policy.generated", Map.of("policy", s(AwsSecurityResourcesIT.LIST_BUCKETS)));
    createAndFind("aws_iam_role_policy", "aws_iam_role_policy.inline",
        Map.of("role", s("app"), "name", s("inline"), "policy", s(AwsSecurityResourcesIT.LIST_BUCKETS)));
    createAndFind("aws_iam_role_policy", "aws_iam_role_policy.generated",
        Map.of("role", s("app"), "policy", s(AwsSecurityResourcesIT.LIST_BUCKETS)));
    ObjectValue topic = createAndFind("aws_sns_topic", "aws_sns_topic.events", Map.of("name", s("events")));
    createAndFind("aws_sns_topic", "aws_sns_topic.generated", Map.of());
    ObjectValue queue = aws.create("aws_sqs_queue", "aws_sqs_queue.events", Map.of("name", s("events")));
    createAndFind("aws_sns_topic_subscription", "aws_sns_topic_subscription.q",
        Map.of("topic_arn", topic.get("arn"), "protocol", s("sqs"), "endpoint", queue.get("arn")));
    createAndFind("aws_dynamodb_table", "aws_dynamodb_table.orders", Map.of("name", s("orders"), "hash_key", s("pk"),
        "billing_mode", s("PAY_PER_REQUEST"), "attribute", AwsDataResourcesIT.attributes("pk", "S")));
    ObjectValue zone = createAndFind("aws_route53_zone", "aws_route53_zone.main", Map.of("name", s("lookup.test")));
    createAndFind("aws_route53_record", "aws_route53_record.www", Map.of("zone_id", zone.get("zone_id"),
        "name", s("www.lookup.test"), "type", s("A"), "ttl", n(60),
        "records", Value.set(dev.kplan.lang.types.Type.STRING, List.of(s("192.0.2.10")))));
  }

  @Test
  void aRolePolicyAttachmentHasNothingToJournalSinceItsCreateCanBeRepeated() {
    IdentityResult id = aws.provider.plannedIdentity(new IdentityRequest("aws_iam_role_policy_attachment",
        "aws_iam_role_policy_attachment.a", aws.none("aws_iam_role_policy_attachment"),
        aws.none("aws_iam_role_policy_attachment")));
    assertEquals(IdentityResult.Kind.NO_REMOTE_OBJECT, id.kind());
  }

  @Test
  void aBucketsVersioningHasNoObjectOfItsOwnToFind() {
    IdentityResult id = aws.provider.plannedIdentity(new IdentityRequest("aws_s3_bucket_versioning",
        "aws_s3_bucket_versioning.v", aws.none("aws_s3_bucket_versioning"), aws.none("aws_s3_bucket_versioning")));
    assertEquals(IdentityResult.Kind.NO_REMOTE_OBJECT, id.kind());
  }

  @Test
  void twoObjectsCarryingOneAddressAreReportedNotGuessed() {
    aws.create("aws_vpc", "aws_vpc.twice", Map.of("cidr_block", s("10.5.0.0/16")));
    aws.create("aws_vpc", "aws_vpc.twice", Map.of("cidr_block", s("10.6.0.0/16")));
    LookupResult r = aws.provider.lookup(new LookupRequest("aws_vpc", "aws_vpc.twice",
        Map.of("kplan:address", "aws_vpc.twice")));
    assertTrue(r.diagnostics().hasErrors());
    assertTrue(r.diagnostics().items().get(0).detail().contains("kplan import aws_vpc.twice"),
        r.diagnostics().toString());
  }
}
