package dev.kplan.provider.aws;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import dev.kplan.provider.ReadDataResult;
import dev.kplan.provider.ResourceSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * {@code aws_availability_zones} (DescribeAvailabilityZones) and {@code aws_vpc} (DescribeVpcs: one VPC by id,
 * CIDR, {@code default}, tags and {@code filter} blocks, as Terraform's data sources have them).
 */
final class Ec2DataSources {
  private Ec2DataSources() {}

  static final String AVAILABILITY_ZONES = "aws_availability_zones";
  static final String VPC = "aws_vpc";
  private static final Type STRINGS = new ListType(Type.STRING);
  private static final Type STRING_SET = new SetType(Type.STRING);
  private static final BlockSchema FILTER = BlockSchema.of(Map.of(
      "name", AttributeSchema.required(Type.STRING), "values", AttributeSchema.required(STRING_SET)));

  static final ResourceSchema AVAILABILITY_ZONES_SCHEMA = ResourceSchema.of(new BlockSchema(Map.of(
      "state", AttributeSchema.optional(Type.STRING),
      "all_availability_zones", AttributeSchema.optional(Type.BOOL),
      "exclude_names", AttributeSchema.optional(STRING_SET),
      "exclude_zone_ids", AttributeSchema.optional(STRING_SET),
      "names", AttributeSchema.computed(STRINGS),
      "zone_ids", AttributeSchema.computed(STRINGS),
      "group_names", AttributeSchema.computed(STRING_SET),
      "id", AttributeSchema.computed(Type.STRING)),
      Map.of("filter", new NestedBlock(FILTER, NestedBlock.Nesting.SET, 0, 0))));

  static final ResourceSchema VPC_SCHEMA = ResourceSchema.of(new BlockSchema(Map.ofEntries(
      Map.entry("id", AttributeSchema.optionalComputed(Type.STRING)),
      Map.entry("cidr_block", AttributeSchema.optionalComputed(Type.STRING)),
      Map.entry("default", AttributeSchema.optionalComputed(Type.BOOL)),
      Map.entry("state", AttributeSchema.optionalComputed(Type.STRING)),
      Map.entry("tags", AttributeSchema.optionalComputed(Vals.STRING_MAP)),
      Map.entry("arn", AttributeSchema.computed(Type.STRING)),
      Map.entry("instance_tenancy", AttributeSchema.computed(Type.STRING)),
      Map.entry("owner_id", AttributeSchema.computed(Type.STRING)),
      Map.entry("dhcp_options_id", AttributeSchema.computed(Type.STRING)),
      Map.entry("main_route_table_id", AttributeSchema.computed(Type.STRING))),
      Map.of("filter", new NestedBlock(FILTER, NestedBlock.Nesting.SET, 0, 0))));

  private static List<Filter> filters(Value config) {
    List<Filter> out = new ArrayList<>();
    for (Value f : Vals.elements(Vals.get(config, "filter"))) {
      out.add(Filter.builder().name(Vals.string(f, "name")).values(Vals.strings(Vals.get(f, "values"))).build());
    }
    return out;
  }

  static ReadDataResult availabilityZones(AwsContext ctx, Value config) {
    ObjectValue c = Vals.object(config);
    List<Filter> filters = filters(c);
    String state = Vals.string(c, "state");
    if (state != null) {
      filters.add(Filter.builder().name("state").values(state).build());
    }
    Boolean all = Vals.bool(c, "all_availability_zones");
    Set<String> excludeNames = new TreeSet<>(Vals.strings(Vals.get(c, "exclude_names")));
    Set<String> excludeIds = new TreeSet<>(Vals.strings(Vals.get(c, "exclude_zone_ids")));
    List<AvailabilityZone> zones = ctx.clients().ec2().describeAvailabilityZones(b -> b
        .allAvailabilityZones(all).filters(filters.isEmpty() ? null : filters)).availabilityZones();
    List<Value> names = new ArrayList<>();
    List<Value> ids = new ArrayList<>();
    List<Value> groups = new ArrayList<>();
    zones.stream().sorted(java.util.Comparator.comparing(AvailabilityZone::zoneName)).forEach(z -> {
      if (excludeNames.contains(z.zoneName()) || excludeIds.contains(z.zoneId())) {
        return;
      }
      names.add(Value.string(z.zoneName()));
      ids.add(Vals.str(z.zoneId()));
      if (z.groupName() != null && !groups.contains(Value.string(z.groupName()))) {
        groups.add(Value.string(z.groupName()));
      }
    });
    Map<String, Value> m = new LinkedHashMap<>(c.attributes());
    m.put("names", Value.list(Type.STRING, names));
    m.put("zone_ids", Value.list(Type.STRING, ids));
    m.put("group_names", Value.set(Type.STRING, groups));
    m.put("id", Value.string(ctx.region()));
    return new ReadDataResult(Vals.complete(AVAILABILITY_ZONES_SCHEMA.block(), m), Diagnostics.NONE);
  }

  static ReadDataResult vpc(AwsContext ctx, Value config) {
    ObjectValue c = Vals.object(config);
    List<Filter> filters = filters(c);
    String id = Vals.string(c, "id");
    if (id != null) {
      filters.add(Filter.builder().name("vpc-id").values(id).build());
    }
    String cidr = Vals.string(c, "cidr_block");
    if (cidr != null) {
      filters.add(Filter.builder().name("cidr").values(cidr).build());
    }
    Boolean isDefault = Vals.bool(c, "default");
    if (isDefault != null) {
      filters.add(Filter.builder().name("is-default").values(isDefault.toString()).build());
    }
    String state = Vals.string(c, "state");
    if (state != null) {
      filters.add(Filter.builder().name("state").values(state).build());
    }
    Map<String, String> tags = Vals.stringMap(Vals.get(c, "tags"));
    if (tags != null) {
      tags.forEach((k, v) -> filters.add(Filter.builder().name("tag:" + k).values(v).build()));
    }
    List<Vpc> found = ctx.clients().ec2().describeVpcsPaginator(b -> b.filters(filters.isEmpty() ? null : filters))
        .vpcs().stream().toList();
    if (found.size() != 1) {
      return new ReadDataResult(null, Diagnostics.of(Diagnostic.error(
          found.isEmpty() ? "no matching EC2 VPC found" : "multiple EC2 VPCs matched",
          (found.isEmpty() ? "No VPC in " + ctx.region() + " matches the arguments of data.aws_vpc."
              : found.size() + " VPCs in " + ctx.region() + " match the arguments of data.aws_vpc; use more"
                  + " constraints (id, tags, filter) to match a single one."), null)));
    }
    Vpc v = found.get(0);
    List<RouteTable> main = ctx.clients().ec2().describeRouteTables(b -> b.filters(
        Filter.builder().name("vpc-id").values(v.vpcId()).build(),
        Filter.builder().name("association.main").values("true").build())).routeTables();
    Map<String, Value> m = new LinkedHashMap<>(c.attributes());
    m.put("id", Value.string(v.vpcId()));
    m.put("arn", Value.string("arn:aws:ec2:" + ctx.region() + ":" + v.ownerId() + ":vpc/" + v.vpcId()));
    m.put("cidr_block", Vals.str(v.cidrBlock()));
    m.put("default", Vals.bool(v.isDefault()));
    m.put("state", Vals.str(v.stateAsString()));
    m.put("tags", Vals.map(Tags.visible(Ec2Support.tags(v.tags()))));
    m.put("instance_tenancy", Vals.str(v.instanceTenancyAsString()));
    m.put("owner_id", Vals.str(v.ownerId()));
    m.put("dhcp_options_id", Vals.str(v.dhcpOptionsId()));
    m.put("main_route_table_id", Vals.str(main.isEmpty() ? null : main.get(0).routeTableId()));
    return new ReadDataResult(Vals.complete(VPC_SCHEMA.block(), m), Diagnostics.NONE);
  }
}
