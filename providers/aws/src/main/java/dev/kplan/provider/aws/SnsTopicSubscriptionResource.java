package dev.kplan.provider.aws;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.ResourceSchema;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * {@code aws_sns_topic_subscription}: id and import id are the subscription ARN. The topic, protocol and
 * endpoint force a replacement; {@code raw_message_delivery} and {@code filter_policy} (compared as JSON)
 * change in place. SQS, Lambda, HTTP(S), email… endpoints all go through Subscribe; those that need a
 * confirmation show {@code pending_confirmation = true} until they confirm.
 */
final class SnsTopicSubscriptionResource implements ResourceType {
  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.ofEntries(
      Map.entry("topic_arn", AttributeSchema.required(Type.STRING).forcingNew()),
      Map.entry("protocol", AttributeSchema.required(Type.STRING).forcingNew()),
      Map.entry("endpoint", AttributeSchema.required(Type.STRING).forcingNew()),
      Map.entry("raw_message_delivery", AttributeSchema.optionalComputed(Type.BOOL)),
      Map.entry("filter_policy", AttributeSchema.optional(Type.STRING)),
      Map.entry("id", AttributeSchema.computed(Type.STRING)),
      Map.entry("arn", AttributeSchema.computed(Type.STRING)),
      Map.entry("owner_id", AttributeSchema.computed(Type.STRING)),
      Map.entry("pending_confirmation", AttributeSchema.computed(Type.BOOL)))));

  @Override
  public String name() {
    return "aws_sns_topic_subscription";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, Value> defaults() {
    return Map.of("raw_message_delivery", Value.bool(false));
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    return ctx.reads().map(priors, prior -> readOne(prior, ctx));
  }

  private static Value readOne(ObjectValue prior, AwsContext ctx) {
    String arn = Vals.string(prior, "id");
    Map<String, String> attrs;
    try {
      attrs = ctx.clients().sns().getSubscriptionAttributes(b -> b.subscriptionArn(arn)).attributes();
    } catch (SdkException e) {
      if (AwsErrors.notFound(e)) {
        return Value.nullOf(SCHEMA.block().impliedType());
      }
      throw e;
    }
    String filter = attrs.get("FilterPolicy");
    String priorFilter = Vals.string(prior, "filter_policy");
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(arn));
    m.put("arn", Value.string(arn));
    m.put("topic_arn", Vals.str(attrs.get("TopicArn")));
    m.put("protocol", Vals.str(attrs.get("Protocol")));
    m.put("endpoint", Vals.str(attrs.get("Endpoint")));
    m.put("raw_message_delivery", Value.bool("true".equals(attrs.get("RawMessageDelivery"))));
    m.put("filter_policy", Vals.str(filter == null || filter.isEmpty() ? null
        : priorFilter != null && JsonText.equivalent(priorFilter, filter) ? priorFilter : filter));
    m.put("owner_id", Vals.str(attrs.get("Owner")));
    m.put("pending_confirmation", Value.bool("true".equals(attrs.get("PendingConfirmation"))));
    return Vals.complete(SCHEMA.block(), m);
  }

  /** The topic, protocol and endpoint: a topic has one subscription of an endpoint by a protocol. */
  @Override
  public Map<String, String> identity(ObjectValue planned, String address) {
    return new java.util.TreeMap<>(Map.of(Tags.ADDRESS, address, "topic_arn", Vals.string(planned, "topic_arn"),
        "protocol", Vals.string(planned, "protocol"), "endpoint", Vals.string(planned, "endpoint")));
  }

  /** The topic's subscriptions of the journaled endpoint by the journaled protocol (ListSubscriptionsByTopic). */
  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    String topic = identity.get("topic_arn");
    if (topic == null) {
      return List.of();
    }
    try {
      return ctx.clients().sns().listSubscriptionsByTopicPaginator(b -> b.topicArn(topic)).subscriptions().stream()
          .filter(s -> Objects.equals(identity.get("protocol"), s.protocol())
              && Objects.equals(identity.get("endpoint"), s.endpoint()))
          .map(s -> s.subscriptionArn()).distinct().sorted().toList();
    } catch (software.amazon.awssdk.services.sns.model.NotFoundException e) {
      return List.of(); // the topic is gone, and its subscriptions with it
    }
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    Map<String, String> attrs = new HashMap<>();
    if (Boolean.TRUE.equals(Vals.bool(planned, "raw_message_delivery"))) {
      attrs.put("RawMessageDelivery", "true");
    }
    if (Vals.string(planned, "filter_policy") != null) {
      attrs.put("FilterPolicy", Vals.string(planned, "filter_policy"));
    }
    return ctx.clients().sns().subscribe(b -> b.topicArn(Vals.string(planned, "topic_arn"))
        .protocol(Vals.string(planned, "protocol")).endpoint(Vals.string(planned, "endpoint"))
        .attributes(attrs).returnSubscriptionArn(true)).subscriptionArn();
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    String arn = Vals.string(prior, "id");
    SnsClient sns = ctx.clients().sns();
    if (!Objects.equals(Vals.bool(prior, "raw_message_delivery"), Vals.bool(planned, "raw_message_delivery"))) {
      sns.setSubscriptionAttributes(b -> b.subscriptionArn(arn).attributeName("RawMessageDelivery")
          .attributeValue(String.valueOf(Boolean.TRUE.equals(Vals.bool(planned, "raw_message_delivery")))));
    }
    String filter = Vals.string(planned, "filter_policy");
    if (!Objects.equals(Vals.string(prior, "filter_policy"), filter)) {
      sns.setSubscriptionAttributes(b -> b.subscriptionArn(arn).attributeName("FilterPolicy")
          .attributeValue(filter == null ? "" : filter));
    }
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    ctx.clients().sns().unsubscribe(b -> b.subscriptionArn(Vals.string(prior, "id")));
  }
}
