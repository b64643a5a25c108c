package dev.kplan.provider.aws;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.ResourceSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * {@code aws_s3_bucket}: name, tags and {@code force_destroy}. S3 has no batch read: a refresh of several
 * buckets learns which exist from one ListBuckets (heading only those it does not list: another account's),
 * then reads the tags of each bucket, several at a time within a rate limit.
 */
final class S3BucketResource implements ResourceType {
  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.of(
      "bucket", AttributeSchema.optionalComputed(Type.STRING).forcingNew(),
      "force_destroy", AttributeSchema.optionalComputed(Type.BOOL),
      "tags", AttributeSchema.optional(Vals.STRING_MAP),
      "tags_all", AttributeSchema.computed(Vals.STRING_MAP),
      "id", AttributeSchema.computed(Type.STRING),
      "arn", AttributeSchema.computed(Type.STRING),
      "bucket_domain_name", AttributeSchema.computed(Type.STRING),
      "region", AttributeSchema.computed(Type.STRING),
      "public_acl_grants", AttributeSchema.computed(new dev.kplan.lang.types.ListType(Type.STRING))
          .describedAs("what the bucket's ACL grants to everyone or to any AWS user, e.g. \"AllUsers:READ\""))));

  /** The ACL grantee groups that make a bucket public. */
  private static final Map<String, String> PUBLIC_GROUPS = Map.of(
      "http://acs.amazonaws.com/groups/global/AllUsers", "AllUsers",
      "http://acs.amazonaws.com/groups/global/AuthenticatedUsers", "AuthenticatedUsers");

  @Override
  public String name() {
    return "aws_s3_bucket";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, Value> defaults() {
    return Map.of("force_destroy", Value.bool(false));
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    java.util.Set<String> listed = priors.size() > 1 ? listed(ctx.clients().s3()) : java.util.Set.of();
    return ctx.reads().map(priors, prior -> readOne(prior, listed, ctx));
  }

  /** The account's buckets (ListBuckets pages through all regions' buckets). */
  private static java.util.Set<String> listed(S3Client s3) {
    java.util.Set<String> out = new java.util.HashSet<>();
    s3.listBucketsPaginator(b -> b.maxBuckets(10_000)).buckets().forEach(b -> out.add(b.name()));
    return out;
  }

  private static Value readOne(ObjectValue prior, java.util.Set<String> listed, AwsContext ctx) {
    String bucket = Vals.string(prior, "id");
    S3Client s3 = ctx.clients().s3();
    Map<String, String> tags;
    List<Value> publicGrants;
    try {
      if (!listed.contains(bucket)) {
        s3.headBucket(b -> b.bucket(bucket));
      }
      tags = liveTags(s3, bucket);
      publicGrants = publicGrants(s3, bucket);
    } catch (SdkException e) {
      if (AwsErrors.notFound(e)) { // also a bucket deleted since ListBuckets
        return Value.nullOf(SCHEMA.block().impliedType());
      }
      throw e;
    }
    Map<String, String> visible = Tags.visible(tags);
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(bucket));
    m.put("bucket", Value.string(bucket));
    m.put("arn", Value.string("arn:aws:s3:::" + bucket));
    m.put("bucket_domain_name", Value.string(bucket + ".s3.amazonaws.com"));
    m.put("region", Value.string(ctx.region()));
    Boolean force = Vals.bool(prior, "force_destroy");
    m.put("force_destroy", Value.bool(Boolean.TRUE.equals(force)));
    m.put("tags", Tags.own(visible, ctx.settings().defaultTags(), Vals.get(prior, "tags")));
    m.put("tags_all", Vals.map(visible));
    m.put("public_acl_grants", Value.list(Type.STRING, publicGrants));
    return Vals.complete(SCHEMA.block(), m);
  }

  /** The ACL's grants to everyone or to any authenticated AWS user, sorted, as "GROUP:PERMISSION". */
  private static List<Value> publicGrants(S3Client s3, String bucket) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    for (software.amazon.awssdk.services.s3.model.Grant g : s3.getBucketAcl(b -> b.bucket(bucket)).grants()) {
      String group = g.grantee() == null || g.grantee().uri() == null ? null : PUBLIC_GROUPS.get(g.grantee().uri());
      if (group != null) {
        out.add(group + ":" + g.permissionAsString());
      }
    }
    List<Value> list = new ArrayList<>();
    out.forEach(v -> list.add(Value.string(v)));
    return list;
  }

  /** An ACL that starts granting anything to everyone (or to every AWS account) is security-sensitive drift. */
  @Override
  public boolean securitySensitive(String attribute, Value prior, Value live) {
    if (!attribute.equals("public_acl_grants") || live == null || live.isNull()) {
      return false;
    }
    java.util.Set<String> before = new java.util.HashSet<>(Vals.strings(prior));
    return !before.containsAll(Vals.strings(live));
  }

  private static Map<String, String> liveTags(S3Client s3, String bucket) {
    Map<String, String> out = new TreeMap<>();
    try {
      for (Tag t : s3.getBucketTagging(b -> b.bucket(bucket)).tagSet()) {
        out.put(t.key(), t.value());
      }
    } catch (SdkException e) {
      if (!(e instanceof software.amazon.awssdk.awscore.exception.AwsServiceException se
          && se.awsErrorDetails() != null && "NoSuchTagSet".equals(se.awsErrorDetails().errorCode()))) {
        throw e;
      }
    }
    return out;
  }

  private static void putTags(S3Client s3, String bucket, Map<String, String> tags) {
    if (tags.isEmpty()) {
      s3.deleteBucketTagging(b -> b.bucket(bucket));
      return;
    }
    List<Tag> list = new ArrayList<>();
    tags.forEach((k, v) -> list.add(Tag.builder().key(k).value(v).build()));
    s3.putBucketTagging(b -> b.bucket(bucket).tagging(t -> t.tagSet(list)));
  }

  /** The bucket's name when the configuration gives one (names are global), and the address tag. */
  @Override
  public Map<String, String> identity(ObjectValue planned, String address) {
    Map<String, String> id = new TreeMap<>(Map.of(Tags.ADDRESS, address));
    String given = Vals.string(planned, "bucket");
    if (given != null) {
      id.put("bucket", given);
    }
    return id;
  }

  /**
   * A named bucket by HeadBucket (the create tags it only right after CreateBucket, so a bucket of that name in
   * this account counts as the one kplan made); a generated name ({@code kplan-…}) by listing the buckets of that
   * prefix and reading their address tag.
   */
  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    S3Client s3 = ctx.clients().s3();
    String bucket = identity.get("bucket");
    if (bucket != null) {
      try {
        s3.headBucket(b -> b.bucket(bucket));
        return List.of(bucket);
      } catch (SdkException e) {
        if (AwsErrors.notFound(e)) {
          return List.of();
        }
        throw e;
      }
    }
    List<String> out = new ArrayList<>();
    for (software.amazon.awssdk.services.s3.model.Bucket b : s3.listBuckets().buckets()) {
      if (b.name().startsWith("kplan-")
          && identity.get(Tags.ADDRESS).equals(liveTags(s3, b.name()).get(Tags.ADDRESS))) {
        out.add(b.name());
      }
    }
    return out;
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    String given = Vals.string(planned, "bucket");
    String bucket = given != null ? given : "kplan-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    String region = ctx.region();
    ctx.clients().s3().createBucket(b -> {
      b.bucket(bucket);
      if (!"us-east-1".equals(region)) {
        b.createBucketConfiguration(c -> c.locationConstraint(region));
      }
    });
    putTags(ctx.clients().s3(), bucket, Tags.forCreate(Vals.get(planned, "tags_all"), address));
    return bucket;
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    String bucket = Vals.string(prior, "id");
    Map<String, String> live = liveTags(ctx.clients().s3(), bucket);
    if (Tags.change(live, Vals.get(planned, "tags_all"), address).isEmpty()) {
      return;
    }
    // S3 replaces the whole tag set: keep kplan's own tags
    Map<String, String> next = new TreeMap<>();
    live.forEach((k, v) -> {
      if (k.startsWith(Tags.PREFIX)) {
        next.put(k, v);
      }
    });
    next.putAll(Tags.forCreate(Vals.get(planned, "tags_all"), address));
    putTags(ctx.clients().s3(), bucket, next);
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    String bucket = Vals.string(prior, "id");
    S3Client s3 = ctx.clients().s3();
    if (Boolean.TRUE.equals(Vals.bool(prior, "force_destroy"))) {
      for (var page : s3.listObjectVersionsPaginator(b -> b.bucket(bucket))) {
        List<ObjectIdentifier> ids = new ArrayList<>();
        page.versions().forEach(v -> ids.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
        page.deleteMarkers().forEach(v -> ids.add(ObjectIdentifier.builder().key(v.key()).versionId(v.versionId()).build()));
        if (!ids.isEmpty()) {
          s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(ids)));
        }
      }
    }
    s3.deleteBucket(b -> b.bucket(bucket));
  }
}
