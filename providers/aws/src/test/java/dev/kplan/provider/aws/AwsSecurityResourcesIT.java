package dev.kplan.provider.aws;

import static dev.kplan.provider.aws.TestingAws.n;
import static dev.kplan.provider.aws.TestingAws.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.Attribution;
import dev.kplan.provider.ConfigureResult;
import dev.kplan.provider.GenerateConfigRequest;
import dev.kplan.provider.ImportRequest;
import dev.kplan.provider.ImportResult;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.ReadDataRequest;
import dev.kplan.provider.ReadDataResult;
import dev.kplan.provider.ReadResult;
import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 bucket settings, IAM and SNS types through the SPI against the sandbox's moto. */
@KplanSandbox(value = SandboxService.AWS, resetAws = true)
class AwsSecurityResourcesIT {
  static final String READ_OBJECTS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\","
      + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":[\"s3:GetObject\"],"
      + "\"Resource\":\"arn:aws:s3:::%s/*\"}]}";
  static final String ASSUME_EC2 = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Allow\","
      + " \"Principal\": {\"Service\": [\"ec2.amazonaws.com\"]}, \"Action\": \"sts:AssumeRole\"}\n}";
  static final String LIST_BUCKETS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":[\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::data\"]}]}";

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

  /** Refreshes one object and plans {@code config} against it: no change, nothing to replace. */
  private Value assertNoChange(String type, Value state, Map<String, Value> config) {
    Value live = aws.readOne(type, state);
    assertEquals(state, live, type + " reads back as applied");
    PlanResult pr = aws.plan(type, live, aws.config(type, config));
    assertEquals(live, pr.plannedState(), type + " plans no change");
    assertTrue(pr.requiresReplace().isEmpty());
    return live;
  }

  private Value applyPlan(String type, Value prior, Map<String, Value> config, String address) {
    PlanResult pr = aws.plan(type, prior, aws.config(type, config));
    ApplyResult ar = aws.apply(type, prior, pr.plannedState(), aws.config(type, config), address);
    assertFalse(ar.diagnostics().hasErrors(), ar.diagnostics().toString());
    return ar.newState();
  }

  private List<Attribution> drift(String type, Value stored) {
    ReadResult r = aws.read(type, List.of(stored));
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    return r.instances().get(0).attributions();
  }

  /** Imports {@code id}, generates its configuration and plans it: no change. */
  private void assertImportPlansNoChange(String type, String id) {
    ImportResult ir = aws.provider.importResource(new ImportRequest(type, id));
    assertFalse(ir.diagnostics().hasErrors(), ir.diagnostics().toString());
    Value imported = aws.readOne(type, ir.imported().get(0));
    Value generated = aws.provider.generateConfig(new GenerateConfigRequest(type, imported)).config();
    PlanResult pr = aws.plan(type, imported, aws.config(type, Vals.object(generated).attributes()));
    assertEquals(imported, pr.plannedState(), type + ": the generated configuration plans no change");
    assertTrue(pr.requiresReplace().isEmpty());
  }

  @Test
  void aBucketAclOpenedToEveryoneByHandIsSecuritySensitiveDrift() {
    ObjectValue bucket = aws.create("aws_s3_bucket", "aws_s3_bucket.assets", Map.of("bucket", s("assets")));
    assertEquals(Value.list(Type.STRING, List.of()), bucket.get("public_acl_grants"), "a new bucket grants nothing to everyone");
    assertNoChange("aws_s3_bucket", bucket, Map.of("bucket", s("assets")));
    try (S3Client s3 = sandbox.s3().build()) {
      s3.putBucketAcl(b -> b.bucket("assets").acl(software.amazon.awssdk.services.s3.model.BucketCannedACL.PUBLIC_READ));
    }
    List<Attribution> d = drift("aws_s3_bucket", bucket);
    assertEquals(List.of(Path.ROOT.attr("public_acl_grants")), d.stream().map(Attribution::path).toList());
    assertTrue(d.get(0).securitySensitive(), "an ACL granting AllUsers is flagged");
    assertEquals(Value.list(Type.STRING, List.of(s("AllUsers:READ"))), Vals.get(aws.readOne("aws_s3_bucket", bucket), "public_acl_grants"));
  }

