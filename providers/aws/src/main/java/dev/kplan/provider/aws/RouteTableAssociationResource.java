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
import java.util.TreeMap;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;

/**
 * {@code aws_route_table_association}: a subnet (or gateway) using a route table. Pointing it at another table is
 * ReplaceRouteTableAssociation (in place; AWS gives the association a new id, as Terraform's provider records);
 * another subnet or gateway replaces it. One DescribeRouteTables (association.route-table-association-id filter,
 * paginated) refreshes every association of a plan. Import takes the association id or, as Terraform,
 * {@code subnet-…/rtb-…} (or {@code igw-…/rtb-…}).
 */
final class RouteTableAssociationResource implements ResourceType {
  static final String TYPE = "aws_route_table_association";
  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.of(
      "route_table_id", AttributeSchema.required(Type.STRING),
      "subnet_id", AttributeSchema.optional(Type.STRING).forcingNew(),
      "gateway_id", AttributeSchema.optional(Type.STRING).forcingNew(),
      "id", AttributeSchema.computed(Type.STRING))));

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
    Value subnet = Vals.get(config, "subnet_id");
    Value gateway = Vals.get(config, "gateway_id");
    if (subnet.isKnown() && gateway.isKnown() && subnet.isNull() == gateway.isNull()) {
      return Diagnostics.of(Diagnostic.error("Invalid route table association",
          TYPE + " needs exactly one of subnet_id and gateway_id.", null));
    }
    return Diagnostics.NONE;
  }

  /** Associations by id, found through the tables that hold them. */
  private static Map<String, RouteTableAssociation> describe(List<String> ids, AwsContext ctx) {
    Map<String, RouteTableAssociation> out = new TreeMap<>();
    Ec2Support.byIds(ids, "association.route-table-association-id",
        f -> ctx.clients().ec2().describeRouteTablesPaginator(b -> b.filters(f)).routeTables().stream().toList(),
        RouteTable::routeTableId).values().forEach(t -> t.associations().forEach(a -> {
          if (!"disassociated".equals(a.associationState() == null ? null : a.associationState().stateAsString())) {
            out.put(a.routeTableAssociationId(), a);
          }
        }));
    return out;
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    List<String> ids = new ArrayList<>();
    List<String> resolved = new ArrayList<>();
    for (ObjectValue p : priors) {
      String id = Vals.string(p, "id");
      if (id != null && id.contains("/")) { // an import id: subnet-…/rtb-… or igw-…/rtb-…
        id = byTarget(id, ctx);
      }
      resolved.add(id);
      if (id != null) {
        ids.add(id);
      }
    }
    Map<String, RouteTableAssociation> live = describe(ids, ctx);
    List<Value> out = new ArrayList<>();
    for (String id : resolved) {
      RouteTableAssociation a = id == null ? null : live.get(id);
      out.add(a == null || Boolean.TRUE.equals(a.main()) ? Value.nullOf(SCHEMA.block().impliedType()) : state(a));
    }
    return out;
  }

  private static String byTarget(String importId, AwsContext ctx) {
    String target = importId.substring(0, importId.indexOf('/'));
    String table = importId.substring(importId.indexOf('/') + 1);
    List<RouteTable> tables = ctx.clients().ec2().describeRouteTables(b -> b.filters(
        Filter.builder().name("route-table-id").values(table).build())).routeTables();
    for (RouteTable t : tables) {
      for (RouteTableAssociation a : t.associations()) {
        if (target.equals(a.subnetId()) || target.equals(a.gatewayId())) {
          return a.routeTableAssociationId();
        }
      }
    }
    return null;
  }

  private static Value state(RouteTableAssociation a) {
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(a.routeTableAssociationId()));
    m.put("route_table_id", Vals.str(a.routeTableId()));
    m.put("subnet_id", Vals.str(a.subnetId()));
    m.put("gateway_id", Vals.str(a.gatewayId()));
    return Vals.complete(SCHEMA.block(), m);
  }

  /**
   * The route table and its subnet or gateway: associations carry no tags, and one subnet (gateway) has at most
   * one, so these name it.
   */
  @Override
  public Map<String, String> identity(ObjectValue planned, String address) {
    Map<String, String> id = new TreeMap<>(Map.of(Tags.ADDRESS, address));
    for (String a : List.of("route_table_id", "subnet_id", "gateway_id")) {
      String v = Vals.string(planned, a);
      if (v != null) {
        id.put(a, v);
      }
    }
    return id;
  }

  /** The journaled route table's association with the journaled subnet (or gateway), if there is one. */
  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    String table = identity.get("route_table_id");
    String subnet = identity.get("subnet_id");
    String gateway = identity.get("gateway_id");
    if (table == null || (subnet == null && gateway == null)) {
      return List.of();
    }
    Filter f = Filter.builder().name("route-table-id").values(table).build();
    List<String> out = new ArrayList<>();
    ctx.clients().ec2().describeRouteTablesPaginator(b -> b.filters(f)).routeTables().forEach(t -> {
      for (RouteTableAssociation a : t.associations()) {
        if (table.equals(a.routeTableId()) && (subnet != null ? subnet.equals(a.subnetId()) : gateway.equals(a.gatewayId()))
            && !"disassociated".equals(a.associationState() == null ? null : a.associationState().stateAsString())) {
          out.add(a.routeTableAssociationId());
        }
      }
    });
    return out.stream().distinct().sorted().toList();
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    return ctx.clients().ec2().associateRouteTable(b -> b
        .routeTableId(Vals.string(planned, "route_table_id"))
        .subnetId(Vals.string(planned, "subnet_id"))
        .gatewayId(Vals.string(planned, "gateway_id"))).associationId();
  }

  /** Only {@code route_table_id} changes in place; the state is then read under the new association id. */
  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    updateInPlace(prior, planned, address, ctx);
  }

  @Override
  public String updateInPlace(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    return ctx.clients().ec2().replaceRouteTableAssociation(b -> b
        .associationId(Vals.string(prior, "id"))
        .routeTableId(Vals.string(planned, "route_table_id"))).newAssociationId();
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    ctx.clients().ec2().disassociateRouteTable(b -> b.associationId(Vals.string(prior, "id")));
  }
}
