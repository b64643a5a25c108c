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
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code aws_iam_role_policy}: an inline policy of a role; id and import id {@code ROLE:NAME}, as in
 * Terraform. The document is compared by meaning; one that gains wildcards outside kplan is flagged.
 */
final class IamRolePolicyResource implements ResourceType {
  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.of(
      "role", AttributeSchema.required(Type.STRING).forcingNew(),
      "name", AttributeSchema.optionalComputed(Type.STRING).forcingNew(),
      "policy", AttributeSchema.required(Type.STRING),
      "id", AttributeSchema.computed(Type.STRING))));

  @Override
  public String name() {
    return "aws_iam_role_policy";
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
  public boolean securitySensitive(String attribute, Value prior, Value live) {
    return attribute.equals("policy") && PolicyAttributes.broadens(prior, live);
  }

  @Override
  public ObjectValue importPrior(String id) {
    if (id.indexOf(':') <= 0) {
      throw new IllegalArgumentException("an aws_iam_role_policy id is ROLE:NAME, not \"" + id + "\"");
    }
    return Value.object(Map.of("id", Value.string(id)));
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    return ctx.reads().map(priors, prior -> readOne(prior, ctx));
  }

  private static Value readOne(ObjectValue prior, AwsContext ctx) {
    String id = Vals.string(prior, "id");
    int colon = id.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("an aws_iam_role_policy id is ROLE:NAME, not \"" + id + "\"");
    }
    String role = id.substring(0, colon);
    String name = id.substring(colon + 1);
    String document;
    try {
      document = ctx.clients().iam().getRolePolicy(b -> b.roleName(role).policyName(name)).policyDocument();
    } catch (SdkException e) {
      if (AwsErrors.notFound(e)) {
        return Value.nullOf(SCHEMA.block().impliedType());
      }
      throw e;
    }
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(id));
    m.put("role", Value.string(role));
    m.put("name", Value.string(name));
    m.put("policy", Vals.str(PolicyDocuments.keepEquivalent(Vals.string(prior, "policy"), document)));
    return Vals.complete(SCHEMA.block(), m);
  }

  private static void put(String role, String name, ObjectValue planned, AwsContext ctx) {
    Propagation.run(() -> ctx.clients().iam().putRolePolicy(b -> b.roleName(role).policyName(name)
        .policyDocument(Vals.string(planned, "policy"))));
  }

  /**
   * The role and the policy's name (configured, else generated here so that it is journaled). With both known a
   * create is a PutRolePolicy that could simply be repeated; the lookup still lets the plan show the adoption.
   */
  @Override
  public Map<String, String> identity(ObjectValue planned, String address) {
    Map<String, String> id = JournaledNames.identity(planned, address, "name", "name", IamRolePolicyResource::newName);
    id.put("role", Vals.string(planned, "role"));
    return id;
  }

  /** GetRolePolicy for the journaled role and name (inline policies carry no tags). */
  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    String role = identity.get("role");
    String name = identity.get("name");
    if (role == null || name == null) {
      return List.of();
    }
    try {
      ctx.clients().iam().getRolePolicy(b -> b.roleName(role).policyName(name));
      return List.of(role + ":" + name);
    } catch (software.amazon.awssdk.services.iam.model.NoSuchEntityException e) {
      return List.of();
    }
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
    String role = Vals.string(planned, "role");
    String name = JournaledNames.name(planned, "name", identity, "name", IamRolePolicyResource::newName);
    put(role, name, planned, ctx);
    return role + ":" + name;
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    put(Vals.string(prior, "role"), Vals.string(prior, "name"), planned, ctx);
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    ctx.clients().iam().deleteRolePolicy(b -> b.roleName(Vals.string(prior, "role")).policyName(Vals.string(prior, "name")));
  }
}
