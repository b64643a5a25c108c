package dev.kplan.provider.aws;

import dev.kplan.provider.UnmanagedObject;
import dev.kplan.provider.UnmanagedRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRule;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * The EC2 objects of the provider's region that no kplan resource manages, one paginated Describe per type. Left
 * out, because AWS makes them by itself: the region's default VPC with its subnets and internet gateway, every
 * VPC's {@code default} security group and main route table (with its {@code local} route). Left out because they
 * are part of an object already listed: the rules of an unmanaged group and the associations of an unmanaged
 * route table. So a rule added by hand to a managed group is listed (and its group shows it as drift), while a
 * group made by hand is listed once, with its rules counted in its description.
 */
final class UnmanagedEc2 {
  private UnmanagedEc2() {}

  static List<UnmanagedObject> list(AwsContext ctx, List<UnmanagedRequest.Managed> managedInstances) {
    Map<String, Set<String>> managed = new HashMap<>();
    for (UnmanagedRequest.Managed m : managedInstances) {
      String id = Vals.string(Vals.object(m.state()), "id");
      if (id != null) {
        managed.computeIfAbsent(m.typeName(), k -> new HashSet<>()).add(id);
      }
    }
    ManagedIds ids = new ManagedIds(managed);
    Ec2Client ec2 = ctx.clients().ec2();
    List<UnmanagedObject> out = new ArrayList<>();

    Set<String> defaultVpcs = new HashSet<>();
    for (Vpc v : ec2.describeVpcsPaginator(b -> {}).vpcs()) {
      if (Boolean.TRUE.equals(v.isDefault())) {
        defaultVpcs.add(v.vpcId());
      } else if (!ids.contains("aws_vpc", v.vpcId())) {
        out.add(new UnmanagedObject("aws_vpc", v.vpcId(), "VPC " + v.cidrBlock() + name(v.tags())));
      }
    }
    for (Subnet s : ec2.describeSubnetsPaginator(b -> {}).subnets()) {
      if (!Boolean.TRUE.equals(s.defaultForAz()) && !defaultVpcs.contains(s.vpcId())
          && !ids.contains("aws_subnet", s.subnetId())) {
        out.add(new UnmanagedObject("aws_subnet", s.subnetId(), "subnet " + s.cidrBlock() + " in " + s.vpcId()
            + name(s.tags())));
      }
    }
    for (InternetGateway g : ec2.describeInternetGatewaysPaginator(b -> {}).internetGateways()) {
      String vpc = InternetGatewayResource.attachedVpc(g);
      if (!defaultVpcs.contains(vpc) && !ids.contains(InternetGatewayResource.TYPE, g.internetGatewayId())) {
        out.add(new UnmanagedObject(InternetGatewayResource.TYPE, g.internetGatewayId(), "internet gateway"
            + (vpc == null ? "" : " of " + vpc) + name(g.tags())));
      }
    }
    Set<String> managedGroups = ids.of(SecurityGroupResource.TYPE);
    Map<String, Integer> rulesPerGroup = new HashMap<>();
    for (SecurityGroupRule r : ec2.describeSecurityGroupRulesPaginator(b -> {}).securityGroupRules()) {
      rulesPerGroup.merge(r.groupId() + (Boolean.TRUE.equals(r.isEgress()) ? "/egress" : "/ingress"), 1, Integer::sum);
      String type = Boolean.TRUE.equals(r.isEgress()) ? "aws_vpc_security_group_egress_rule"
          : "aws_vpc_security_group_ingress_rule";
      if (managedGroups.contains(r.groupId()) && !ids.contains(type, r.securityGroupRuleId())) {
        out.add(new UnmanagedObject(type, r.securityGroupRuleId(), describe(r)));
      }
    }
    for (SecurityGroup g : ec2.describeSecurityGroupsPaginator(b -> {}).securityGroups()) {
      if (!"default".equals(g.groupName()) && !managedGroups.contains(g.groupId())) {
        out.add(new UnmanagedObject(SecurityGroupResource.TYPE, g.groupId(), "security group " + g.groupName()
            + (g.vpcId() == null ? "" : " in " + g.vpcId()) + " (" + rulesPerGroup.getOrDefault(g.groupId() + "/ingress", 0)
            + " ingress, " + rulesPerGroup.getOrDefault(g.groupId() + "/egress", 0) + " egress rules)"));
      }
    }
    Set<String> managedTables = ids.of(RouteTableResource.TYPE);
    for (RouteTable t : ec2.describeRouteTablesPaginator(b -> {}).routeTables()) {
      boolean main = t.associations().stream().anyMatch(a -> Boolean.TRUE.equals(a.main()));
      if (!main && !managedTables.contains(t.routeTableId())) {
        out.add(new UnmanagedObject(RouteTableResource.TYPE, t.routeTableId(), "route table in " + t.vpcId()
            + name(t.tags())));
      }
      if (managedTables.contains(t.routeTableId())) {
        for (RouteTableAssociation a : t.associations()) {
          if (!Boolean.TRUE.equals(a.main()) && !ids.contains(RouteTableAssociationResource.TYPE, a.routeTableAssociationId())) {
            out.add(new UnmanagedObject(RouteTableAssociationResource.TYPE, a.routeTableAssociationId(),
                "association of " + t.routeTableId() + " with " + (a.subnetId() != null ? a.subnetId() : a.gatewayId())));
          }
        }
      }
    }
    for (Reservation r : ec2.describeInstancesPaginator(b -> b.filters(Filter.builder().name("instance-state-name")
        .values("pending", "running", "stopping", "stopped").build())).reservations()) {
      for (Instance i : r.instances()) {
        if (!ids.contains(InstanceResource.TYPE, i.instanceId())) {
          out.add(new UnmanagedObject(InstanceResource.TYPE, i.instanceId(), "instance " + i.instanceTypeAsString()
              + " " + i.imageId() + name(i.tags())));
        }
      }
    }
    return out;
  }

  private static String describe(SecurityGroupRule r) {
    String protocol = Normal.protocol(r.ipProtocol());
    String ports = "-1".equals(protocol) ? "all traffic"
        : protocol + " " + (r.fromPort() != null && r.fromPort().equals(r.toPort()) ? r.fromPort() : r.fromPort() + "-" + r.toPort());
    String peer = r.cidrIpv4() != null ? r.cidrIpv4() : r.cidrIpv6() != null ? r.cidrIpv6()
        : r.prefixListId() != null ? r.prefixListId()
        : r.referencedGroupInfo() != null ? r.referencedGroupInfo().groupId() : "?";
    return (Boolean.TRUE.equals(r.isEgress()) ? "egress " + ports + " to " : "ingress " + ports + " from ") + peer
        + " on " + r.groupId();
  }

  private static String name(List<software.amazon.awssdk.services.ec2.model.Tag> tags) {
    String n = Ec2Support.tags(tags).get("Name");
    return n == null ? "" : " \"" + n + "\"";
  }
}
