package dev.kplan.provider.aws;

import dev.kplan.lang.types.SetType;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * {@code aws_iam_role}. The id is the role name. {@code assume_role_policy} is compared as a document.
 * {@code managed_policy_arns} holds the managed policies attached to the role other than by an
 * {@code aws_iam_role_policy_attachment} (those tag the role, see {@link IamRolePolicyAttachmentResource}):
 * left out, it is planned empty, so a policy attached by hand shows as (security-sensitive) drift and the next
 * apply detaches it; configured, the role has exactly those besides its attachment resources.
 */
final class IamRoleResource implements ResourceType {
  static final Type ARNS = new SetType(Type.STRING);

  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.ofEntries(
      Map.entry("name", AttributeSchema.optionalComputed(Type.STRING).forcingNew()),
      Map.entry("path", AttributeSchema.optionalComputed(Type.STRING).forcingNew()),
      Map.entry("description", AttributeSchema.optional(Type.STRING)),
      Map.entry("assume_role_policy", AttributeSchema.required(Type.STRING)),
      Map.entry("max_session_duration", AttributeSchema.optionalComputed(Type.NUMBER)),
      Map.entry("permissions_boundary", AttributeSchema.optional(Type.STRING)),
      Map.entry("force_detach_policies", AttributeSchema.optionalComputed(Type.BOOL)),
      Map.entry("managed_policy_arns", AttributeSchema.optionalComputed(ARNS)),
      Map.entry("tags", AttributeSchema.optional(Vals.STRING_MAP)),
      Map.entry("tags_all", AttributeSchema.computed(Vals.STRING_MAP)),
      Map.entry("id", AttributeSchema.computed(Type.STRING)),
      Map.entry("arn", AttributeSchema.computed(Type.STRING)),
      Map.entry("unique_id", AttributeSchema.computed(Type.STRING)),
      Map.entry("create_date", AttributeSchema.computed(Type.STRING)))));

  @Override
  public String name() {
    return "aws_iam_role";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, Value> defaults() {
    return Map.of("path", Value.string("/"), "max_session_duration", Value.number(3600),
        "force_detach_policies", Value.bool(false));
  }

  @Override
  public Map<String, Value> whenLeftOut() {
    return Map.of("managed_policy_arns", Value.set(Type.STRING, List.of()));
  }

  @Override
  public dev.kplan.lang.diag.Diagnostics validate(ObjectValue config) {
    return PolicyAttributes.validate(config, "assume_role_policy");
  }

  @Override
  public boolean securitySensitive(String attribute, Value prior, Value live) {
    if (attribute.equals("assume_role_policy")) {
      return PolicyAttributes.broadens(prior, live);
    }
    if (attribute.equals("managed_policy_arns")) {
      // more permissions: any policy attached outside kplan
      Set<String> added = new TreeSet<>(Vals.strings(live));
      Vals.strings(prior).forEach(added::remove);
      return !added.isEmpty();
    }
    return false;
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    return ctx.reads().map(priors, prior -> readOne(prior, ctx));
  }

  private static Value readOne(ObjectValue prior, AwsContext ctx) {
    String name = Vals.string(prior, "id");
    IamClient iam = ctx.clients().iam();
    Role role;
    List<String> attached;
    try {
      role = iam.getRole(b -> b.roleName(name)).role();
      attached = attachedPolicies(iam, name);
    } catch (SdkException e) {
      if (AwsErrors.notFound(e)) {
        return Value.nullOf(SCHEMA.block().impliedType());
      }
      throw e;
    }
    Map<String, String> live = IamTags.map(role.tags());
    Set<String> byResources = IamRolePolicyAttachmentResource.tracked(live);
    List<Value> extra = new ArrayList<>();
    for (String arn : attached) {
      if (!byResources.contains(arn)) {
        extra.add(Value.string(arn));
      }
    }
    Map<String, String> visible = Tags.visible(live);
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(role.roleName()));
    m.put("name", Value.string(role.roleName()));
    m.put("path", Vals.str(role.path()));
    m.put("description", Vals.str(role.description() == null || role.description().isEmpty() ? null : role.description()));
    m.put("assume_role_policy", Vals.str(PolicyDocuments.keepEquivalent(Vals.string(prior, "assume_role_policy"),
        role.assumeRolePolicyDocument())));
    m.put("max_session_duration", Vals.num(role.maxSessionDuration()));
    m.put("permissions_boundary", Vals.str(role.permissionsBoundary() == null ? null
        : role.permissionsBoundary().permissionsBoundaryArn()));
    m.put("force_detach_policies", Value.bool(Boolean.TRUE.equals(Vals.bool(prior, "force_detach_policies"))));
    m.put("managed_policy_arns", Value.set(Type.STRING, extra));
    m.put("tags", Tags.own(visible, ctx.settings().defaultTags(), Vals.get(prior, "tags")));
    m.put("tags_all", Vals.map(visible));
    m.put("arn", Vals.str(role.arn()));
    m.put("unique_id", Vals.str(role.roleId()));
    m.put("create_date", Vals.str(role.createDate() == null ? null : role.createDate().toString()));
    return Vals.complete(SCHEMA.block(), m);
  }

  static List<String> attachedPolicies(IamClient iam, String role) {
    List<String> out = new ArrayList<>();
    for (AttachedPolicy p : iam.listAttachedRolePoliciesPaginator(b -> b.roleName(role)).attachedPolicies()) {
      out.add(p.policyArn());
    }
    return out;
  }

  /** The role's name (configured, else generated here so that it is journaled) and path, and the address tag. */
  @Override
  public Map<String, String> identity(ObjectValue planned, String address) {
    Map<String, String> id = JournaledNames.identity(planned, address, "name", "name", IamRoleResource::newName);
    id.put("path", java.util.Objects.requireNonNullElse(Vals.string(planned, "path"), "/"));
    return id;
  }

  /** GetRole by the journaled name; only a role at that path that carries the address tag is the one kplan made. */
  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    String name = identity.get("name");
    if (name == null) {
      return List.of();
    }
    IamClient iam = ctx.clients().iam();
    Role role;
    try {
      role = iam.getRole(b -> b.roleName(name)).role();
    } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException e) {
      return List.of();
    }
    boolean ours = identity.getOrDefault("path", "/").equals(role.path()) && identity.get(Tags.ADDRESS)
        .equals(IamTags.map(iam.listRoleTags(b -> b.roleName(name)).tags()).get(Tags.ADDRESS));
    return ours ? List.of(name) : List.of();
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
    String name = JournaledNames.name(planned, "name", identity, "name", IamRoleResource::newName);
    IamClient iam = ctx.clients().iam();
    Propagation.run(() -> iam.createRole(b -> {
      b.roleName(name).path(Vals.string(planned, "path")).assumeRolePolicyDocument(Vals.string(planned, "assume_role_policy"))
          .description(Vals.string(planned, "description")).maxSessionDuration(Vals.integer(planned, "max_session_duration"))
          .permissionsBoundary(Vals.string(planned, "permissions_boundary"))
          .tags(IamTags.list(Tags.forCreate(Vals.get(planned, "tags_all"), address)));
    }));
    for (String arn : Vals.strings(Vals.get(planned, "managed_policy_arns"))) {
      Propagation.run(() -> iam.attachRolePolicy(b -> b.roleName(name).policyArn(arn)));
    }
    return name;
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    String name = Vals.string(prior, "id");
    IamClient iam = ctx.clients().iam();
    if (!PolicyDocuments.equivalent(Vals.string(prior, "assume_role_policy"), Vals.string(planned, "assume_role_policy"))) {
      iam.updateAssumeRolePolicy(b -> b.roleName(name).policyDocument(Vals.string(planned, "assume_role_policy")));
    }
    if (!java.util.Objects.equals(Vals.string(prior, "description"), Vals.string(planned, "description"))
        || !java.util.Objects.equals(Vals.integer(prior, "max_session_duration"), Vals.integer(planned, "max_session_duration"))) {
      String description = Vals.string(planned, "description");
      iam.updateRole(b -> b.roleName(name).description(description == null ? "" : description)
          .maxSessionDuration(Vals.integer(planned, "max_session_duration")));
    }
    String boundary = Vals.string(planned, "permissions_boundary");
    if (!java.util.Objects.equals(Vals.string(prior, "permissions_boundary"), boundary)) {
      if (boundary == null) {
        iam.deleteRolePermissionsBoundary(b -> b.roleName(name));
      } else {
        iam.putRolePermissionsBoundary(b -> b.roleName(name).permissionsBoundary(boundary));
      }
    }
    Role role = iam.getRole(b -> b.roleName(name)).role();
    Map<String, String> liveTags = IamTags.map(role.tags());
    IamTags.update(liveTags, Vals.get(planned, "tags_all"), address,
        keys -> iam.untagRole(b -> b.roleName(name).tagKeys(keys)), tags -> iam.tagRole(b -> b.roleName(name).tags(tags)));
    Set<String> want = new TreeSet<>(Vals.strings(Vals.get(planned, "managed_policy_arns")));
    Set<String> byResources = IamRolePolicyAttachmentResource.tracked(liveTags);
    for (String arn : attachedPolicies(iam, name)) {
      if (!byResources.contains(arn) && !want.remove(arn)) {
        iam.detachRolePolicy(b -> b.roleName(name).policyArn(arn));
      }
    }
    for (String arn : want) {
      iam.attachRolePolicy(b -> b.roleName(name).policyArn(arn));
    }
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    String name = Vals.string(prior, "id");
    IamClient iam = ctx.clients().iam();
    boolean force = Boolean.TRUE.equals(Vals.bool(prior, "force_detach_policies"));
    Set<String> own = new TreeSet<>(Vals.strings(Vals.get(prior, "managed_policy_arns")));
    for (String arn : attachedPolicies(iam, name)) {
      if (force || own.contains(arn)) {
        iam.detachRolePolicy(b -> b.roleName(name).policyArn(arn));
      }
    }
    if (force) {
      for (String policy : iam.listRolePoliciesPaginator(b -> b.roleName(name)).policyNames()) {
        iam.deleteRolePolicy(b -> b.roleName(name).policyName(policy));
      }
    }
    iam.deleteRole(b -> b.roleName(name));
  }
}
