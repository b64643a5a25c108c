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
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * {@code aws_s3_bucket_versioning}: the bucket's versioning status ("Enabled", "Suspended", or "Disabled"
 * for a bucket that never had versioning). A bucket cannot return to unversioned, so deleting this resource
 * suspends versioning, as Terraform does.
 */
final class S3BucketVersioningResource implements ResourceType {
  private static final BlockSchema CONFIGURATION = BlockSchema.of(Map.of(
      "status", AttributeSchema.required(Type.STRING)));
  private static final ResourceSchema SCHEMA = ResourceSchema.of(new BlockSchema(
      Map.of(
          "bucket", AttributeSchema.required(Type.STRING).forcingNew(),
          "id", AttributeSchema.computed(Type.STRING)),
      Map.of("versioning_configuration", new NestedBlock(CONFIGURATION, NestedBlock.Nesting.SINGLE, 1, 1))));

  @Override
  public String name() {
    return "aws_s3_bucket_versioning";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public dev.kplan.lang.diag.Diagnostics validate(ObjectValue config) {
    String status = Vals.string(Vals.get(config, "versioning_configuration"), "status");
    if (status != null && !List.of("Enabled", "Suspended", "Disabled").contains(status)) {
      return dev.kplan.lang.diag.Diagnostics.of(dev.kplan.lang.diag.Diagnostic.error("Invalid versioning status",
          "versioning_configuration.status must be \"Enabled\", \"Suspended\" or \"Disabled\", not \"" + status + "\".",
          null));
    }
    return dev.kplan.lang.diag.Diagnostics.NONE;
  }

  @Override
  public ObjectValue importPrior(String id) {
    return Value.object(Map.of("id", Value.string(id), "bucket", Value.string(id)));
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    return ctx.reads().map(priors, prior -> readOne(prior, ctx));
  }

  private static Value readOne(ObjectValue prior, AwsContext ctx) {
    String bucket = Vals.string(prior, "id");
    String status;
    try {
      status = ctx.clients().s3().getBucketVersioning(b -> b.bucket(bucket)).statusAsString();
    } catch (SdkException e) {
      if (AwsErrors.notFound(e)) {
        return Value.nullOf(SCHEMA.block().impliedType());
      }
      throw e;
    }
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(bucket));
    m.put("bucket", Value.string(bucket));
    m.put("versioning_configuration", Vals.complete(CONFIGURATION,
        Map.of("status", Value.string(status == null || status.isEmpty() ? "Disabled" : status))));
    return Vals.complete(SCHEMA.block(), m);
  }

  private static void put(String bucket, String status, AwsContext ctx) {
    if ("Disabled".equals(status)) {
      return;
    }
    ctx.clients().s3().putBucketVersioning(b -> b.bucket(bucket)
        .versioningConfiguration(v -> v.status(BucketVersioningStatus.fromValue(status))));
  }

  /** A setting of its bucket: applying it again is all an interrupted create needs. */
  @Override
  public boolean remote() {
    return false;
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    String bucket = Vals.string(planned, "bucket");
    put(bucket, Vals.string(Vals.get(planned, "versioning_configuration"), "status"), ctx);
    return bucket;
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    put(Vals.string(prior, "id"), Vals.string(Vals.get(planned, "versioning_configuration"), "status"), ctx);
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    if ("Enabled".equals(Vals.string(Vals.get(prior, "versioning_configuration"), "status"))) {
      put(Vals.string(prior, "id"), "Suspended", ctx);
    }
  }
}
