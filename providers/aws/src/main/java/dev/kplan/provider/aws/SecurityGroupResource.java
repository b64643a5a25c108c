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
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * {@code aws_security_group} without inline rules (rules are {@code aws_vpc_security_group_*_rule}). As
 * Terraform does, the allow-all egress rule AWS adds to a new group in a VPC is removed at create, so that
 * only configured rules open anything. The computed {@code unmanaged_ingress} / {@code unmanaged_egress} list the
 * group's rules that no kplan rule resource created (those carry the address tag): a rule added by hand to a managed
 * group is drift of the group, flagged security-sensitive when it opens more than the web ports to the internet.
 */
final class SecurityGroupResource implements ResourceType {
  static final String TYPE = "aws_security_group";
  static final dev.kplan.lang.types.ObjectType RULE = new dev.kplan.lang.types.ObjectType(Map.of(
      "security_group_rule_id", Type.STRING, "ip_protocol", Type.STRING, "from_port", Type.NUMBER,
      "to_port", Type.NUMBER, "cidr_ipv4", Type.STRING, "cidr_ipv6", Type.STRING, "prefix_list_id", Type.STRING,
      "referenced_security_group_id", Type.STRING, "description", Type.STRING));
  private static final Type RULES = new dev.kplan.lang.types.ListType(RULE);
  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.of(
      "unmanaged_ingress", AttributeSchema.computed(RULES),
      "unmanaged_egress", AttributeSchema.computed(RULES),
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
    return TYPE;
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
    Map<String, List<SecurityGroupRule>> rules = new TreeMap<>();
    Ec2Support.byIds(new ArrayList<>(live.keySet()), "group-id",
        f -> ctx.clients().ec2().describeSecurityGroupRulesPaginator(b -> b.filters(f)).securityGroupRules().stream()
            .toList(),
        SecurityGroupRule::securityGroupRuleId).values()
        .forEach(r -> rules.computeIfAbsent(r.groupId(), k -> new ArrayList<>()).add(r));
    List<Value> out = new ArrayList<>();
    for (ObjectValue prior : priors) {
      SecurityGroup g = live.get(Vals.string(prior, "id"));
      out.add(g == null ? Value.nullOf(SCHEMA.block().impliedType())
          : state(g, rules.getOrDefault(g.groupId(), List.of()), prior, ctx));
    }
    return out;
  }

  /** The group's rules in one direction that carry no kplan address tag, by rule id; null for none if so stored. */
  private static Value unowned(List<SecurityGroupRule> rules, boolean egress, Value prior) {
    List<Value> out = new ArrayList<>();
    for (SecurityGroupRule r : rules) {
      if (Boolean.TRUE.equals(r.isEgress()) != egress
          || r.tags().stream().anyMatch(t -> t.key().equals(Tags.ADDRESS))) {
        continue;
      }
      boolean all = "-1".equals(Normal.protocol(r.ipProtocol()));
      Map<String, Value> m = new LinkedHashMap<>();
      m.put("security_group_rule_id", Vals.str(r.securityGroupRuleId()));
      m.put("ip_protocol", Vals.str(Normal.protocol(r.ipProtocol())));
      m.put("from_port", all ? Vals.num(null) : Vals.num(r.fromPort()));
      m.put("to_port", all ? Vals.num(null) : Vals.num(r.toPort()));
      m.put("cidr_ipv4", Vals.str(r.cidrIpv4()));
      m.put("cidr_ipv6", Vals.str(r.cidrIpv6()));
      m.put("prefix_list_id", Vals.str(r.prefixListId()));
      m.put("referenced_security_group_id", Vals.str(r.referencedGroupInfo() == null ? null
          : r.referencedGroupInfo().groupId()));
      m.put("description", Vals.str(r.description() == null || r.description().isEmpty() ? null : r.description()));
      out.add(Value.object(m));
    }
    if (out.isEmpty() && prior.isKnown() && prior.isNull()) {
      return Value.nullOf(RULES); // as stored before kplan listed them: not a change
    }
    out.sort(java.util.Comparator.comparing(v -> Vals.string(v, "security_group_rule_id")));
    return Value.list(RULE, out);
  }

  /** A rule not in the stored list that opens more than the web ports to the internet touches security. */
  @Override
  public boolean securitySensitive(String attribute, Value prior, Value live) {
    if (!attribute.equals("unmanaged_ingress")) {
      return false;
    }
    List<Value> before = Vals.elements(prior);
    return Vals.elements(live).stream().anyMatch(r -> !before.contains(r) && SecurityDrift.worldOpenBeyondWeb(r));
  }

  private static Value state(SecurityGroup g, List<SecurityGroupRule> rules, ObjectValue prior, AwsContext ctx) {
    Map<String, String> visible = Tags.visible(Ec2Support.tags(g.tags()));
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(g.groupId()));
    m.put("arn", Vals.str(g.securityGroupArn() != null ? g.securityGroupArn()
        : "arn:aws:ec2:" + ctx.region() + ":" + g.ownerId() + ":security-group/" + g.groupId()));
    m.put("owner_id", Vals.str(g.ownerId()));
    m.put("name", Vals.str(g.groupName()));
    m.put("description", Vals.str(g.description()));
    m.put("vpc_id", Vals.str(g.vpcId()));
    m.put("unmanaged_ingress", unowned(rules, false, Vals.get(prior, "unmanaged_ingress")));
    m.put("unmanaged_egress", unowned(rules, true, Vals.get(prior, "unmanaged_egress")));
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
