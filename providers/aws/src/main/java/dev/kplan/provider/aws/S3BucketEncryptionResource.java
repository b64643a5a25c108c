package dev.kplan.provider.aws;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import dev.kplan.provider.ResourceSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;

/**
 * {@code aws_s3_bucket_server_side_encryption_configuration}: one {@code rule} with
 * {@code apply_server_side_encryption_by_default { sse_algorithm, kms_master_key_id }} and
 * {@code bucket_key_enabled}. Deleting it returns the bucket to S3's default (SSE-S3).
 */
final class S3BucketEncryptionResource implements ResourceType {
  private static final BlockSchema BY_DEFAULT = BlockSchema.of(Map.of(
      "sse_algorithm", AttributeSchema.required(Type.STRING),
      "kms_master_key_id", AttributeSchema.optional(Type.STRING)));
  private static final BlockSchema RULE = new BlockSchema(
      Map.of("bucket_key_enabled", AttributeSchema.optional(Type.BOOL)),
      Map.of("apply_server_side_encryption_by_default", new NestedBlock(BY_DEFAULT, NestedBlock.Nesting.SINGLE, 0, 1)));
  private static final ResourceSchema SCHEMA = ResourceSchema.of(new BlockSchema(
      Map.of(
          "bucket", AttributeSchema.required(Type.STRING).forcingNew(),
          "id", AttributeSchema.computed(Type.STRING)),
      Map.of("rule", new NestedBlock(RULE, NestedBlock.Nesting.SINGLE, 1, 1))));

  @Override
  public String name() {
    return "aws_s3_bucket_server_side_encryption_configuration";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public ObjectValue importPrior(String id) {
    return Value.object(Map.of("id", Value.string(id), "bucket", Value.string(id)));
  }

  @Override
  public dev.kplan.lang.diag.Diagnostics validate(ObjectValue config) {
    String algorithm = Vals.string(Vals.get(Vals.get(config, "rule"), "apply_server_side_encryption_by_default"),
        "sse_algorithm");
    if (algorithm != null && !List.of("AES256", "aws:kms", "aws:kms:dsse").contains(algorithm)) {
      return dev.kplan.lang.diag.Diagnostics.of(dev.kplan.lang.diag.Diagnostic.error("Invalid sse_algorithm",
          "sse_algorithm must be \"AES256\", \"aws:kms\" or \"aws:kms:dsse\", not \"" + algorithm + "\".", null));
    }
    return dev.kplan.lang.diag.Diagnostics.NONE;
  }

  /** Encryption switched off or weakened to something else outside kplan is worth a flag. */
  @Override
  public boolean securitySensitive(String attribute, Value prior, Value live) {
    return attribute.equals("rule");
  }

  /** Deleted by hand: the bucket falls back to S3's default encryption. */
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
    List<ServerSideEncryptionRule> rules;
    try {
      rules = ctx.clients().s3().getBucketEncryption(b -> b.bucket(bucket)).serverSideEncryptionConfiguration().rules();
    } catch (SdkException e) {
      if (AwsErrors.notFound(e) || "ServerSideEncryptionConfigurationNotFoundError".equals(AwsErrors.code(e))) {
        return Value.nullOf(SCHEMA.block().impliedType());
      }
      throw e;
    }
    if (rules.isEmpty()) {
      return Value.nullOf(SCHEMA.block().impliedType());
    }
    ServerSideEncryptionRule r = rules.get(0);
    Value priorRule = Vals.get(prior, "rule");
    Value priorDefault = Vals.get(priorRule, "apply_server_side_encryption_by_default");
    Map<String, Value> rule = new LinkedHashMap<>();
    // left out in the configuration and off in AWS: keep it left out
    Boolean bucketKey = r.bucketKeyEnabled();
    rule.put("bucket_key_enabled", Vals.bool(Vals.bool(priorRule, "bucket_key_enabled") == null
        && !Boolean.TRUE.equals(bucketKey) ? null : Boolean.TRUE.equals(bucketKey)));
    ServerSideEncryptionByDefault d = r.applyServerSideEncryptionByDefault();
    if (d != null) {
      rule.put("apply_server_side_encryption_by_default", Vals.complete(BY_DEFAULT, Map.of(
          "sse_algorithm", Vals.str(d.sseAlgorithmAsString()),
          "kms_master_key_id", Vals.str(Vals.string(priorDefault, "kms_master_key_id") == null
              && d.kmsMasterKeyID() != null && d.kmsMasterKeyID().isEmpty() ? null : d.kmsMasterKeyID()))));
    }
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(bucket));
    m.put("bucket", Value.string(bucket));
    m.put("rule", Vals.complete(RULE, rule));
    return Vals.complete(SCHEMA.block(), m);
  }

  private static void put(String bucket, ObjectValue planned, AwsContext ctx) {
    Value rule = Vals.get(planned, "rule");
    Value d = Vals.get(rule, "apply_server_side_encryption_by_default");
    ServerSideEncryptionRule.Builder r = ServerSideEncryptionRule.builder();
    if (Vals.bool(rule, "bucket_key_enabled") != null) {
      r.bucketKeyEnabled(Vals.bool(rule, "bucket_key_enabled"));
    }
    if (!d.isNull()) {
      r.applyServerSideEncryptionByDefault(x -> x.sseAlgorithm(Vals.string(d, "sse_algorithm"))
          .kmsMasterKeyID(Vals.string(d, "kms_master_key_id")));
    }
    ctx.clients().s3().putBucketEncryption(b -> b.bucket(bucket)
        .serverSideEncryptionConfiguration(c -> c.rules(r.build())));
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
    ctx.clients().s3().deleteBucketEncryption(b -> b.bucket(Vals.string(prior, "id")));
  }
}
