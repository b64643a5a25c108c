package dev.kplan.provider.aws;

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
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.UpdateTableRequest;

/**
 * {@code aws_dynamodb_table} without secondary indexes: the id is the table name. The name, keys and
 * {@code attribute} definitions replace the table; billing mode, capacity, streams, deletion protection,
 * {@code ttl} and {@code point_in_time_recovery} change in place. Create and delete wait until the table is
 * ACTIVE or gone.
 */
final class DynamoDbTableResource implements ResourceType {
  private static final BlockSchema ATTRIBUTE = BlockSchema.of(Map.of(
      "name", AttributeSchema.required(Type.STRING), "type", AttributeSchema.required(Type.STRING)));
  private static final BlockSchema TTL = BlockSchema.of(Map.of(
      "attribute_name", AttributeSchema.optional(Type.STRING), "enabled", AttributeSchema.optional(Type.BOOL)));
  private static final BlockSchema PITR = BlockSchema.of(Map.of("enabled", AttributeSchema.required(Type.BOOL)));

  private static final ResourceSchema SCHEMA = ResourceSchema.of(new BlockSchema(
      Map.ofEntries(
          Map.entry("name", AttributeSchema.required(Type.STRING).forcingNew()),
          Map.entry("hash_key", AttributeSchema.required(Type.STRING).forcingNew()),
          Map.entry("range_key", AttributeSchema.optional(Type.STRING).forcingNew()),
          Map.entry("billing_mode", AttributeSchema.optionalComputed(Type.STRING)),
          Map.entry("read_capacity", AttributeSchema.optionalComputed(Type.NUMBER)),
          Map.entry("write_capacity", AttributeSchema.optionalComputed(Type.NUMBER)),
          Map.entry("stream_enabled", AttributeSchema.optionalComputed(Type.BOOL)),
          Map.entry("stream_view_type", AttributeSchema.optionalComputed(Type.STRING)),
          Map.entry("deletion_protection_enabled", AttributeSchema.optionalComputed(Type.BOOL)),
          Map.entry("tags", AttributeSchema.optional(Vals.STRING_MAP)),
          Map.entry("tags_all", AttributeSchema.computed(Vals.STRING_MAP)),
          Map.entry("id", AttributeSchema.computed(Type.STRING)),
          Map.entry("arn", AttributeSchema.computed(Type.STRING)),
          Map.entry("stream_arn", AttributeSchema.computed(Type.STRING))),
      Map.of(
          "attribute", new NestedBlock(ATTRIBUTE, NestedBlock.Nesting.SET, 1, 0),
          "ttl", new NestedBlock(TTL, NestedBlock.Nesting.SINGLE, 0, 1),
          "point_in_time_recovery", new NestedBlock(PITR, NestedBlock.Nesting.SINGLE, 0, 1))));

