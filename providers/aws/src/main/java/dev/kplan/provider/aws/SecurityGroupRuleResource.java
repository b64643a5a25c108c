package dev.kplan.provider.aws;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
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
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.Ipv6Range;
import software.amazon.awssdk.services.ec2.model.PrefixListId;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleRequest;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleUpdate;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * {@code aws_vpc_security_group_ingress_rule} and {@code aws_vpc_security_group_egress_rule}: one rule
 * each, with its own id, so that a rule changed by hand is changed back in place (ModifySecurityGroupRules).
 * A refresh sends one DescribeSecurityGroupRules (paginated) per 200 groups of the rules (group-id filter), or
 * per 200 rules (security-group-rule-id filter) when that takes fewer requests or a rule's group is not known.
 * Protocol "-1" (or "all") means every protocol and then has no ports.
 */
final class SecurityGroupRuleResource implements ResourceType {
  private static final List<String> TARGETS = List.of("cidr_ipv4", "cidr_ipv6", "prefix_list_id", "referenced_security_group_id");
  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.ofEntries(
      Map.entry("security_group_id", AttributeSchema.required(Type.STRING).forcingNew()),
      Map.entry("ip_protocol", AttributeSchema.required(Type.STRING)),
      Map.entry("from_port", AttributeSchema.optional(Type.NUMBER)),
      Map.entry("to_port", AttributeSchema.optional(Type.NUMBER)),
      Map.entry("cidr_ipv4", AttributeSchema.optional(Type.STRING)),
      Map.entry("cidr_ipv6", AttributeSchema.optional(Type.STRING)),
      Map.entry("prefix_list_id", AttributeSchema.optional(Type.STRING)),
      Map.entry("referenced_security_group_id", AttributeSchema.optional(Type.STRING)),
      Map.entry("description", AttributeSchema.optional(Type.STRING)),
      Map.entry("tags", AttributeSchema.optional(Vals.STRING_MAP)),
      Map.entry("tags_all", AttributeSchema.computed(Vals.STRING_MAP)),
      Map.entry("id", AttributeSchema.computed(Type.STRING)),
      Map.entry("security_group_rule_id", AttributeSchema.computed(Type.STRING)),
      Map.entry("arn", AttributeSchema.computed(Type.STRING)))));

  private final boolean egress;

  SecurityGroupRuleResource(boolean egress) {
    this.egress = egress;
  }

  @Override
  public String name() {
    return egress ? "aws_vpc_security_group_egress_rule" : "aws_vpc_security_group_ingress_rule";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public Diagnostics validate(ObjectValue config) {
    int set = 0;
    for (String t : TARGETS) {
      Value v = Vals.get(config, t);
      if (!v.isKnown()) {
        return Diagnostics.NONE;
      }
      set += v.isNull() ? 0 : 1;
    }
    if (set != 1) {
      return Diagnostics.of(Diagnostic.error("Invalid security group rule",
          name() + " needs exactly one of " + String.join(", ", TARGETS) + "; this one has " + set + ".", null));
    }
    String protocol = Vals.string(config, "ip_protocol");
    if (protocol != null && !"-1".equals(Normal.protocol(protocol))
        && (Vals.get(config, "from_port").isNull() || Vals.get(config, "to_port").isNull())
        && !"icmp".equals(Normal.protocol(protocol)) && !"icmpv6".equals(Normal.protocol(protocol))) {
      return Diagnostics.of(Diagnostic.error("Invalid security group rule",
          name() + " with ip_protocol \"" + protocol + "\" needs from_port and to_port.", null));
    }
    return Diagnostics.NONE;
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    List<String> ruleIds = priors.stream().map(p -> Vals.string(p, "id")).distinct().toList();
    List<String> groupIds = priors.stream().map(p -> Vals.string(p, "security_group_id")).distinct().toList();
    // a group has at most a few dozen rules: by group the same rules come in fewer requests (an imported
    // rule's prior holds only its id, so then by rule id)
    boolean byGroup = readByGroup(ruleIds, groupIds);
    Map<String, SecurityGroupRule> live = Ec2Support.byIds(byGroup ? groupIds : ruleIds,
        byGroup ? "group-id" : "security-group-rule-id",
        f -> ctx.clients().ec2().describeSecurityGroupRulesPaginator(b -> b.filters(f)).securityGroupRules().stream()
            .toList(),
        SecurityGroupRule::securityGroupRuleId);
    List<Value> out = new ArrayList<>();
    for (ObjectValue prior : priors) {
      SecurityGroupRule r = live.get(Vals.string(prior, "id"));
      boolean here = r != null && Boolean.TRUE.equals(r.isEgress()) == egress;
      out.add(here ? state(r, prior, ctx) : Value.nullOf(SCHEMA.block().impliedType()));
    }
    return out;
  }

  /** Whether reading the rules' groups takes fewer requests than reading the rules by id. */
  static boolean readByGroup(List<String> ruleIds, List<String> groupIds) {
    return !groupIds.contains(null) && chunks(groupIds) < chunks(ruleIds);
  }

  private static int chunks(List<String> ids) {
    return (ids.size() + Ec2Support.FILTER_CHUNK - 1) / Ec2Support.FILTER_CHUNK;
  }

  private static final List<String> REACH = List.of("ip_protocol", "from_port", "to_port", "cidr_ipv4", "cidr_ipv6",
      "prefix_list_id", "referenced_security_group_id");

  /**
   * A change of who can reach what (protocol, ports, source) touches security when the ingress rule now lets the whole
   * internet in beyond ports 80/443.
   */
  @Override
  public boolean securitySensitiveChange(String attribute, ObjectValue stored, ObjectValue live) {
    return !egress && REACH.contains(attribute) && SecurityDrift.worldOpenBeyondWeb(live);
  }

  private static Value state(SecurityGroupRule r, ObjectValue prior, AwsContext ctx) {
    Map<String, String> visible = Tags.visible(Ec2Support.tags(r.tags()));
    String protocol = Normal.keepEquivalent(Vals.string(prior, "ip_protocol"), r.ipProtocol(), Normal::protocol);
    boolean all = "-1".equals(Normal.protocol(r.ipProtocol()));
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(r.securityGroupRuleId()));
    m.put("security_group_rule_id", Value.string(r.securityGroupRuleId()));
    m.put("arn", Vals.str(r.securityGroupRuleArn() != null ? r.securityGroupRuleArn()
        : "arn:aws:ec2:" + ctx.region() + ":" + r.groupOwnerId() + ":security-group-rule/" + r.securityGroupRuleId()));
    m.put("security_group_id", Vals.str(r.groupId()));
    m.put("ip_protocol", Vals.str(protocol));
    m.put("from_port", all ? null : Vals.num(r.fromPort()));
    m.put("to_port", all ? null : Vals.num(r.toPort()));
    m.put("cidr_ipv4", Vals.str(Normal.keepEquivalent(Vals.string(prior, "cidr_ipv4"), r.cidrIpv4(), Normal::cidr)));
    m.put("cidr_ipv6", Vals.str(Normal.keepEquivalent(Vals.string(prior, "cidr_ipv6"), r.cidrIpv6(), Normal::cidr)));
    m.put("prefix_list_id", Vals.str(r.prefixListId()));
    m.put("referenced_security_group_id", Vals.str(r.referencedGroupInfo() == null ? null : r.referencedGroupInfo().groupId()));
    m.put("description", Vals.str(r.description() == null || r.description().isEmpty() ? null : r.description()));
    m.put("tags", Tags.own(visible, ctx.settings().defaultTags(), Vals.get(prior, "tags")));
    m.put("tags_all", Vals.map(visible));
    return Vals.complete(SCHEMA.block(), m);
  }

  private static IpPermission permission(ObjectValue planned) {
    String protocol = Normal.protocol(Vals.string(planned, "ip_protocol"));
    String description = Vals.string(planned, "description");
    IpPermission.Builder p = IpPermission.builder().ipProtocol(protocol);
    if (!"-1".equals(protocol)) {
      p.fromPort(Vals.integer(planned, "from_port")).toPort(Vals.integer(planned, "to_port"));
    }
    if (Vals.string(planned, "cidr_ipv4") != null) {
      p.ipRanges(IpRange.builder().cidrIp(Vals.string(planned, "cidr_ipv4")).description(description).build());
    } else if (Vals.string(planned, "cidr_ipv6") != null) {
      p.ipv6Ranges(Ipv6Range.builder().cidrIpv6(Vals.string(planned, "cidr_ipv6")).description(description).build());
    } else if (Vals.string(planned, "prefix_list_id") != null) {
      p.prefixListIds(PrefixListId.builder().prefixListId(Vals.string(planned, "prefix_list_id")).description(description).build());
    } else {
      p.userIdGroupPairs(UserIdGroupPair.builder().groupId(Vals.string(planned, "referenced_security_group_id"))
          .description(description).build());
    }
    return p.build();
  }

  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    return Ec2Support.tagged(identity,
        f -> ctx.clients().ec2().describeSecurityGroupRulesPaginator(b -> b.filters(f)).securityGroupRules().stream()
            .toList(),
        SecurityGroupRule::securityGroupRuleId);
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    String group = Vals.string(planned, "security_group_id");
    var tags = Ec2Support.tagSpecification(software.amazon.awssdk.services.ec2.model.ResourceType.SECURITY_GROUP_RULE,
        Tags.forCreate(Vals.get(planned, "tags_all"), address));
    List<SecurityGroupRule> made = egress
        ? ctx.clients().ec2().authorizeSecurityGroupEgress(b -> b.groupId(group).ipPermissions(permission(planned))
            .tagSpecifications(tags)).securityGroupRules()
        : ctx.clients().ec2().authorizeSecurityGroupIngress(b -> b.groupId(group).ipPermissions(permission(planned))
            .tagSpecifications(tags)).securityGroupRules();
    if (made.size() != 1) {
      throw new IllegalStateException("AWS reported " + made.size() + " rules created for one " + name());
    }
    return made.get(0).securityGroupRuleId();
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    String id = Vals.string(prior, "id");
    String protocol = Normal.protocol(Vals.string(planned, "ip_protocol"));
    boolean all = "-1".equals(protocol);
    SecurityGroupRuleRequest rule = SecurityGroupRuleRequest.builder()
        .ipProtocol(protocol)
        .fromPort(all ? Integer.valueOf(-1) : Vals.integer(planned, "from_port"))
        .toPort(all ? Integer.valueOf(-1) : Vals.integer(planned, "to_port"))
        .cidrIpv4(Vals.string(planned, "cidr_ipv4"))
        .cidrIpv6(Vals.string(planned, "cidr_ipv6"))
        .prefixListId(Vals.string(planned, "prefix_list_id"))
        .referencedGroupId(Vals.string(planned, "referenced_security_group_id"))
        .description(Vals.string(planned, "description"))
        .build();
    ctx.clients().ec2().modifySecurityGroupRules(b -> b.groupId(Vals.string(prior, "security_group_id"))
        .securityGroupRules(SecurityGroupRuleUpdate.builder().securityGroupRuleId(id).securityGroupRule(rule).build()));
    SecurityGroupRule live = ctx.clients().ec2().describeSecurityGroupRules(b -> b.securityGroupRuleIds(id))
        .securityGroupRules().get(0);
    Ec2Support.updateTags(ctx, id, Ec2Support.tags(live.tags()), Vals.get(planned, "tags_all"), address);
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    String group = Vals.string(prior, "security_group_id");
    String id = Vals.string(prior, "id");
    if (egress) {
      ctx.clients().ec2().revokeSecurityGroupEgress(b -> b.groupId(group).securityGroupRuleIds(id));
    } else {
      ctx.clients().ec2().revokeSecurityGroupIngress(b -> b.groupId(group).securityGroupRuleIds(id));
    }
  }
}
