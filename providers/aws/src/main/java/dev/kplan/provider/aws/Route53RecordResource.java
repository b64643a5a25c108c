package dev.kplan.provider.aws;

import dev.kplan.lang.types.SetType;
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
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

/**
 * {@code aws_route53_record} (simple routing, {@code records} + {@code ttl}): id and import id
 * {@code ZONEID_NAME_TYPE} as in Terraform. The zone, name and type replace the record; the TTL and values
 * change in place (UPSERT), and every change waits until Route 53 reports it INSYNC. TXT values are quoted
 * for Route 53 and unquoted in the state, as Terraform does.
 */
final class Route53RecordResource implements ResourceType {
  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.of(
      "zone_id", AttributeSchema.required(Type.STRING).forcingNew(),
      "name", AttributeSchema.required(Type.STRING).forcingNew(),
      "type", AttributeSchema.required(Type.STRING).forcingNew(),
      "ttl", AttributeSchema.optional(Type.NUMBER),
      "records", AttributeSchema.optional(new SetType(Type.STRING)),
      "id", AttributeSchema.computed(Type.STRING),
      "fqdn", AttributeSchema.computed(Type.STRING))));

  @Override
  public String name() {
    return "aws_route53_record";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public ObjectValue importPrior(String id) {
    String[] parts = id.split("_");
    if (parts.length != 3) {
      throw new IllegalArgumentException("an aws_route53_record id is ZONEID_NAME_TYPE, not \"" + id + "\"");
    }
    return Value.object(Map.of("id", Value.string(id), "zone_id", Value.string(parts[0]),
        "name", Value.string(parts[1]), "type", Value.string(parts[2])));
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    return ctx.reads().map(priors, prior -> readOne(prior, ctx));
  }

  private static Value readOne(ObjectValue prior, AwsContext ctx) {
    String zone = Vals.string(prior, "zone_id");
    String type = Vals.string(prior, "type");
    Route53Client r53 = ctx.clients().route53();
    ResourceRecordSet found = null;
    String zoneName;
    try {
      zoneName = r53.getHostedZone(b -> b.id(zone)).hostedZone().name();
      String fqdn = Route53Names.qualify(Vals.string(prior, "name"), zoneName);
      var page = r53.listResourceRecordSets(b -> b.hostedZoneId(zone).startRecordName(fqdn).startRecordType(type)
          .maxItems("1"));
      for (ResourceRecordSet rs : page.resourceRecordSets()) {
        if (Route53Names.canonical(rs.name()).equals(fqdn) && rs.typeAsString().equals(type)) {
          found = rs;
        }
      }
    } catch (SdkException e) {
      if (AwsErrors.notFound(e)) {
        return Value.nullOf(SCHEMA.block().impliedType());
      }
      throw e;
    }
    if (found == null) {
      return Value.nullOf(SCHEMA.block().impliedType());
    }
    List<Value> values = new ArrayList<>();
    for (ResourceRecord r : found.resourceRecords()) {
      values.add(Value.string(type.equals("TXT") ? unquote(r.value()) : r.value()));
    }
    String name = Route53Names.keep(Vals.string(prior, "name"), found.name());
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(zone + "_" + name + "_" + type));
    m.put("zone_id", Value.string(zone));
    m.put("name", Value.string(name));
    m.put("type", Value.string(type));
    m.put("ttl", Vals.num(found.ttl() == null ? null : found.ttl().intValue()));
    m.put("records", Value.set(Type.STRING, values));
    m.put("fqdn", Value.string(Route53Names.canonical(found.name())));
    return Vals.complete(SCHEMA.block(), m);
  }

  private static String unquote(String v) {
    return v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"") ? v.substring(1, v.length() - 1).replace("\"\"", "") : v;
  }

  private static ResourceRecordSet recordSet(ObjectValue o, String zoneName) {
    String type = Vals.string(o, "type");
    List<ResourceRecord> records = new ArrayList<>();
    Set<String> values = new TreeSet<>(Vals.strings(Vals.get(o, "records")));
    for (String v : values) {
      records.add(ResourceRecord.builder().value(type.equals("TXT") && !v.startsWith("\"") ? "\"" + v + "\"" : v).build());
    }
    Integer ttl = Vals.integer(o, "ttl");
    return ResourceRecordSet.builder().name(Route53Names.qualify(Vals.string(o, "name"), zoneName)).type(type)
        .ttl(ttl == null ? null : ttl.longValue()).resourceRecords(records).build();
  }

  private static void change(ObjectValue o, ChangeAction action, AwsContext ctx) {
    Route53Client r53 = ctx.clients().route53();
    String zone = Vals.string(o, "zone_id");
    String zoneName = r53.getHostedZone(b -> b.id(zone)).hostedZone().name();
    var r = r53.changeResourceRecordSets(b -> b.hostedZoneId(zone).changeBatch(c -> c.changes(x -> x.action(action)
        .resourceRecordSet(recordSet(o, zoneName)))));
    Route53Changes.await(r53, r.changeInfo());
  }

  /** The zone, name and type, which make the record's id (a record set carries no tags). */
  @Override
  public Map<String, String> identity(ObjectValue planned, String address) {
    return new java.util.TreeMap<>(Map.of(Tags.ADDRESS, address, "zone_id", Vals.string(planned, "zone_id"),
        "name", Vals.string(planned, "name"), "type", Vals.string(planned, "type")));
  }

  /**
   * The record set of the journaled zone, name and type, if it exists: a create is a CREATE change, which fails
   * when repeated, so an interrupted one must be found.
   */
  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    String zone = identity.get("zone_id");
    if (zone == null || identity.get("name") == null || identity.get("type") == null) {
      return List.of();
    }
    String id = zone + "_" + identity.get("name") + "_" + identity.get("type");
    try {
      return read(List.of(importPrior(id)), ctx).get(0).isNull() ? List.of() : List.of(id);
    } catch (software.amazon.awssdk.services.route53.model.NoSuchHostedZoneException e) {
      return List.of();
    }
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    change(planned, ChangeAction.CREATE, ctx);
    return Vals.string(planned, "zone_id") + "_" + Vals.string(planned, "name") + "_" + Vals.string(planned, "type");
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    change(planned, ChangeAction.UPSERT, ctx);
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    change(prior, ChangeAction.DELETE, ctx);
  }
}
