package dev.kplan.provider.aws;

import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;

/**
 * Revokes the rules an {@code aws_security_group} in exclusive mode planned away: the ids listed in the prior
 * {@code unmanaged_ingress}/{@code unmanaged_egress} and not in the planned lists. A rule that has gained the kplan
 * address tag since the plan (a rule resource updated it) is kept: only rules nobody owns are revoked.
 */
final class UnmanagedRules {
  private UnmanagedRules() {}

  static void revoke(String groupId, ObjectValue planned, ObjectValue prior, AwsContext ctx) {
    List<String> ingress = dropped(prior, planned, "unmanaged_ingress");
    List<String> egress = dropped(prior, planned, "unmanaged_egress");
    if (ingress.isEmpty() && egress.isEmpty()) {
      return;
    }
    Set<String> stillUnowned = ctx.clients().ec2().describeSecurityGroupRulesPaginator(b -> b.filters(
            Filter.builder().name("group-id").values(groupId).build())).securityGroupRules().stream()
        .filter(r -> r.tags().stream().noneMatch(t -> t.key().equals(Tags.ADDRESS)))
        .map(SecurityGroupRule::securityGroupRuleId).collect(Collectors.toSet());
    ingress.retainAll(stillUnowned);
    egress.retainAll(stillUnowned);
    if (!ingress.isEmpty()) {
      ctx.clients().ec2().revokeSecurityGroupIngress(b -> b.groupId(groupId).securityGroupRuleIds(ingress));
    }
    if (!egress.isEmpty()) {
      ctx.clients().ec2().revokeSecurityGroupEgress(b -> b.groupId(groupId).securityGroupRuleIds(egress));
    }
  }

  private static List<String> dropped(ObjectValue prior, ObjectValue planned, String list) {
    List<String> keep = ids(Vals.get(planned, list));
    List<String> out = new ArrayList<>(ids(Vals.get(prior, list)));
    out.removeAll(keep);
    return out;
  }

  private static List<String> ids(Value rules) {
    if (!rules.isKnown()) {
      return List.of();
    }
    return Vals.elements(rules).stream().map(r -> Vals.string(r, "security_group_rule_id")).toList();
  }
}
