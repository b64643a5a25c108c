package dev.kplan.provider.aws;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.ResourceSchema;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Policy;
import software.amazon.awssdk.services.iam.model.PolicyVersion;

/**
 * {@code aws_iam_policy}: a customer managed policy; id and import id are its ARN. A changed document
 * becomes a new default version (the oldest other version is deleted first when AWS's five are taken);
 * the name, path and description force a replacement, as in Terraform.
 */
final class IamPolicyResource implements ResourceType {
  private static final int MAX_VERSIONS = 5;

  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.ofEntries(
      Map.entry("name", AttributeSchema.optionalComputed(Type.STRING).forcingNew()),
      Map.entry("path", AttributeSchema.optionalComputed(Type.STRING).forcingNew()),
      Map.entry("description", AttributeSchema.optional(Type.STRING).forcingNew()),
      Map.entry("policy", AttributeSchema.required(Type.STRING)),
      Map.entry("tags", AttributeSchema.optional(Vals.STRING_MAP)),
      Map.entry("tags_all", AttributeSchema.computed(Vals.STRING_MAP)),
      Map.entry("id", AttributeSchema.computed(Type.STRING)),
      Map.entry("arn", AttributeSchema.computed(Type.STRING)),
      Map.entry("policy_id", AttributeSchema.computed(Type.STRING)))));

  @Override
  public String name() {
    return "aws_iam_policy";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, Value> defaults() {
    return Map.of("path", Value.string("/"));
  }

  @Override
  public dev.kplan.lang.diag.Diagnostics validate(ObjectValue config) {
    return PolicyAttributes.validate(config, "policy");
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
    String arn = Vals.string(prior, "id");
    IamClient iam = ctx.clients().iam();
    Policy p;
    String document;
    Map<String, String> live;
    try {
      p = iam.getPolicy(b -> b.policyArn(arn)).policy();
      document = iam.getPolicyVersion(b -> b.policyArn(arn).versionId(p.defaultVersionId())).policyVersion().document();
      live = IamTags.map(iam.listPolicyTags(b -> b.policyArn(arn)).tags());
    } catch (SdkException e) {
      if (AwsErrors.notFound(e)) {
        return Value.nullOf(SCHEMA.block().impliedType());
      }
      throw e;
    }
    Map<String, String> visible = Tags.visible(live);
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(p.arn()));
    m.put("arn", Value.string(p.arn()));
    m.put("name", Vals.str(p.policyName()));
    m.put("path", Vals.str(p.path()));
    m.put("description", Vals.str(p.description() == null || p.description().isEmpty() ? null : p.description()));
    m.put("policy", Vals.str(PolicyDocuments.keepEquivalent(Vals.string(prior, "policy"), document)));
    m.put("policy_id", Vals.str(p.policyId()));
    m.put("tags", Tags.own(visible, ctx.settings().defaultTags(), Vals.get(prior, "tags")));
    m.put("tags_all", Vals.map(visible));
    return Vals.complete(SCHEMA.block(), m);
  }

  /** The policy's name (configured, else generated here so that it is journaled) and path, and the address tag. */
  @Override
  public Map<String, String> identity(ObjectValue planned, String address) {
    Map<String, String> id = JournaledNames.identity(planned, address, "name", "name", IamPolicyResource::newName);
    id.put("path", java.util.Objects.requireNonNullElse(Vals.string(planned, "path"), "/"));
    return id;
  }

  /** The account's own policies at the journaled path with the journaled name that carry the address tag. */
  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    String name = identity.get("name");
    if (name == null) {
      return List.of();
    }
    IamClient iam = ctx.clients().iam();
    String path = identity.getOrDefault("path", "/");
    return iam.listPoliciesPaginator(b -> b.scope(software.amazon.awssdk.services.iam.model.PolicyScopeType.LOCAL)
            .pathPrefix(path)).policies().stream()
        .filter(p -> name.equals(p.policyName()) && path.equals(p.path()))
        .map(Policy::arn)
        .filter(arn -> identity.get(Tags.ADDRESS)
            .equals(IamTags.map(iam.listPolicyTags(b -> b.policyArn(arn)).tags()).get(Tags.ADDRESS)))
        .distinct().sorted().toList();
  }

  private static String newName() {
    return "kplan-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    return create(planned, address, Map.of(), ctx);
  }

  @Override
  public String create(ObjectValue planned, String address, Map<String, String> identity, AwsContext ctx) {
    String name = JournaledNames.name(planned, "name", identity, "name", IamPolicyResource::newName);
    return ctx.clients().iam().createPolicy(b -> b.policyName(name).path(Vals.string(planned, "path"))
        .description(Vals.string(planned, "description")).policyDocument(Vals.string(planned, "policy"))
        .tags(IamTags.list(Tags.forCreate(Vals.get(planned, "tags_all"), address)))).policy().arn();
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    String arn = Vals.string(prior, "id");
    IamClient iam = ctx.clients().iam();
    if (!PolicyDocuments.equivalent(Vals.string(prior, "policy"), Vals.string(planned, "policy"))) {
      List<PolicyVersion> versions = iam.listPolicyVersions(b -> b.policyArn(arn)).versions();
      if (versions.size() >= MAX_VERSIONS) {
        versions.stream().filter(v -> !Boolean.TRUE.equals(v.isDefaultVersion()))
            .min(Comparator.comparing(PolicyVersion::createDate))
            .ifPresent(v -> iam.deletePolicyVersion(b -> b.policyArn(arn).versionId(v.versionId())));
      }
      iam.createPolicyVersion(b -> b.policyArn(arn).policyDocument(Vals.string(planned, "policy")).setAsDefault(true));
    }
    Map<String, String> live = IamTags.map(iam.listPolicyTags(b -> b.policyArn(arn)).tags());
    IamTags.update(live, Vals.get(planned, "tags_all"), address,
        keys -> iam.untagPolicy(b -> b.policyArn(arn).tagKeys(keys)), tags -> iam.tagPolicy(b -> b.policyArn(arn).tags(tags)));
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    String arn = Vals.string(prior, "id");
    IamClient iam = ctx.clients().iam();
    for (PolicyVersion v : iam.listPolicyVersions(b -> b.policyArn(arn)).versions()) {
      if (!Boolean.TRUE.equals(v.isDefaultVersion())) {
        iam.deletePolicyVersion(b -> b.policyArn(arn).versionId(v.versionId()));
      }
    }
    iam.deletePolicy(b -> b.policyArn(arn));
  }
}
