package dev.kplan.provider.aws;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.ResourceSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * {@code aws_sqs_queue}: the id is the queue URL, as in Terraform. SQS has no batch read, so a refresh
 * reads each queue's attributes and tags, several at a time within a rate limit.
 */
final class SqsQueueResource implements ResourceType {
  /** Terraform attribute name → SQS attribute, for the numeric settings that can change in place. */
  private static final Map<String, QueueAttributeName> SETTINGS = Map.of(
      "visibility_timeout_seconds", QueueAttributeName.VISIBILITY_TIMEOUT,
      "message_retention_seconds", QueueAttributeName.MESSAGE_RETENTION_PERIOD,
      "delay_seconds", QueueAttributeName.DELAY_SECONDS,
      "max_message_size", QueueAttributeName.MAXIMUM_MESSAGE_SIZE,
      "receive_wait_time_seconds", QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS);

  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.ofEntries(
      Map.entry("name", AttributeSchema.optionalComputed(Type.STRING).forcingNew()),
      Map.entry("fifo_queue", AttributeSchema.optionalComputed(Type.BOOL).forcingNew()),
      Map.entry("visibility_timeout_seconds", AttributeSchema.optionalComputed(Type.NUMBER)),
      Map.entry("message_retention_seconds", AttributeSchema.optionalComputed(Type.NUMBER)),
      Map.entry("delay_seconds", AttributeSchema.optionalComputed(Type.NUMBER)),
      Map.entry("max_message_size", AttributeSchema.optionalComputed(Type.NUMBER)),
      Map.entry("receive_wait_time_seconds", AttributeSchema.optionalComputed(Type.NUMBER)),
      Map.entry("tags", AttributeSchema.optional(Vals.STRING_MAP)),
      Map.entry("tags_all", AttributeSchema.computed(Vals.STRING_MAP)),
      Map.entry("id", AttributeSchema.computed(Type.STRING)),
      Map.entry("url", AttributeSchema.computed(Type.STRING)),
      Map.entry("arn", AttributeSchema.computed(Type.STRING)))));

  @Override
  public String name() {
    return "aws_sqs_queue";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, Value> defaults() {
    return Map.of(
        "fifo_queue", Value.bool(false),
        "visibility_timeout_seconds", Value.number(30),
        "message_retention_seconds", Value.number(345600),
        "delay_seconds", Value.number(0),
        "max_message_size", Value.number(262144),
        "receive_wait_time_seconds", Value.number(0));
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    return ctx.reads().map(priors, prior -> readOne(prior, ctx));
  }

  private static Value readOne(ObjectValue prior, AwsContext ctx) {
    SqsClient sqs = ctx.clients().sqs();
    String url = Vals.string(prior, "id");
    Map<String, String> attrs;
    Map<String, String> tags;
    try {
      if (!url.contains("/")) {
        url = sqs.getQueueUrl(b -> b.queueName(Vals.string(prior, "id"))).queueUrl();
      }
      String u = url;
      attrs = sqs.getQueueAttributes(b -> b.queueUrl(u).attributeNames(QueueAttributeName.ALL)).attributesAsStrings();
      tags = sqs.listQueueTags(b -> b.queueUrl(u)).tags();
    } catch (SdkException e) {
      if (AwsErrors.notFound(e)) {
        return Value.nullOf(SCHEMA.block().impliedType());
      }
      throw e;
    }
    Map<String, String> visible = Tags.visible(tags == null ? Map.of() : tags);
    String arn = attrs.get(QueueAttributeName.QUEUE_ARN.toString());
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(url));
    m.put("url", Value.string(url));
    m.put("arn", Vals.str(arn));
    m.put("name", Vals.str(arn == null ? url.substring(url.lastIndexOf('/') + 1) : arn.substring(arn.lastIndexOf(':') + 1)));
    m.put("fifo_queue", Value.bool("true".equals(attrs.get(QueueAttributeName.FIFO_QUEUE.toString()))));
    SETTINGS.forEach((name, attr) -> {
      String v = attrs.get(attr.toString());
      m.put(name, v == null ? null : Value.number(Long.parseLong(v)));
    });
    m.put("tags", Tags.own(visible, ctx.settings().defaultTags(), Vals.get(prior, "tags")));
    m.put("tags_all", Vals.map(visible));
    return Vals.complete(SCHEMA.block(), m);
  }

  private static Map<String, String> settings(ObjectValue planned, ObjectValue prior) {
    Map<String, String> out = new HashMap<>();
    SETTINGS.forEach((name, attr) -> {
      Integer v = Vals.integer(planned, name);
      if (v != null && (prior == null || !Objects.equals(v, Vals.integer(prior, name)))) {
        out.put(attr.toString(), String.valueOf(v));
      }
    });
    return out;
  }

  /** The queue's name when the configuration gives one, and the address tag (which CreateQueue writes). */
  @Override
  public Map<String, String> identity(ObjectValue planned, String address) {
    Map<String, String> id = new java.util.TreeMap<>(Map.of(Tags.ADDRESS, address));
    String given = Vals.string(planned, "name");
    if (given != null) {
      id.put("name", given);
    }
    return id;
  }

  /** By name (GetQueueUrl), else among the {@code kplan-…} queues; either way only one carrying the address tag. */
  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    SqsClient sqs = ctx.clients().sqs();
    String address = identity.get(Tags.ADDRESS);
    List<String> urls = new ArrayList<>();
    String name = identity.get("name");
    if (name != null) {
      try {
        urls.add(sqs.getQueueUrl(b -> b.queueName(name)).queueUrl());
      } catch (software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException e) {
        return List.of();
      }
    } else {
      sqs.listQueuesPaginator(b -> b.queueNamePrefix("kplan-")).queueUrls().forEach(urls::add);
    }
    List<String> out = new ArrayList<>();
    for (String url : urls) {
      if (address != null && address.equals(sqs.listQueueTags(b -> b.queueUrl(url)).tags().get(Tags.ADDRESS))) {
        out.add(url);
      }
    }
    return out;
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    boolean fifo = Boolean.TRUE.equals(Vals.bool(planned, "fifo_queue"));
    String given = Vals.string(planned, "name");
    String name = given != null ? given : "kplan-" + UUID.randomUUID().toString().substring(0, 13) + (fifo ? ".fifo" : "");
    Map<String, String> attributes = settings(planned, null);
    if (fifo) {
      attributes.put(QueueAttributeName.FIFO_QUEUE.toString(), "true");
    }
    return ctx.clients().sqs().createQueue(b -> b.queueName(name).attributesWithStrings(attributes)
        .tags(Tags.forCreate(Vals.get(planned, "tags_all"), address))).queueUrl();
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    SqsClient sqs = ctx.clients().sqs();
    String url = Vals.string(prior, "id");
    Map<String, String> changed = settings(planned, prior);
    if (!changed.isEmpty()) {
      sqs.setQueueAttributes(b -> b.queueUrl(url).attributesWithStrings(changed));
    }
    Tags.Change c = Tags.change(sqs.listQueueTags(b -> b.queueUrl(url)).tags(), Vals.get(planned, "tags_all"),
        address);
    if (!c.remove().isEmpty()) {
      sqs.untagQueue(b -> b.queueUrl(url).tagKeys(c.remove()));
    }
    if (!c.set().isEmpty()) {
      sqs.tagQueue(b -> b.queueUrl(url).tags(c.set()));
    }
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    ctx.clients().sqs().deleteQueue(b -> b.queueUrl(Vals.string(prior, "id")));
  }
}
