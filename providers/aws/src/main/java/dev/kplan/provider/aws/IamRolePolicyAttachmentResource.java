package dev.kplan.provider.aws;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.ResourceSchema;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * {@code aws_iam_role_policy_attachment}: a managed policy attached to a role; id and import id
 * {@code ROLE/POLICY_ARN}. Every attachment kplan makes also tags the role with
 * {@code kplan:attached:<hash> = POLICY_ARN}, so that the role can tell the attachments of its attachment
 * resources from policies attached by hand (see {@link IamRoleResource}). Import writes that tag too.
 */
final class IamRolePolicyAttachmentResource implements ResourceType {
  static final String TAG_PREFIX = Tags.PREFIX + "attached:";
  private static final String IMPORTING = "importing";

  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.of(
      "role", AttributeSchema.required(Type.STRING).forcingNew(),
      "policy_arn", AttributeSchema.required(Type.STRING).forcingNew(),
      "id", AttributeSchema.computed(Type.STRING))));

  @Override
  public String name() {
    return "aws_iam_role_policy_attachment";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  /** The policy ARNs that attachment resources attached to a role, from its tags. */
  static Set<String> tracked(Map<String, String> roleTags) {
    Set<String> out = new TreeSet<>();
    roleTags.forEach((k, v) -> {
      if (k.startsWith(TAG_PREFIX)) {
        out.add(v);
      }
    });
    return out;
  }

  static String tagKey(String policyArn) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(policyArn.getBytes(StandardCharsets.UTF_8));
      return TAG_PREFIX + HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public ObjectValue importPrior(String id) {
    if (id.indexOf('/') <= 0) {
      throw new IllegalArgumentException("an aws_iam_role_policy_attachment id is ROLE/POLICY_ARN, not \"" + id + "\"");
    }
    return Value.object(Map.of("id", Value.string(id), IMPORTING, Value.bool(true)));
  }

  @Override
  public dev.kplan.lang.diag.Diagnostics validate(ObjectValue config) {
    String arn = Vals.string(config, "policy_arn");
    if (arn != null && !arn.startsWith("arn:")) {
      return dev.kplan.lang.diag.Diagnostics.of(dev.kplan.lang.diag.Diagnostic.error("Invalid policy_arn",
          "policy_arn must be a policy ARN (arn:aws:iam::…:policy/…), not \"" + arn + "\".", null));
    }
    return dev.kplan.lang.diag.Diagnostics.NONE;
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    return ctx.reads().map(priors, prior -> readOne(prior, ctx));
  }

  private static Value readOne(ObjectValue prior, AwsContext ctx) {
    String id = Vals.string(prior, "id");
    int slash = id.indexOf('/');
    if (slash <= 0) {
      throw new IllegalArgumentException("an aws_iam_role_policy_attachment id is ROLE/POLICY_ARN, not \"" + id + "\"");
    }
    String role = id.substring(0, slash);
    String arn = id.substring(slash + 1);
    IamClient iam = ctx.clients().iam();
    try {
      if (!IamRoleResource.attachedPolicies(iam, role).contains(arn)) {
        return Value.nullOf(SCHEMA.block().impliedType());
      }
      if (Boolean.TRUE.equals(Vals.bool(prior, IMPORTING))) {
        iam.tagRole(b -> b.roleName(role).tags(IamTags.list(Map.of(tagKey(arn), arn))));
      }
    } catch (SdkException e) {
      if (AwsErrors.notFound(e)) {
        return Value.nullOf(SCHEMA.block().impliedType());
      }
      throw e;
    }
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(id));
    m.put("role", Value.string(role));
    m.put("policy_arn", Value.string(arn));
    return Vals.complete(SCHEMA.block(), m);
  }

  /**
   * Nothing to journal: the id (role and policy ARN) comes from the configuration, and a create repeated after an
   * interrupted apply (TagRole, AttachRolePolicy) is harmless when the first one got through.
   */
  @Override
  public boolean remote() {
    return false;
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    String role = Vals.string(planned, "role");
    String arn = Vals.string(planned, "policy_arn");
    IamClient iam = ctx.clients().iam();
    // the tag first: the role must never see this attachment as one made by hand
    Propagation.run(() -> iam.tagRole(b -> b.roleName(role).tags(IamTags.list(Map.of(tagKey(arn), arn)))));
    Propagation.run(() -> iam.attachRolePolicy(b -> b.roleName(role).policyArn(arn)));
    return role + "/" + arn;
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    // both arguments force a replacement: nothing changes in place
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    String role = Vals.string(prior, "role");
    String arn = Vals.string(prior, "policy_arn");
    IamClient iam = ctx.clients().iam();
    iam.detachRolePolicy(b -> b.roleName(role).policyArn(arn));
    try {
      iam.untagRole(b -> b.roleName(role).tagKeys(tagKey(arn)));
    } catch (SdkException e) {
      if (!AwsErrors.notFound(e)) {
        throw e;
      }
    }
  }
}