  @Override
  public String name() {
    return "aws_dynamodb_table";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, Value> defaults() {
    return Map.of("billing_mode", Value.string("PROVISIONED"), "stream_enabled", Value.bool(false),
        "deletion_protection_enabled", Value.bool(false));
  }

  @Override
  public Set<String> blocksForcingNew() {
    return Set.of("attribute");
  }

  @Override
  public dev.kplan.lang.diag.Diagnostics validate(ObjectValue config) {
    String mode = Vals.string(config, "billing_mode");
    if (mode != null && !mode.equals("PROVISIONED") && !mode.equals("PAY_PER_REQUEST")) {
      return error("billing_mode must be \"PROVISIONED\" or \"PAY_PER_REQUEST\", not \"" + mode + "\".");
    }
    boolean known = Vals.get(config, "billing_mode").isKnown() && Vals.get(config, "read_capacity").isKnown()
        && Vals.get(config, "write_capacity").isKnown();
    if (known && !"PAY_PER_REQUEST".equals(mode)
        && (Vals.integer(config, "read_capacity") == null || Vals.integer(config, "write_capacity") == null)) {
      return error("a PROVISIONED table needs read_capacity and write_capacity (or billing_mode = \"PAY_PER_REQUEST\").");
    }
    return dev.kplan.lang.diag.Diagnostics.NONE;
  }

  private static dev.kplan.lang.diag.Diagnostics error(String detail) {
    return dev.kplan.lang.diag.Diagnostics.of(dev.kplan.lang.diag.Diagnostic.error("Invalid aws_dynamodb_table", detail, null));
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    return ctx.reads().map(priors, prior -> readOne(prior, ctx));
  }

  private static Value readOne(ObjectValue prior, AwsContext ctx) {
    String name = Vals.string(prior, "id");
    DynamoDbClient db = ctx.clients().dynamodb();
    TableDescription t;
    Map<String, String> live = new TreeMap<>();
    TimeToLiveDescription ttl;
    Boolean pitr;
    try {
      t = db.describeTable(b -> b.tableName(name)).table();
      for (Tag tag : db.listTagsOfResource(b -> b.resourceArn(t.tableArn())).tags()) {
        live.put(tag.key(), tag.value());
      }
      ttl = db.describeTimeToLive(b -> b.tableName(name)).timeToLiveDescription();
      var backups = db.describeContinuousBackups(b -> b.tableName(name)).continuousBackupsDescription();
      pitr = backups == null || backups.pointInTimeRecoveryDescription() == null ? null
          : "ENABLED".equals(backups.pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString());
    } catch (SdkException e) {
      if (AwsErrors.notFound(e)) {
        return Value.nullOf(SCHEMA.block().impliedType());
      }
      throw e;
    }
    Map<String, String> visible = Tags.visible(live);
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(t.tableName()));
    m.put("name", Value.string(t.tableName()));
    m.put("arn", Vals.str(t.tableArn()));
    for (KeySchemaElement k : t.keySchema()) {
      m.put(k.keyType() == KeyType.HASH ? "hash_key" : "range_key", Value.string(k.attributeName()));
    }
    String mode = t.billingModeSummary() == null || t.billingModeSummary().billingModeAsString() == null
        ? "PROVISIONED" : t.billingModeSummary().billingModeAsString();
    m.put("billing_mode", Value.string(mode));
    boolean provisioned = mode.equals("PROVISIONED");
    Integer read = t.provisionedThroughput() == null || t.provisionedThroughput().readCapacityUnits() == null ? null
        : t.provisionedThroughput().readCapacityUnits().intValue();
    Integer write = t.provisionedThroughput() == null || t.provisionedThroughput().writeCapacityUnits() == null ? null
        : t.provisionedThroughput().writeCapacityUnits().intValue();
    // on-demand tables report 0 capacity: keep what the configuration left out
    m.put("read_capacity", Vals.num(provisioned ? read : Vals.integer(prior, "read_capacity") == null ? null : read));
    m.put("write_capacity", Vals.num(provisioned ? write : Vals.integer(prior, "write_capacity") == null ? null : write));
    StreamSpecification stream = t.streamSpecification();
    boolean streaming = stream != null && Boolean.TRUE.equals(stream.streamEnabled());
    m.put("stream_enabled", Value.bool(streaming));
    m.put("stream_view_type", Vals.str(streaming ? stream.streamViewTypeAsString() : null));
    m.put("stream_arn", Vals.str(streaming ? t.latestStreamArn() : null));
    m.put("deletion_protection_enabled", Value.bool(Boolean.TRUE.equals(t.deletionProtectionEnabled())));
    List<Value> attributes = new ArrayList<>();
    for (AttributeDefinition a : t.attributeDefinitions()) {
      attributes.add(Vals.complete(ATTRIBUTE, Map.of("name", Value.string(a.attributeName()),
          "type", Value.string(a.attributeTypeAsString()))));
    }
    m.put("attribute", Value.set(ATTRIBUTE.impliedType(), attributes));
    boolean ttlOn = ttl != null && "ENABLED".equals(ttl.timeToLiveStatusAsString());
    if (ttlOn || !Vals.get(prior, "ttl").isNull()) {
      m.put("ttl", Vals.complete(TTL, Map.of("enabled", Value.bool(ttlOn),
          "attribute_name", Vals.str(ttlOn ? ttl.attributeName() : Vals.string(Vals.get(prior, "ttl"), "attribute_name")))));
    }
    if (Boolean.TRUE.equals(pitr) || !Vals.get(prior, "point_in_time_recovery").isNull()) {
      m.put("point_in_time_recovery", Vals.complete(PITR, Map.of("enabled", Value.bool(Boolean.TRUE.equals(pitr)))));
    }
    m.put("tags", Tags.own(visible, ctx.settings().defaultTags(), Vals.get(prior, "tags")));
    m.put("tags_all", Vals.map(visible));
    return Vals.complete(SCHEMA.block(), m);
  }

