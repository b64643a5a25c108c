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
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;

/**
 * {@code aws_internet_gateway}, attached to {@code vpc_id} when it is set. Moving it to another VPC is a detach and
 * an attach (in place, as Terraform does); one DescribeInternetGateways (internet-gateway-id filter, paginated)
 * refreshes every gateway of a plan.
 */
final class InternetGatewayResource implements ResourceType {
  static final String TYPE = "aws_internet_gateway";
  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.of(
      "vpc_id", AttributeSchema.optional(Type.STRING),
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

  static Map<String, InternetGateway> describe(List<String> ids, AwsContext ctx) {
    return Ec2Support.byIds(ids, "internet-gateway-id",
        f -> ctx.clients().ec2().describeInternetGatewaysPaginator(b -> b.filters(f)).internetGateways().stream()
            .toList(),
        InternetGateway::internetGatewayId);
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    Map<String, InternetGateway> live = describe(priors.stream().map(p -> Vals.string(p, "id")).toList(), ctx);
    List<Value> out = new ArrayList<>();
    for (ObjectValue prior : priors) {
      InternetGateway g = live.get(Vals.string(prior, "id"));
      out.add(g == null ? Value.nullOf(SCHEMA.block().impliedType()) : state(g, prior, ctx));
    }
    return out;
  }

  /** The VPC it is attached to (an attachment that is being detached does not count). */
  static String attachedVpc(InternetGateway g) {
    for (InternetGatewayAttachment a : g.attachments()) {
      String state = a.stateAsString();
      if (state == null || state.equals("available") || state.equals("attached") || state.equals("attaching")) {
        return a.vpcId();
      }
    }
    return null;
  }

  private static Value state(InternetGateway g, ObjectValue prior, AwsContext ctx) {
    Map<String, String> visible = Tags.visible(Ec2Support.tags(g.tags()));
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(g.internetGatewayId()));
    m.put("arn", Value.string("arn:aws:ec2:" + ctx.region() + ":" + g.ownerId() + ":internet-gateway/"
        + g.internetGatewayId()));
    m.put("owner_id", Vals.str(g.ownerId()));
    m.put("vpc_id", Vals.str(attachedVpc(g)));
    m.put("tags", Tags.own(visible, ctx.settings().defaultTags(), Vals.get(prior, "tags")));
    m.put("tags_all", Vals.map(visible));
    return Vals.complete(SCHEMA.block(), m);
  }

  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    return Ec2Support.tagged(identity, f -> ctx.clients().ec2().describeInternetGatewaysPaginator(b -> b.filters(f))
        .internetGateways().stream().toList(), InternetGateway::internetGatewayId);
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    String id = ctx.clients().ec2().createInternetGateway(b -> b
        .tagSpecifications(Ec2Support.tagSpecification(
            software.amazon.awssdk.services.ec2.model.ResourceType.INTERNET_GATEWAY,
            Tags.forCreate(Vals.get(planned, "tags_all"), address)))).internetGateway().internetGatewayId();
    String vpc = Vals.string(planned, "vpc_id");
    if (vpc != null) {
      ctx.clients().ec2().attachInternetGateway(b -> b.internetGatewayId(id).vpcId(vpc));
    }
    return id;
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    String id = Vals.string(prior, "id");
    InternetGateway g = ctx.clients().ec2().describeInternetGateways(b -> b.internetGatewayIds(id))
        .internetGateways().get(0);
    String now = attachedVpc(g);
    String want = Vals.string(planned, "vpc_id");
    if (!Objects.equals(now, want)) {
      if (now != null) {
        ctx.clients().ec2().detachInternetGateway(b -> b.internetGatewayId(id).vpcId(now));
      }
      if (want != null) {
        ctx.clients().ec2().attachInternetGateway(b -> b.internetGatewayId(id).vpcId(want));
      }
    }
    Ec2Support.updateTags(ctx, id, Ec2Support.tags(g.tags()), Vals.get(planned, "tags_all"), address);
  }

  /** Detached first: AWS refuses to delete an attached gateway. */
  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    String id = Vals.string(prior, "id");
    InternetGateway g = describe(List.of(id), ctx).get(id);
    if (g == null) {
      return;
    }
    for (InternetGatewayAttachment a : g.attachments()) {
      ctx.clients().ec2().detachInternetGateway(b -> b.internetGatewayId(id).vpcId(a.vpcId()));
    }
    ctx.clients().ec2().deleteInternetGateway(b -> b.internetGatewayId(id));
  }
}