  @Test
  void bucketAccessBlockPolicyAndEncryptionPlanNoChangeDriftIsFlaggedAndRepaired() {
    aws.create("aws_s3_bucket", "aws_s3_bucket.logs", Map.of("bucket", s("logs")));
    Map<String, Value> pabConfig = Map.of("bucket", s("logs"), "block_public_acls", Value.bool(true),
        "block_public_policy", Value.bool(true), "ignore_public_acls", Value.bool(true),
        "restrict_public_buckets", Value.bool(true));
    ObjectValue pab = aws.create("aws_s3_bucket_public_access_block", "aws_s3_bucket_public_access_block.logs", pabConfig);
    String policy = String.format(READ_OBJECTS, "logs");
    Map<String, Value> policyConfig = Map.of("bucket", s("logs"), "policy", s(policy));
    ObjectValue bp = aws.create("aws_s3_bucket_policy", "aws_s3_bucket_policy.logs", policyConfig);
    assertEquals(s(policy), bp.get("policy"), "the configured spelling is stored");
    Map<String, Value> sseConfig = Map.of("bucket", s("logs"), "rule", Value.object(Map.of(
        "bucket_key_enabled", Value.nullOf(Type.BOOL), "apply_server_side_encryption_by_default", Value.object(Map.of("sse_algorithm", s("aws:kms"),
            "kms_master_key_id", s("alias/logs"))))));
    ObjectValue sse = aws.create("aws_s3_bucket_server_side_encryption_configuration",
        "aws_s3_bucket_server_side_encryption_configuration.logs", sseConfig);

    assertNoChange("aws_s3_bucket_public_access_block", pab, pabConfig);
    assertNoChange("aws_s3_bucket_policy", bp, policyConfig);
    assertNoChange("aws_s3_bucket_server_side_encryption_configuration", sse, sseConfig);

    try (S3Client s3 = sandbox.s3().build()) {
      s3.putPublicAccessBlock(b -> b.bucket("logs").publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
          .blockPublicPolicy(false).ignorePublicAcls(true).restrictPublicBuckets(true)));
      s3.putBucketPolicy(b -> b.bucket("logs").policy(policy.replace("{\"AWS\":\"arn:aws:iam::123456789012:root\"}", "\"*\"")));
    }
    List<Attribution> pabDrift = drift("aws_s3_bucket_public_access_block", pab);
    assertEquals(List.of(Path.ROOT.attr("block_public_policy")), pabDrift.stream().map(Attribution::path).toList());
    assertTrue(pabDrift.get(0).securitySensitive(), "a loosened public access block is flagged");
    List<Attribution> policyDrift = drift("aws_s3_bucket_policy", bp);
    assertTrue(policyDrift.get(0).securitySensitive(), "a bucket policy granting * is flagged");

    Value pabLive = aws.readOne("aws_s3_bucket_public_access_block", pab);
    PlanResult pr = aws.plan("aws_s3_bucket_public_access_block", pabLive, aws.config("aws_s3_bucket_public_access_block", pabConfig));
    assertTrue(pr.requiresReplace().isEmpty(), "the switches change in place");
    assertEquals(pab, applyPlan("aws_s3_bucket_public_access_block", pabLive, pabConfig, null));
    assertEquals(bp, applyPlan("aws_s3_bucket_policy", aws.readOne("aws_s3_bucket_policy", bp), policyConfig, null));

    PlanResult other = aws.plan("aws_s3_bucket_policy", bp, aws.config("aws_s3_bucket_policy",
        Map.of("bucket", s("other"), "policy", s(policy))));
    assertEquals(List.of(Path.ROOT.attr("bucket")), other.requiresReplace(), "another bucket replaces");

    assertImportPlansNoChange("aws_s3_bucket_public_access_block", "logs");
    assertImportPlansNoChange("aws_s3_bucket_policy", "logs");
    assertImportPlansNoChange("aws_s3_bucket_server_side_encryption_configuration", "logs");

