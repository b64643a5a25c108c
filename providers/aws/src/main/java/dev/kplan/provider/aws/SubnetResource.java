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
import java.util.Objects;
import software.amazon.awssdk.services.ec2.model.Subnet;

/** {@code aws_subnet}: one DescribeSubnets (subnet-id filter, paginated) refreshes every subnet of a plan. */
final class SubnetResource implements ResourceType {
  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.of(
      "vpc_id", AttributeSchema.required(Type.STRING).forcingNew(),
      "cidr_block", AttributeSchema.required(Type.STRING).forcingNew(),
      "availability_zone", AttributeSchema.optionalComputed(Type.STRING).forcingNew(),
      "map_public_ip_on_launch", AttributeSchema.optionalComputed(Type.BOOL),
      "tags", AttributeSchema.optional(Vals.STRING_MAP),
      "tags_all", AttributeSchema.computed(Vals.STRING_MAP),
      "id", AttributeSchema.computed(Type.STRING),
      "arn", AttributeSchema.computed(Type.STRING),
      "owner_id", AttributeSchema.computed(Type.STRING))));

  @Override
  public String name() {
    return "aws_subnet";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, Value> defaults() {
    return Map.of("map_public_ip_on_launch", Value.bool(false));
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    Map<String, Subnet> live = Ec2Support.byIds(priors.stream().map(p -> Vals.string(p, "id")).toList(), "subnet-id",
        f -> ctx.clients().ec2().describeSubnetsPaginator(b -> b.filters(f)).subnets().stream().toList(),
        Subnet::subnetId);
    List<Value> out = new ArrayList<>();
    for (ObjectValue prior : priors) {
      Subnet s = live.get(Vals.string(prior, "id"));
      out.add(s == null ? Value.nullOf(SCHEMA.block().impliedType()) : state(s, prior, ctx));
    }
    return out;
  }

  private static Value state(Subnet s, ObjectValue prior, AwsContext ctx) {
    Map<String, String> visible = Tags.visible(Ec2Support.tags(s.tags()));
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(s.subnetId()));
    m.put("arn", Vals.str(s.subnetArn() != null ? s.subnetArn()
        : "arn:aws:ec2:" + ctx.region() + ":" + s.ownerId() + ":subnet/" + s.subnetId()));
    m.put("owner_id", Vals.str(s.ownerId()));
    m.put("vpc_id", Vals.str(s.vpcId()));
    m.put("cidr_block", Vals.str(Normal.keepEquivalent(Vals.string(prior, "cidr_block"), s.cidrBlock(), Normal::cidr)));
    m.put("availability_zone", Vals.str(s.availabilityZone()));
    m.put("map_public_ip_on_launch", Vals.bool(s.mapPublicIpOnLaunch()));
    m.put("tags", Tags.own(visible, ctx.settings().defaultTags(), Vals.get(prior, "tags")));
    m.put("tags_all", Vals.map(visible));
    return Vals.complete(SCHEMA.block(), m);
  }

  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    return Ec2Support.tagged(identity,
        f -> ctx.clients().ec2().describeSubnetsPaginator(b -> b.filters(f)).subnets().stream().toList(),
        Subnet::subnetId);
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    String id = ctx.clients().ec2().createSubnet(b -> b
        .vpcId(Vals.string(planned, "vpc_id"))
        .cidrBlock(Vals.string(planned, "cidr_block"))
        .availabilityZone(Vals.string(planned, "availability_zone"))
        .tagSpecifications(Ec2Support.tagSpecification(software.amazon.awssdk.services.ec2.model.ResourceType.SUBNET,
            Tags.forCreate(Vals.get(planned, "tags_all"), address)))).subnet().subnetId();
    if (Boolean.TRUE.equals(Vals.bool(planned, "map_public_ip_on_launch"))) {
      ctx.clients().ec2().modifySubnetAttribute(b -> b.subnetId(id).mapPublicIpOnLaunch(v -> v.value(true)));
    }
    return id;
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    String id = Vals.string(prior, "id");
    Boolean publicIp = Vals.bool(planned, "map_public_ip_on_launch");
    if (publicIp != null && !Objects.equals(publicIp, Vals.bool(prior, "map_public_ip_on_launch"))) {
      ctx.clients().ec2().modifySubnetAttribute(b -> b.subnetId(id).mapPublicIpOnLaunch(v -> v.value(publicIp)));
    }
    Subnet s = ctx.clients().ec2().describeSubnets(b -> b.subnetIds(id)).subnets().get(0);
    Ec2Support.updateTags(ctx, id, Ec2Support.tags(s.tags()), Vals.get(planned, "tags_all"), address);
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    ctx.clients().ec2().deleteSubnet(b -> b.subnetId(Vals.string(prior, "id")));
  }
}
