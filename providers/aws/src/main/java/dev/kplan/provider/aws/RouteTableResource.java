package dev.kplan.provider.aws;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import dev.kplan.provider.ResourceSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.ReplaceRouteRequest;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;

/**
 * {@code aws_route_table} with inline {@code route} blocks, as Terraform has them: the set of routes kplan manages
 * (the VPC's {@code local} route and propagated routes are AWS's and left out). A route changed, added or removed
 * by hand is drift, put back in place with CreateRoute / ReplaceRoute / DeleteRoute. One DescribeRouteTables
 * (route-table-id filter, paginated) refreshes every table of a plan.
 */
final class RouteTableResource implements ResourceType {
  static final String TYPE = "aws_route_table";
  static final List<String> DESTINATIONS = List.of("cidr_block", "ipv6_cidr_block", "destination_prefix_list_id");
  static final List<String> TARGETS = List.of("gateway_id", "nat_gateway_id", "network_interface_id",
      "transit_gateway_id", "vpc_peering_connection_id", "vpc_endpoint_id", "egress_only_gateway_id");
  static final BlockSchema ROUTE;

  static {
    Map<String, AttributeSchema> route = new LinkedHashMap<>();
    DESTINATIONS.forEach(d -> route.put(d, AttributeSchema.optional(Type.STRING)));
    TARGETS.forEach(t -> route.put(t, AttributeSchema.optional(Type.STRING)));
    ROUTE = BlockSchema.of(route);
  }

  private static final ResourceSchema SCHEMA = ResourceSchema.of(new BlockSchema(Map.of(
      "vpc_id", AttributeSchema.required(Type.STRING).forcingNew(),
      "tags", AttributeSchema.optional(Vals.STRING_MAP),
      "tags_all", AttributeSchema.computed(Vals.STRING_MAP),
      "id", AttributeSchema.computed(Type.STRING),
      "arn", AttributeSchema.computed(Type.STRING),
      "owner_id", AttributeSchema.computed(Type.STRING)),
      Map.of("route", new NestedBlock(ROUTE, NestedBlock.Nesting.SET, 0, 0))));

