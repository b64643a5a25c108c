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
import java.util.UUID;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;

/**
 * {@code aws_security_group} without inline rules (rules are {@code aws_vpc_security_group_*_rule}). As
 * Terraform does, the allow-all egress rule AWS adds to a new group in a VPC is removed at create, so that
 * only configured rules open anything.
 */
final class SecurityGroupResource implements ResourceType {
  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.of(
      "name", AttributeSchema.optionalComputed(Type.STRING).forcingNew(),
      "description", AttributeSchema.optionalComputed(Type.STRING).forcingNew(),
      "vpc_id", AttributeSchema.optionalComputed(Type.STRING).forcingNew(),
      "tags", AttributeSchema.optional(Vals.STRING_MAP),
      "tags_all", AttributeSchema.computed(Vals.STRING_MAP),
      "id", AttributeSchema.computed(Type.STRING),
      "arn", AttributeSchema.computed(Type.STRING),
      "owner_id", AttributeSchema.computed(Type.STRING))));

  @Override
  public String name() {
    return "aws_security_group";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, Value> defaults() {
    return Map.of("description", Value.string("Managed by kplan"));
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    Map<String, SecurityGroup> live = Ec2Support.byIds(priors.stream().map(p -> Vals.string(p, "id")).toList(),
        "group-id",
        f -> ctx.clients().ec2().describeSecurityGroupsPaginator(b -> b.filters(f)).securityGroups().stream().toList(),
        SecurityGroup::groupId);
    List<Value> out = new ArrayList<>();
    for (ObjectValue prior : priors) {
      SecurityGroup g = live.get(Vals.string(prior, "id"));
      out.add(g == null ? Value.nullOf(SCHEMA.block().impliedType()) : state(g, prior, ctx));
    }
    return out;
  }

  private static Value state(SecurityGroup g, ObjectValue prior, AwsContext ctx) {
    Map<String, String> visible = Tags.visible(Ec2Support.tags(g.tags()));
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(g.groupId()));
    m.put("arn", Vals.str(g.securityGroupArn() != null ? g.securityGroupArn()
        : "arn:aws:ec2:" + ctx.region() + ":" + g.ownerId() + ":security-group/" + g.groupId()));
    m.put("owner_id", Vals.str(g.ownerId()));
    m.put("name", Vals.str(g.groupName()));
    m.put("description", Vals.str(g.description()));
    m.put("vpc_id", Vals.str(g.vpcId()));
    m.put("tags", Tags.own(visible, ctx.settings().defaultTags(), Vals.get(prior, "tags")));
    m.put("tags_all", Vals.map(visible));
    return Vals.complete(SCHEMA.block(), m);
  }

  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    return Ec2Support.tagged(identity,
        f -> ctx.clients().ec2().describeSecurityGroupsPaginator(b -> b.filters(f)).securityGroups().stream().toList(),
        SecurityGroup::groupId);
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    String name = Vals.string(planned, "name");
    String groupName = name != null ? name : "kplan-" + UUID.randomUUID().toString().substring(0, 13);
    String id = ctx.clients().ec2().createSecurityGroup(b -> b
        .groupName(groupName)
        .description(Vals.string(planned, "description"))
        .vpcId(Vals.string(planned, "vpc_id"))
        .tagSpecifications(Ec2Support.tagSpecification(
            software.amazon.awssdk.services.ec2.model.ResourceType.SECURITY_GROUP,
            Tags.forCreate(Vals.get(planned, "tags_all"), address)))).groupId();
    SecurityGroup g = ctx.clients().ec2().describeSecurityGroups(b -> b.groupIds(id)).securityGroups().get(0);
    for (IpPermission p : g.ipPermissionsEgress()) {
      boolean allowAll = "-1".equals(p.ipProtocol()) && p.ipRanges().stream().anyMatch(r -> "0.0.0.0/0".equals(r.cidrIp()));
      if (allowAll && g.vpcId() != null) {
        ctx.clients().ec2().revokeSecurityGroupEgress(b -> b.groupId(id).ipPermissions(p));
      }
    }
    return id;
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    String id = Vals.string(prior, "id");
    SecurityGroup g = ctx.clients().ec2().describeSecurityGroups(b -> b.groupIds(id)).securityGroups().get(0);
    Ec2Support.updateTags(ctx, id, Ec2Support.tags(g.tags()), Vals.get(planned, "tags_all"), address);
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    ctx.clients().ec2().deleteSecurityGroup(b -> b.groupId(Vals.string(prior, "id")));
  }
}
