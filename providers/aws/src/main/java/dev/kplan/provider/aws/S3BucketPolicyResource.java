package dev.kplan.provider.aws;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.ResourceSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code aws_s3_bucket_policy}: the bucket's policy, compared as a document (see {@link PolicyDocuments}),
 * so AWS's reformatting never shows as a change. A policy that gains a grant to everyone or a wildcard
 * outside kplan is security-sensitive drift.
 */
final class S3BucketPolicyResource implements ResourceType {
  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.of(
      "bucket", AttributeSchema.required(Type.STRING).forcingNew(),
      "policy", AttributeSchema.required(Type.STRING),
      "id", AttributeSchema.computed(Type.STRING))));

  @Override
  public String name() {
    return "aws_s3_bucket_policy";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public dev.kplan.lang.diag.Diagnostics validate(ObjectValue config) {
    return PolicyAttributes.validate(config, "policy");
  }

  @Override
  public ObjectValue importPrior(String id) {
    return Value.object(Map.of("id", Value.string(id), "bucket", Value.string(id)));
  }

  @Override
  public boolean securitySensitive(String attribute, Value prior, Value live) {
    return attribute.equals("policy") && PolicyAttributes.broadens(prior, live);
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    return ctx.reads().map(priors, prior -> readOne(prior, ctx));
  }

  private static Value readOne(ObjectValue prior, AwsContext ctx) {
    String bucket = Vals.string(prior, "id");
    String policy;
    try {
      policy = ctx.clients().s3().getBucketPolicy(b -> b.bucket(bucket)).policy();
    } catch (SdkException e) {
      if (AwsErrors.notFound(e)) {
        return Value.nullOf(SCHEMA.block().impliedType());
      }
      throw e;
    }
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(bucket));
    m.put("bucket", Value.string(bucket));
    m.put("policy", Vals.str(PolicyDocuments.keepEquivalent(Vals.string(prior, "policy"), policy)));
    return Vals.complete(SCHEMA.block(), m);
  }

  /** A setting of its bucket: applying it again is all an interrupted create needs. */
  @Override
  public boolean remote() {
    return false;
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    String bucket = Vals.string(planned, "bucket");
    Propagation.run(() -> ctx.clients().s3().putBucketPolicy(b -> b.bucket(bucket).policy(Vals.string(planned, "policy"))));
    return bucket;
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    ctx.clients().s3().putBucketPolicy(b -> b.bucket(Vals.string(prior, "id")).policy(Vals.string(planned, "policy")));
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    ctx.clients().s3().deleteBucketPolicy(b -> b.bucket(Vals.string(prior, "id")));
  }
}