  /** The table's name (required) and the address tag. */
  @Override
  public Map<String, String> identity(ObjectValue planned, String address) {
    return JournaledNames.identity(planned, address, "name", "name", () -> null);
  }

  /** DescribeTable by the journaled name; only a table carrying the address tag is the one kplan made. */
  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    String name = identity.get("name");
    if (name == null) {
      return List.of();
    }
    DynamoDbClient db = ctx.clients().dynamodb();
    String arn;
    try {
      arn = db.describeTable(b -> b.tableName(name)).table().tableArn();
    } catch (software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException e) {
      return List.of();
    }
    boolean ours = db.listTagsOfResource(b -> b.resourceArn(arn)).tags().stream()
        .anyMatch(t -> Tags.ADDRESS.equals(t.key()) && identity.get(Tags.ADDRESS).equals(t.value()));
    return ours ? List.of(name) : List.of();
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    String name = Vals.string(planned, "name");
    DynamoDbClient db = ctx.clients().dynamodb();
    List<KeySchemaElement> keys = new ArrayList<>();
    keys.add(KeySchemaElement.builder().attributeName(Vals.string(planned, "hash_key")).keyType(KeyType.HASH).build());
    if (Vals.string(planned, "range_key") != null) {
      keys.add(KeySchemaElement.builder().attributeName(Vals.string(planned, "range_key")).keyType(KeyType.RANGE).build());
    }
    List<AttributeDefinition> defs = new ArrayList<>();
    for (Value a : setElements(Vals.get(planned, "attribute"))) {
      defs.add(AttributeDefinition.builder().attributeName(Vals.string(a, "name")).attributeType(Vals.string(a, "type")).build());
    }
    List<Tag> tags = new ArrayList<>();
    Tags.forCreate(Vals.get(planned, "tags_all"), address).forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
    String mode = Vals.string(planned, "billing_mode");
    db.createTable(b -> {
      b.tableName(name).keySchema(keys).attributeDefinitions(defs).billingMode(mode).tags(tags)
          .deletionProtectionEnabled(Vals.bool(planned, "deletion_protection_enabled"));
      if ("PROVISIONED".equals(mode)) {
        b.provisionedThroughput(p -> p.readCapacityUnits((long) Vals.integer(planned, "read_capacity"))
            .writeCapacityUnits((long) Vals.integer(planned, "write_capacity")));
      }
      if (Boolean.TRUE.equals(Vals.bool(planned, "stream_enabled"))) {
        b.streamSpecification(s -> s.streamEnabled(true).streamViewType(Vals.string(planned, "stream_view_type")));
      }
    });
    db.waiter().waitUntilTableExists(b -> b.tableName(name));
    updateTtlAndRecovery(name, Value.nullOf(Type.DYNAMIC), Value.nullOf(Type.DYNAMIC), planned, ctx);
    return name;
  }

  private static List<Value> setElements(Value v) {
    return v instanceof dev.kplan.lang.value.SetValue s ? s.elements()
        : v instanceof dev.kplan.lang.value.ListValue l ? l.elements() : List.of();
  }

  private static void updateTtlAndRecovery(String name, Value priorTtl, Value priorPitr, ObjectValue planned,
      AwsContext ctx) {
    DynamoDbClient db = ctx.clients().dynamodb();
    Value ttl = Vals.get(planned, "ttl");
    boolean ttlWas = Boolean.TRUE.equals(Vals.bool(priorTtl, "enabled"));
    boolean ttlWant = Boolean.TRUE.equals(Vals.bool(ttl, "enabled"));
    if (ttlWas != ttlWant) {
      String attr = ttlWant ? Vals.string(ttl, "attribute_name") : Vals.string(priorTtl, "attribute_name");
      db.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(s -> s.enabled(ttlWant).attributeName(attr)));
    }
    boolean pitrWas = Boolean.TRUE.equals(Vals.bool(priorPitr, "enabled"));
    boolean pitrWant = Boolean.TRUE.equals(Vals.bool(Vals.get(planned, "point_in_time_recovery"), "enabled"));
    if (pitrWas != pitrWant) {
      db.updateContinuousBackups(b -> b.tableName(name)
          .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(pitrWant)));
    }
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    String name = Vals.string(prior, "id");
    DynamoDbClient db = ctx.clients().dynamodb();
    UpdateTableRequest.Builder u = UpdateTableRequest.builder().tableName(name);
    boolean change = false;
    String mode = Vals.string(planned, "billing_mode");
    boolean capacity = !Objects.equals(Vals.integer(prior, "read_capacity"), Vals.integer(planned, "read_capacity"))
        || !Objects.equals(Vals.integer(prior, "write_capacity"), Vals.integer(planned, "write_capacity"));
    if (!Objects.equals(Vals.string(prior, "billing_mode"), mode)) {
      u.billingMode(BillingMode.fromValue(mode));
      change = true;
    }
    if ("PROVISIONED".equals(mode) && (capacity || change)) {
      u.provisionedThroughput(p -> p.readCapacityUnits((long) Vals.integer(planned, "read_capacity"))
          .writeCapacityUnits((long) Vals.integer(planned, "write_capacity")));
      change = true;
    }
    if (!Objects.equals(Vals.bool(prior, "stream_enabled"), Vals.bool(planned, "stream_enabled"))
        || !Objects.equals(Vals.string(prior, "stream_view_type"), Vals.string(planned, "stream_view_type"))) {
      boolean on = Boolean.TRUE.equals(Vals.bool(planned, "stream_enabled"));
      u.streamSpecification(s -> s.streamEnabled(on).streamViewType(on ? Vals.string(planned, "stream_view_type") : null));
      change = true;
    }
    if (!Objects.equals(Vals.bool(prior, "deletion_protection_enabled"), Vals.bool(planned, "deletion_protection_enabled"))) {
      u.deletionProtectionEnabled(Vals.bool(planned, "deletion_protection_enabled"));
      change = true;
    }
    if (change) {
      db.updateTable(u.build());
      db.waiter().waitUntilTableExists(b -> b.tableName(name));
    }
    updateTtlAndRecovery(name, Vals.get(prior, "ttl"), Vals.get(prior, "point_in_time_recovery"), planned, ctx);
    String arn = Vals.string(prior, "arn");
    Map<String, String> live = new TreeMap<>();
    db.listTagsOfResource(b -> b.resourceArn(arn)).tags().forEach(t -> live.put(t.key(), t.value()));
    IamTags.update(live, Vals.get(planned, "tags_all"), address,
        keys -> db.untagResource(b -> b.resourceArn(arn).tagKeys(keys)),
        tags -> {
          List<Tag> list = new ArrayList<>();
          tags.forEach(t -> list.add(Tag.builder().key(t.key()).value(t.value()).build()));
          db.tagResource(b -> b.resourceArn(arn).tags(list));
        });
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    String name = Vals.string(prior, "id");
    DynamoDbClient db = ctx.clients().dynamodb();
    db.deleteTable(b -> b.tableName(name));
    db.waiter().waitUntilTableNotExists(b -> b.tableName(name));
  }
}
