package dev.kplan.provider.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Attribution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which drift the plan flags as security-sensitive, type by type. */
class DriftAttributionsTest {
  static final String NARROW = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
      + "\"Resource\":\"arn:aws:s3:::b/*\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:role/app\"}}]}";
  static final String TO_EVERYONE = NARROW.replace("{\"AWS\":\"arn:aws:iam::123456789012:role/app\"}", "\"*\"");

  static Value state(ResourceType t, Map<String, Value> m) {
    return Vals.complete(t.schema().block(), m);
  }

  @Test
  void aLoosenedPublicAccessBlockIsSecuritySensitive() {
    ResourceType t = new S3BucketPublicAccessBlockResource();
    Value before = state(t, Map.of("id", Value.string("b"), "bucket", Value.string("b"),
        "block_public_acls", Value.bool(true), "block_public_policy", Value.bool(true)));
    Value after = state(t, Map.of("id", Value.string("b"), "bucket", Value.string("b"),
        "block_public_acls", Value.bool(true), "block_public_policy", Value.bool(false)));
    List<Attribution> a = DriftAttributions.of(t, before, after, null);
    assertEquals(1, a.size());
    assertEquals(Path.ROOT.attr("block_public_policy"), a.get(0).path());
    assertTrue(a.get(0).securitySensitive());
    assertEquals("unknown", a.get(0).manager());
    assertFalse(DriftAttributions.of(t, after, before, null).get(0).securitySensitive(), "tightening is not");
  }

  @Test
  void aBucketPolicyGrantingEveryoneIsSecuritySensitive() {
    ResourceType t = new S3BucketPolicyResource();
    Value before = state(t, Map.of("id", Value.string("b"), "policy", Value.string(NARROW)));
    Value after = state(t, Map.of("id", Value.string("b"), "policy", Value.string(TO_EVERYONE)));
    assertTrue(DriftAttributions.of(t, before, after, null).get(0).securitySensitive());
    assertFalse(DriftAttributions.of(t, after, before, null).get(0).securitySensitive());
  }

  @Test
  void iamPoliciesGainingWildcardsAreSecuritySensitive() {
    String star = NARROW.replace("\"s3:GetObject\"", "\"*\"");
    String otherResource = NARROW.replace("b/*", "c/*");
    for (ResourceType t : List.of(new IamPolicyResource(), new IamRolePolicyResource())) {
      Value before = state(t, Map.of("id", Value.string("x"), "policy", Value.string(NARROW)));
      assertTrue(DriftAttributions.of(t, before, state(t, Map.of("id", Value.string("x"), "policy", Value.string(star))),
          null).get(0).securitySensitive(), t.name());
      assertFalse(DriftAttributions.of(t, before, state(t, Map.of("id", Value.string("x"),
          "policy", Value.string(otherResource))), null).get(0).securitySensitive(), t.name() + ": narrow to narrow");
    }
  }

  @Test
  void aPolicyAttachedToARoleByHandIsSecuritySensitive() {
    ResourceType t = new IamRoleResource();
    Value before = state(t, Map.of("id", Value.string("app"), "managed_policy_arns", Value.set(Type.STRING, List.of())));
    Value after = state(t, Map.of("id", Value.string("app"), "managed_policy_arns",
        Value.set(Type.STRING, List.of(Value.string("arn:aws:iam::aws:policy/AdministratorAccess")))));
    Attribution a = DriftAttributions.of(t, before, after, null).get(0);
    assertEquals(Path.ROOT.attr("managed_policy_arns"), a.path());
    assertTrue(a.securitySensitive());
  }

  @Test
  void noDriftNoAttributionAndAGoneObjectIsAttributedAsAWhole() {
    ResourceType t = new SnsTopicResource();
    Value s = state(t, Map.of("id", Value.string("arn:aws:sns:eu-west-1:123456789012:t")));
    assertEquals(List.of(), DriftAttributions.of(t, s, s, null));
    List<Attribution> gone = DriftAttributions.of(t, s, Value.nullOf(s.type()), null);
    assertEquals(1, gone.size());
    assertEquals(Path.ROOT, gone.get(0).path());
  }

  @Test
  void aPublicAccessBlockDeletedByHandIsSecuritySensitiveATopicIsNot() {
    ResourceType pab = new S3BucketPublicAccessBlockResource();
    Value s = state(pab, Map.of("id", Value.string("b"), "block_public_policy", Value.bool(true)));
    assertTrue(DriftAttributions.of(pab, s, Value.nullOf(s.type()), null).get(0).securitySensitive());
    ResourceType topic = new SnsTopicResource();
    Value t = state(topic, Map.of("id", Value.string("arn:aws:sns:eu-west-1:123456789012:t")));
    assertFalse(DriftAttributions.of(topic, t, Value.nullOf(t.type()), null).get(0).securitySensitive());
  }
}
