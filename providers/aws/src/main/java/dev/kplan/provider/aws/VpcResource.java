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
import software.amazon.awssdk.services.ec2.model.Vpc;

/** {@code aws_vpc}: one DescribeVpcs (vpc-id filter, paginated) refreshes every VPC of a plan. */
final class VpcResource implements ResourceType {
  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.of(
      "cidr_block", AttributeSchema.required(Type.STRING).forcingNew(),
      "instance_tenancy", AttributeSchema.optionalComputed(Type.STRING).forcingNew(),
      "tags", AttributeSchema.optional(Vals.STRING_MAP),
      "tags_all", AttributeSchema.computed(Vals.STRING_MAP),
      "id", AttributeSchema.computed(Type.STRING),
      "arn", AttributeSchema.computed(Type.STRING),
      "owner_id", AttributeSchema.computed(Type.STRING))));

  @Override
  public String name() {
    return "aws_vpc";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, Value> defaults() {
    return Map.of("instance_tenancy", Value.string("default"));
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    Map<String, Vpc> live = Ec2Support.byIds(priors.stream().map(p -> Vals.string(p, "id")).toList(), "vpc-id",
        f -> ctx.clients().ec2().describeVpcsPaginator(b -> b.filters(f)).vpcs().stream().toList(), Vpc::vpcId);
    List<Value> out = new ArrayList<>();
    for (ObjectValue prior : priors) {
      Vpc v = live.get(Vals.string(prior, "id"));
      out.add(v == null ? Value.nullOf(SCHEMA.block().impliedType()) : state(v, prior, ctx));
    }
    return out;
  }

  private static Value state(Vpc v, ObjectValue prior, AwsContext ctx) {
    Map<String, String> visible = Tags.visible(Ec2Support.tags(v.tags()));
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(v.vpcId()));
    m.put("arn", Value.string("arn:aws:ec2:" + ctx.region() + ":" + v.ownerId() + ":vpc/" + v.vpcId()));
    m.put("owner_id", Vals.str(v.ownerId()));
    m.put("cidr_block", Vals.str(Normal.keepEquivalent(Vals.string(prior, "cidr_block"), v.cidrBlock(), Normal::cidr)));
    m.put("instance_tenancy", Vals.str(v.instanceTenancyAsString()));
    m.put("tags", Tags.own(visible, ctx.settings().defaultTags(), Vals.get(prior, "tags")));
    m.put("tags_all", Vals.map(visible));
    return Vals.complete(SCHEMA.block(), m);
  }

  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    return Ec2Support.tagged(identity,
        f -> ctx.clients().ec2().describeVpcsPaginator(b -> b.filters(f)).vpcs().stream().toList(), Vpc::vpcId);
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    return ctx.clients().ec2().createVpc(b -> b
        .cidrBlock(Vals.string(planned, "cidr_block"))
        .instanceTenancy(Vals.string(planned, "instance_tenancy"))
        .tagSpecifications(Ec2Support.tagSpecification(software.amazon.awssdk.services.ec2.model.ResourceType.VPC,
            Tags.forCreate(Vals.get(planned, "tags_all"), address)))).vpc().vpcId();
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    String id = Vals.string(prior, "id");
    Vpc v = ctx.clients().ec2().describeVpcs(b -> b.vpcIds(id)).vpcs().get(0);
    Ec2Support.updateTags(ctx, id, Ec2Support.tags(v.tags()), Vals.get(planned, "tags_all"), address);
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    ctx.clients().ec2().deleteVpc(b -> b.vpcId(Vals.string(prior, "id")));
  }
}