    for (String type : List.of("aws_s3_bucket_policy", "aws_s3_bucket_public_access_block",
        "aws_s3_bucket_server_side_encryption_configuration")) {
      Value state = aws.readOne(type, type.equals("aws_s3_bucket_policy") ? bp : type.endsWith("block") ? pab : sse);
      ApplyResult del = aws.apply(type, state, aws.none(type), aws.config(type, Map.of()), null);
      assertFalse(del.diagnostics().hasErrors(), del.diagnostics().toString());
      assertTrue(aws.readOne(type, state).isNull(), type + " is gone");
    }
  }

  @Test
  void iamRolePoliciesAndAttachmentsPlanNoChangeAndAPolicyAttachedByHandIsDriftThatApplyDetaches() {
    Map<String, Value> roleConfig = Map.of("name", s("app"), "assume_role_policy", s(ASSUME_EC2),
        "description", s("the app"), "tags", Vals.map(Map.of("Name", "app")));
    ObjectValue role = aws.create("aws_iam_role", "aws_iam_role.app", roleConfig);
    assertEquals(s(ASSUME_EC2), role.get("assume_role_policy"));
    assertEquals(n(3600), role.get("max_session_duration"));
    Map<String, Value> policyConfig = Map.of("name", s("list"), "policy", s(LIST_BUCKETS));
    ObjectValue policy = aws.create("aws_iam_policy", "aws_iam_policy.list", policyConfig);
    Map<String, Value> inlineConfig = Map.of("role", s("app"), "name", s("inline"), "policy", s(LIST_BUCKETS));
    ObjectValue inline = aws.create("aws_iam_role_policy", "aws_iam_role_policy.inline", inlineConfig);
    assertEquals(s("app:inline"), inline.get("id"));
    Map<String, Value> attachConfig = Map.of("role", s("app"), "policy_arn", policy.get("arn"));
    ObjectValue attachment = aws.create("aws_iam_role_policy_attachment", "aws_iam_role_policy_attachment.list",
        attachConfig);

    Value roleLive = assertNoChange("aws_iam_role", role, roleConfig);
    assertNoChange("aws_iam_policy", policy, policyConfig);
    assertNoChange("aws_iam_role_policy", inline, inlineConfig);
    assertNoChange("aws_iam_role_policy_attachment", attachment, attachConfig);
    assertEquals(Value.set(Type.STRING, List.of()), Vals.get(roleLive, "managed_policy_arns"),
        "the attachment resource's policy is not the role's own");

    try (IamClient iam = sandbox.iam().build()) {
      String admin = iam.createPolicy(b -> b.policyName("everything").policyDocument(
          "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"))
          .policy().arn();
      iam.attachRolePolicy(b -> b.roleName("app").policyArn(admin));
    }
    List<Attribution> d = drift("aws_iam_role", role);
    assertEquals(List.of(Path.ROOT.attr("managed_policy_arns")), d.stream().map(Attribution::path).toList());
    assertTrue(d.get(0).securitySensitive(), "a policy attached by hand is flagged");
    Value drifted = aws.readOne("aws_iam_role", role);
    assertEquals(role, applyPlan("aws_iam_role", drifted, roleConfig, "aws_iam_role.app"), "apply detaches it");
    try (IamClient iam = sandbox.iam().build()) {
      assertEquals(List.of(Vals.string(policy, "arn")), iam.listAttachedRolePolicies(b -> b.roleName("app"))
          .attachedPolicies().stream().map(p -> p.policyArn()).toList(), "only the managed attachment is left");
    }

    Map<String, Value> described = Map.of("name", s("app"), "assume_role_policy", s(ASSUME_EC2),
        "description", s("the app, renamed"), "max_session_duration", n(7200), "tags", Vals.map(Map.of("Name", "app")));
    PlanResult update = aws.plan("aws_iam_role", role, aws.config("aws_iam_role", described));
    assertTrue(update.requiresReplace().isEmpty(), "description and session duration change in place");
    Value updated = applyPlan("aws_iam_role", role, described, "aws_iam_role.app");
    assertEquals(s("the app, renamed"), Vals.get(updated, "description"));
    assertEquals(role.get("unique_id"), Vals.get(updated, "unique_id"), "the same role");
    assertEquals(List.of(Path.ROOT.attr("name")), aws.plan("aws_iam_role", updated, aws.config("aws_iam_role",
        Map.of("name", s("app2"), "assume_role_policy", s(ASSUME_EC2)))).requiresReplace());

    String broader = LIST_BUCKETS.replace("s3:ListBucket\"]", "s3:ListBucket\",\"s3:GetObject\"]");
    Map<String, Value> broaderConfig = Map.of("name", s("list"), "policy", s(broader));
    assertTrue(aws.plan("aws_iam_policy", policy, aws.config("aws_iam_policy", broaderConfig)).requiresReplace().isEmpty());
    Value newVersion = applyPlan("aws_iam_policy", policy, broaderConfig, "aws_iam_policy.list");
    assertEquals(s(broader), Vals.get(newVersion, "policy"));
    assertEquals(List.of(Path.ROOT.attr("description")), aws.plan("aws_iam_policy", newVersion, aws.config("aws_iam_policy",
        Map.of("name", s("list"), "policy", s(broader), "description", s("x")))).requiresReplace());

    assertImportPlansNoChange("aws_iam_role_policy", "app:inline");
    assertImportPlansNoChange("aws_iam_role_policy_attachment", "app/" + Vals.string(policy, "arn"));
    assertImportPlansNoChange("aws_iam_policy", Vals.string(policy, "arn"));
    assertImportPlansNoChange("aws_iam_role", "app");

    for (Map.Entry<String, Value> e : List.of(Map.entry("aws_iam_role_policy_attachment", (Value) attachment),
        Map.entry("aws_iam_role_policy", (Value) inline), Map.entry("aws_iam_policy", newVersion),
        Map.entry("aws_iam_role", updated))) {
      ApplyResult del = aws.apply(e.getKey(), e.getValue(), aws.none(e.getKey()), aws.config(e.getKey(), Map.of()), null);
      assertFalse(del.diagnostics().hasErrors(), e.getKey() + ": " + del.diagnostics());
      assertTrue(aws.readOne(e.getKey(), e.getValue()).isNull(), e.getKey() + " is gone");
    }
  }

  @Test
  void snsTopicAndQueueSubscriptionPlanNoChangeUpdateInPlaceAndReplaceOnANewEndpoint() {
    ObjectValue queue = aws.create("aws_sqs_queue", "aws_sqs_queue.q", Map.of("name", s("events")));
    ObjectValue queue2 = aws.create("aws_sqs_queue", "aws_sqs_queue.q2", Map.of("name", s("events2")));
    Map<String, Value> topicConfig = Map.of("name", s("events"), "display_name", s("Events"),
        "tags", Vals.map(Map.of("Name", "events")));
    ObjectValue topic = aws.create("aws_sns_topic", "aws_sns_topic.events", topicConfig);
    assertEquals(Map.of("Name", "events", "team", "platform"), Vals.stringMap(topic.get("tags_all")));
    Map<String, Value> subConfig = Map.of("topic_arn", topic.get("arn"), "protocol", s("sqs"), "endpoint", queue.get("arn"));
    ObjectValue sub = aws.create("aws_sns_topic_subscription", "aws_sns_topic_subscription.q", subConfig);
    assertEquals(Value.bool(false), sub.get("raw_message_delivery"));

    assertNoChange("aws_sns_topic", topic, topicConfig);
    assertNoChange("aws_sns_topic_subscription", sub, subConfig);

    Map<String, Value> raw = Map.of("topic_arn", topic.get("arn"), "protocol", s("sqs"), "endpoint", queue.get("arn"),
        "raw_message_delivery", Value.bool(true));
    assertTrue(aws.plan("aws_sns_topic_subscription", sub, aws.config("aws_sns_topic_subscription", raw))
        .requiresReplace().isEmpty());
    Value rawSub = applyPlan("aws_sns_topic_subscription", sub, raw, null);
    assertEquals(Value.bool(true), Vals.get(rawSub, "raw_message_delivery"));
    assertEquals(sub.get("id"), Vals.get(rawSub, "id"), "the same subscription");
    assertEquals(List.of(Path.ROOT.attr("endpoint")), aws.plan("aws_sns_topic_subscription", rawSub,
        aws.config("aws_sns_topic_subscription", Map.of("topic_arn", topic.get("arn"), "protocol", s("sqs"),
            "endpoint", queue2.get("arn")))).requiresReplace());

    Map<String, Value> renamed = Map.of("name", s("events"), "display_name", s("All events"),
        "tags", Vals.map(Map.of("Name", "events")));
    Value topic2 = applyPlan("aws_sns_topic", topic, renamed, "aws_sns_topic.events");
    assertEquals(s("All events"), Vals.get(topic2, "display_name"));
    assertEquals(List.of(Path.ROOT.attr("name")), aws.plan("aws_sns_topic", topic2, aws.config("aws_sns_topic",
        Map.of("name", s("other")))).requiresReplace());

    assertImportPlansNoChange("aws_sns_topic", Vals.string(topic, "arn"));
    assertImportPlansNoChange("aws_sns_topic_subscription", Vals.string(sub, "arn"));

    ApplyResult del = aws.apply("aws_sns_topic_subscription", rawSub, aws.none("aws_sns_topic_subscription"),
        aws.config("aws_sns_topic_subscription", Map.of()), null);
    assertFalse(del.diagnostics().hasErrors(), del.diagnostics().toString());
    del = aws.apply("aws_sns_topic", topic2, aws.none("aws_sns_topic"), aws.config("aws_sns_topic", Map.of()), null);
    assertFalse(del.diagnostics().hasErrors(), del.diagnostics().toString());
    assertTrue(aws.readOne("aws_sns_topic", topic2).isNull());
  }

  @Test
  void aPolicyDocumentDataSourceIsComputedLocallyAndMatchesItsJsonForm() {
    ObjectValue stmt = Value.object(Map.of(
        "sid", s("Read"), "actions", Value.set(Type.STRING, List.of(s("s3:GetObject"), s("s3:GetObject"))),
        "resources", Value.set(Type.STRING, List.of(s("arn:aws:s3:::logs/*"))),
        "principals", Value.list(Type.DYNAMIC, List.of(Value.object(Map.of("type", s("AWS"),
            "identifiers", Value.set(Type.STRING, List.of(s("123456789012")))))))));
    Value config = Vals.complete(PolicyDocumentDataSource.SCHEMA.block(),
        Map.of("statement", Value.list(Type.DYNAMIC, List.of(stmt))));
    counter.reset();
    ReadDataResult r = aws.provider.readData(new ReadDataRequest("aws_iam_policy_document", config));
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    assertEquals(Map.of(), counter.snapshot(), "no request to AWS");
    String json = Vals.string(r.state(), "json");
    assertTrue(PolicyDocuments.equivalent(json, String.format(READ_OBJECTS, "logs")), json);
    assertNotEquals(json, Vals.string(r.state(), "minified_json"));
  }

  @Test
  void refreshingRolesAndPoliciesCostsAFixedNumberOfRequestsEach() {
    List<Value> roles = new java.util.ArrayList<>();
    List<Value> policies = new java.util.ArrayList<>();
    for (int i = 0; i < 4; i++) {
      roles.add(aws.create("aws_iam_role", "aws_iam_role.r" + i, Map.of("name", s("r" + i),
          "assume_role_policy", s(ASSUME_EC2))));
      policies.add(aws.create("aws_iam_policy", "aws_iam_policy.p" + i, Map.of("name", s("p" + i),
          "policy", s(LIST_BUCKETS))));
    }
    counter.reset();
    ReadResult r = aws.read("aws_iam_role", roles);
    ReadResult p = aws.read("aws_iam_policy", policies);
    assertFalse(r.diagnostics().hasErrors() || p.diagnostics().hasErrors());
    for (int i = 0; i < 4; i++) {
      assertEquals(roles.get(i), r.instances().get(i).liveState());
      assertEquals(policies.get(i), p.instances().get(i).liveState());
    }
    assertEquals(Map.of("GetRole", 4, "ListAttachedRolePolicies", 4, "GetPolicy", 4, "GetPolicyVersion", 4,
        "ListPolicyTags", 4), counter.snapshot(), "two requests a role, three a policy, and nothing else");
  }
}