  @Override
  public String name() {
    return TYPE;
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public Diagnostics validate(ObjectValue config) {
    List<Diagnostic> out = new ArrayList<>();
    for (Value r : Vals.elements(Vals.get(config, "route"))) {
      if (!r.isWhollyKnown()) {
        continue;
      }
      long destinations = DESTINATIONS.stream().filter(d -> Vals.string(r, d) != null).count();
      long targets = TARGETS.stream().filter(t -> Vals.string(r, t) != null).count();
      if (destinations != 1 || targets != 1) {
        out.add(Diagnostic.error("Invalid route", "Each route of " + TYPE + " needs exactly one of "
            + String.join(", ", DESTINATIONS) + " and exactly one of " + String.join(", ", TARGETS)
            + "; one route has " + destinations + " and " + targets + ".", null));
      }
    }
    return Diagnostics.of(out);
  }

  static Map<String, RouteTable> describe(List<String> ids, AwsContext ctx) {
    return Ec2Support.byIds(ids, "route-table-id",
        f -> ctx.clients().ec2().describeRouteTablesPaginator(b -> b.filters(f)).routeTables().stream().toList(),
        RouteTable::routeTableId);
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    Map<String, RouteTable> live = describe(priors.stream().map(p -> Vals.string(p, "id")).toList(), ctx);
    List<Value> out = new ArrayList<>();
    for (ObjectValue prior : priors) {
      RouteTable t = live.get(Vals.string(prior, "id"));
      out.add(t == null ? Value.nullOf(SCHEMA.block().impliedType()) : state(t, prior, ctx));
    }
    return out;
  }

  private static Value state(RouteTable t, ObjectValue prior, AwsContext ctx) {
    Map<String, String> visible = Tags.visible(Ec2Support.tags(t.tags()));
    Map<String, Value> priorRoutes = new TreeMap<>();
    for (Value r : Vals.elements(Vals.get(prior, "route"))) {
      priorRoutes.put(destinationKey(r), r);
    }
    List<Value> routes = new ArrayList<>();
    for (Route r : t.routes()) {
      if (!managed(r)) {
        continue;
      }
      Map<String, Value> m = new LinkedHashMap<>();
      Value before = priorRoutes.get(destinationKey(r));
      m.put("cidr_block", Vals.str(Normal.keepEquivalent(Vals.string(before, "cidr_block"),
          r.destinationCidrBlock(), Normal::cidr)));
      m.put("ipv6_cidr_block", Vals.str(Normal.keepEquivalent(Vals.string(before, "ipv6_cidr_block"),
          r.destinationIpv6CidrBlock(), Normal::cidr)));
      m.put("destination_prefix_list_id", Vals.str(r.destinationPrefixListId()));
      m.put("gateway_id", Vals.str(r.gatewayId()));
      m.put("nat_gateway_id", Vals.str(r.natGatewayId()));
      m.put("network_interface_id", Vals.str(r.networkInterfaceId()));
      m.put("transit_gateway_id", Vals.str(r.transitGatewayId()));
      m.put("vpc_peering_connection_id", Vals.str(r.vpcPeeringConnectionId()));
      m.put("vpc_endpoint_id", Vals.str(r.gatewayId() != null && r.gatewayId().startsWith("vpce-") ? r.gatewayId() : null));
      if (r.gatewayId() != null && r.gatewayId().startsWith("vpce-")) {
        m.put("gateway_id", Vals.str(null));
      }
      m.put("egress_only_gateway_id", Vals.str(r.egressOnlyInternetGatewayId()));
      routes.add(Vals.complete(ROUTE, m));
    }
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(t.routeTableId()));
    m.put("arn", Value.string("arn:aws:ec2:" + ctx.region() + ":" + t.ownerId() + ":route-table/" + t.routeTableId()));
    m.put("owner_id", Vals.str(t.ownerId()));
    m.put("vpc_id", Vals.str(t.vpcId()));
    m.put("route", Value.set(ROUTE.impliedType(), routes));
    m.put("tags", Tags.own(visible, ctx.settings().defaultTags(), Vals.get(prior, "tags")));
    m.put("tags_all", Vals.map(visible));
    return Vals.complete(SCHEMA.block(), m);
  }

  /** Routes someone created: not the VPC's local route, not one propagated from a virtual private gateway. */
  private static boolean managed(Route r) {
    return !"local".equals(r.gatewayId()) && !"CreateRouteTable".equals(r.originAsString())
        && !"EnableVgwRoutePropagation".equals(r.originAsString());
  }

  private static String destinationKey(Value route) {
    String cidr = Vals.string(route, "cidr_block");
    String v6 = Vals.string(route, "ipv6_cidr_block");
    return cidr != null ? Normal.cidr(cidr) : v6 != null ? Normal.cidr(v6) : "pl:" + Vals.string(route, "destination_prefix_list_id");
  }

  private static String destinationKey(Route r) {
    return r.destinationCidrBlock() != null ? Normal.cidr(r.destinationCidrBlock())
        : r.destinationIpv6CidrBlock() != null ? Normal.cidr(r.destinationIpv6CidrBlock())
        : "pl:" + r.destinationPrefixListId();
  }

