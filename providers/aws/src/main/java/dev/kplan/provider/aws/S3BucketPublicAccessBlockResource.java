package dev.kplan.provider.aws;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.ResourceSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;

/**
 * {@code aws_s3_bucket_public_access_block}: the bucket's four public-access switches (false when left out,
 * as in AWS). Any switch turned off outside kplan is security-sensitive drift: it opens the bucket.
 */
final class S3BucketPublicAccessBlockResource implements ResourceType {
  static final List<String> SWITCHES = List.of(
      "block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets");

  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.of(
      "bucket", AttributeSchema.required(Type.STRING).forcingNew(),
      "block_public_acls", AttributeSchema.optionalComputed(Type.BOOL),
      "block_public_policy", AttributeSchema.optionalComputed(Type.BOOL),
      "ignore_public_acls", AttributeSchema.optionalComputed(Type.BOOL),
      "restrict_public_buckets", AttributeSchema.optionalComputed(Type.BOOL),
      "id", AttributeSchema.computed(Type.STRING))));

  @Override
  public String name() {
    return "aws_s3_bucket_public_access_block";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, Value> defaults() {
    Map<String, Value> m = new LinkedHashMap<>();
    SWITCHES.forEach(s -> m.put(s, Value.bool(false)));
    return m;
  }

  @Override
  public ObjectValue importPrior(String id) {
    return Value.object(Map.of("id", Value.string(id), "bucket", Value.string(id)));
  }

  @Override
  public boolean securitySensitive(String attribute, Value prior, Value live) {
    return SWITCHES.contains(attribute) && prior instanceof BoolValue p && p.value()
        && !(live instanceof BoolValue l && l.value());
  }

  /** Deleted by hand: removing the block opens the bucket to public ACLs and policies. */
  @Override
  public boolean securitySensitiveWhenGone() {
    return true;
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    return ctx.reads().map(priors, prior -> readOne(prior, ctx));
  }

  private static Value readOne(ObjectValue prior, AwsContext ctx) {
    String bucket = Vals.string(prior, "id");
    PublicAccessBlockConfiguration c;
    try {
      c = ctx.clients().s3().getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration();
    } catch (SdkException e) {
      if (AwsErrors.notFound(e)) {
        return Value.nullOf(SCHEMA.block().impliedType());
      }
      throw e;
    }
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(bucket));
    m.put("bucket", Value.string(bucket));
    m.put("block_public_acls", Value.bool(Boolean.TRUE.equals(c.blockPublicAcls())));
    m.put("block_public_policy", Value.bool(Boolean.TRUE.equals(c.blockPublicPolicy())));
    m.put("ignore_public_acls", Value.bool(Boolean.TRUE.equals(c.ignorePublicAcls())));
    m.put("restrict_public_buckets", Value.bool(Boolean.TRUE.equals(c.restrictPublicBuckets())));
    return Vals.complete(SCHEMA.block(), m);
  }

  private static void put(String bucket, ObjectValue planned, AwsContext ctx) {
    ctx.clients().s3().putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(c -> c
        .blockPublicAcls(on(planned, "block_public_acls"))
        .blockPublicPolicy(on(planned, "block_public_policy"))
        .ignorePublicAcls(on(planned, "ignore_public_acls"))
        .restrictPublicBuckets(on(planned, "restrict_public_buckets"))));
  }

  private static boolean on(ObjectValue planned, String name) {
    return Boolean.TRUE.equals(Vals.bool(planned, name));
  }

  /** A setting of its bucket: applying it again is all an interrupted create needs. */
  @Override
  public boolean remote() {
    return false;
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    String bucket = Vals.string(planned, "bucket");
    put(bucket, planned, ctx);
    return bucket;
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    put(Vals.string(prior, "id"), planned, ctx);
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    ctx.clients().s3().deletePublicAccessBlock(b -> b.bucket(Vals.string(prior, "id")));
  }
}
