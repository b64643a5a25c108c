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
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Tag;

/**
 * {@code aws_sns_topic}: id and import id are the topic ARN. {@code policy} left out takes the policy SNS
 * writes; given, it is compared as a document, and a topic policy that gains a grant to everyone outside kplan
 * is flagged. SNS has no batch read: each topic costs GetTopicAttributes + ListTagsForResource.
 */
final class SnsTopicResource implements ResourceType {
  /** Terraform attribute → SNS topic attribute, for what can change in place. */
  private static final Map<String, String> SETTINGS = Map.of(
      "display_name", "DisplayName", "policy", "Policy", "kms_master_key_id", "KmsMasterKeyId");

  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.ofEntries(
      Map.entry("name", AttributeSchema.optionalComputed(Type.STRING).forcingNew()),
      Map.entry("fifo_topic", AttributeSchema.optionalComputed(Type.BOOL).forcingNew()),
      Map.entry("display_name", AttributeSchema.optional(Type.STRING)),
      Map.entry("policy", AttributeSchema.optionalComputed(Type.STRING)),
      Map.entry("kms_master_key_id", AttributeSchema.optional(Type.STRING)),
      Map.entry("tags", AttributeSchema.optional(Vals.STRING_MAP)),
      Map.entry("tags_all", AttributeSchema.computed(Vals.STRING_MAP)),
      Map.entry("id", AttributeSchema.computed(Type.STRING)),
      Map.entry("arn", AttributeSchema.computed(Type.STRING)),
      Map.entry("owner", AttributeSchema.computed(Type.STRING)))));

  @Override
  public String name() {
    return "aws_sns_topic";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, Value> defaults() {
    return Map.of("fifo_topic", Value.bool(false));
  }

  @Override
  public dev.kplan.lang.diag.Diagnostics validate(ObjectValue config) {
    return PolicyAttributes.validate(config, "policy");
  }

  @Override
  public boolean securitySensitive(String attribute, Value prior, Value live) {
    return attribute.equals("policy") && PolicyAttributes.broadens(prior, live);
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    return ctx.reads().map(priors, prior -> readOne(prior, ctx));
  }

  private static Value readOne(ObjectValue prior, AwsContext ctx) {
    String arn = Vals.string(prior, "id");
    SnsClient sns = ctx.clients().sns();
    Map<String, String> attrs;
    Map<String, String> live = new java.util.TreeMap<>();
    try {
      attrs = sns.getTopicAttributes(b -> b.topicArn(arn)).attributes();
      for (Tag t : sns.listTagsForResource(b -> b.resourceArn(arn)).tags()) {
        live.put(t.key(), t.value());
      }
    } catch (SdkException e) {
      if (AwsErrors.notFound(e)) {
        return Value.nullOf(SCHEMA.block().impliedType());
      }
      throw e;
    }
    Map<String, String> visible = Tags.visible(live);
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(arn));
    m.put("arn", Value.string(arn));
    m.put("name", Value.string(arn.substring(arn.lastIndexOf(':') + 1)));
    m.put("fifo_topic", Value.bool("true".equals(attrs.get("FifoTopic"))));
    m.put("display_name", Vals.str(blankToNull(attrs.get("DisplayName"))));
    m.put("policy", Vals.str(PolicyDocuments.keepEquivalent(Vals.string(prior, "policy"), attrs.get("Policy"))));
    m.put("kms_master_key_id", Vals.str(blankToNull(attrs.get("KmsMasterKeyId"))));
    m.put("owner", Vals.str(attrs.get("Owner")));
    m.put("tags", Tags.own(visible, ctx.settings().defaultTags(), Vals.get(prior, "tags")));
    m.put("tags_all", Vals.map(visible));
    return Vals.complete(SCHEMA.block(), m);
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** The topic's name (configured, else generated here so that it is journaled) and the address tag. */
  @Override
  public Map<String, String> identity(ObjectValue planned, String address) {
    return JournaledNames.identity(planned, address, "name", "name", () -> newName(planned));
  }

  /** The topic of the journaled name (ListTopics: an ARN needs the account) that carries the address tag. */
  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    String name = identity.get("name");
    if (name == null) {
      return List.of();
    }
    SnsClient sns = ctx.clients().sns();
    List<String> out = new java.util.ArrayList<>();
    sns.listTopicsPaginator().topics().forEach(t -> {
      if (t.topicArn().endsWith(":" + name)) {
        Map<String, String> tags = new java.util.TreeMap<>();
        sns.listTagsForResource(b -> b.resourceArn(t.topicArn())).tags().forEach(g -> tags.put(g.key(), g.value()));
        if (identity.get(Tags.ADDRESS).equals(tags.get(Tags.ADDRESS))) {
          out.add(t.topicArn());
        }
      }
    });
    return out;
  }

  private static String newName(ObjectValue planned) {
    return "kplan-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20)
        + (Boolean.TRUE.equals(Vals.bool(planned, "fifo_topic")) ? ".fifo" : "");
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    return create(planned, address, Map.of(), ctx);
  }

  @Override
  public String create(ObjectValue planned, String address, Map<String, String> identity, AwsContext ctx) {
    boolean fifo = Boolean.TRUE.equals(Vals.bool(planned, "fifo_topic"));
    String name = JournaledNames.name(planned, "name", identity, "name", () -> newName(planned));
    Map<String, String> attrs = new HashMap<>();
    if (fifo) {
      attrs.put("FifoTopic", "true");
    }
    SETTINGS.forEach((attr, snsName) -> {
      String v = Vals.string(planned, attr);
      if (v != null) {
        attrs.put(snsName, v);
      }
    });
    List<Tag> tags = new java.util.ArrayList<>();
    Tags.forCreate(Vals.get(planned, "tags_all"), address).forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
    return ctx.clients().sns().createTopic(b -> b.name(name).attributes(attrs).tags(tags)).topicArn();
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    String arn = Vals.string(prior, "id");
    SnsClient sns = ctx.clients().sns();
    SETTINGS.forEach((attr, snsName) -> {
      String want = Vals.string(planned, attr);
      String was = Vals.string(prior, attr);
      boolean same = attr.equals("policy") ? PolicyDocuments.equivalent(was, want) : Objects.equals(was, want);
      if (!same && !(attr.equals("policy") && want == null)) {
        sns.setTopicAttributes(b -> b.topicArn(arn).attributeName(snsName).attributeValue(want == null ? "" : want));
      }
    });
    Map<String, String> live = new java.util.TreeMap<>();
    sns.listTagsForResource(b -> b.resourceArn(arn)).tags().forEach(t -> live.put(t.key(), t.value()));
    IamTags.update(live, Vals.get(planned, "tags_all"), address,
        keys -> sns.untagResource(b -> b.resourceArn(arn).tagKeys(keys)),
        tags -> {
          List<Tag> list = new java.util.ArrayList<>();
          tags.forEach(t -> list.add(Tag.builder().key(t.key()).value(t.value()).build()));
          sns.tagResource(b -> b.resourceArn(arn).tags(list));
        });
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    ctx.clients().sns().deleteTopic(b -> b.topicArn(Vals.string(prior, "id")));
  }
}