  /** The route's one target as attribute name → id. */
  private static Map.Entry<String, String> target(Value route) {
    for (String t : TARGETS) {
      String v = Vals.string(route, t);
      if (v != null) {
        return Map.entry(t, v);
      }
    }
    return Map.entry("", "");
  }

  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    return Ec2Support.tagged(identity, f -> ctx.clients().ec2().describeRouteTablesPaginator(b -> b.filters(f))
        .routeTables().stream().toList(), RouteTable::routeTableId);
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    String id = ctx.clients().ec2().createRouteTable(b -> b
        .vpcId(Vals.string(planned, "vpc_id"))
        .tagSpecifications(Ec2Support.tagSpecification(software.amazon.awssdk.services.ec2.model.ResourceType.ROUTE_TABLE,
            Tags.forCreate(Vals.get(planned, "tags_all"), address)))).routeTable().routeTableId();
    for (Value r : Vals.elements(Vals.get(planned, "route"))) {
      ctx.clients().ec2().createRoute(createRoute(id, r));
    }
    return id;
  }

  private static CreateRouteRequest createRoute(String table, Value r) {
    Map.Entry<String, String> t = target(r);
    CreateRouteRequest.Builder b = CreateRouteRequest.builder().routeTableId(table)
        .destinationCidrBlock(Vals.string(r, "cidr_block"))
        .destinationIpv6CidrBlock(Vals.string(r, "ipv6_cidr_block"))
        .destinationPrefixListId(Vals.string(r, "destination_prefix_list_id"));
    switch (t.getKey()) {
      case "nat_gateway_id" -> b.natGatewayId(t.getValue());
      case "network_interface_id" -> b.networkInterfaceId(t.getValue());
      case "transit_gateway_id" -> b.transitGatewayId(t.getValue());
      case "vpc_peering_connection_id" -> b.vpcPeeringConnectionId(t.getValue());
      case "vpc_endpoint_id" -> b.vpcEndpointId(t.getValue());
      case "egress_only_gateway_id" -> b.egressOnlyInternetGatewayId(t.getValue());
      default -> b.gatewayId(t.getValue());
    }
    return b.build();
  }

  private static ReplaceRouteRequest replaceRoute(String table, Value r) {
    Map.Entry<String, String> t = target(r);
    ReplaceRouteRequest.Builder b = ReplaceRouteRequest.builder().routeTableId(table)
        .destinationCidrBlock(Vals.string(r, "cidr_block"))
        .destinationIpv6CidrBlock(Vals.string(r, "ipv6_cidr_block"))
        .destinationPrefixListId(Vals.string(r, "destination_prefix_list_id"));
    switch (t.getKey()) {
      case "nat_gateway_id" -> b.natGatewayId(t.getValue());
      case "network_interface_id" -> b.networkInterfaceId(t.getValue());
      case "transit_gateway_id" -> b.transitGatewayId(t.getValue());
      case "vpc_peering_connection_id" -> b.vpcPeeringConnectionId(t.getValue());
      case "vpc_endpoint_id" -> b.vpcEndpointId(t.getValue());
      case "egress_only_gateway_id" -> b.egressOnlyInternetGatewayId(t.getValue());
      default -> b.gatewayId(t.getValue());
    }
    return b.build();
  }

  /** Routes by destination: removed ones deleted, new ones created, ones with another target replaced. */
  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    String id = Vals.string(prior, "id");
    RouteTable table = describe(List.of(id), ctx).get(id);
    if (table == null) {
      throw new IllegalStateException("route table " + id + " vanished during the update");
    }
    Value live = state(table, prior, ctx);
    Map<String, Value> have = new TreeMap<>();
    Vals.elements(Vals.get(live, "route")).forEach(r -> have.put(destinationKey(r), r));
    Map<String, Value> want = new TreeMap<>();
    Vals.elements(Vals.get(planned, "route")).forEach(r -> want.put(destinationKey(r), r));
    for (Map.Entry<String, Value> e : have.entrySet()) {
      if (!want.containsKey(e.getKey())) {
        Value r = e.getValue();
        ctx.clients().ec2().deleteRoute(b -> b.routeTableId(id)
            .destinationCidrBlock(Vals.string(r, "cidr_block"))
            .destinationIpv6CidrBlock(Vals.string(r, "ipv6_cidr_block"))
            .destinationPrefixListId(Vals.string(r, "destination_prefix_list_id")));
      }
    }
    for (Map.Entry<String, Value> e : want.entrySet()) {
      Value now = have.get(e.getKey());
      if (now == null) {
        ctx.clients().ec2().createRoute(createRoute(id, e.getValue()));
      } else if (!Objects.equals(target(now), target(e.getValue()))) {
        ctx.clients().ec2().replaceRoute(replaceRoute(id, e.getValue()));
      }
    }
    Ec2Support.updateTags(ctx, id, Ec2Support.tags(table.tags()), Vals.get(planned, "tags_all"), address);
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    ctx.clients().ec2().deleteRouteTable(b -> b.routeTableId(Vals.string(prior, "id")));
  }
}
