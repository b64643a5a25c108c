package dev.kplan.provider.aws;

import dev.kplan.lang.types.ListType;
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
import java.util.UUID;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.GetHostedZoneResponse;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.Tag;
import software.amazon.awssdk.services.route53.model.TagResourceType;

/**
 * {@code aws_route53_zone} (public zones): id and import id are the zone id ({@code Z…}). The name replaces
 * the zone, the comment and tags change in place; with {@code force_destroy} the zone's records (other than
 * its own NS and SOA) are deleted first.
 */
final class Route53ZoneResource implements ResourceType {
  private static final String CALLER_REFERENCE = "caller_reference";

  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.ofEntries(
      Map.entry("name", AttributeSchema.required(Type.STRING).forcingNew()),
      Map.entry("comment", AttributeSchema.optionalComputed(Type.STRING)),
      Map.entry("force_destroy", AttributeSchema.optionalComputed(Type.BOOL)),
      Map.entry("tags", AttributeSchema.optional(Vals.STRING_MAP)),
      Map.entry("tags_all", AttributeSchema.computed(Vals.STRING_MAP)),
      Map.entry("id", AttributeSchema.computed(Type.STRING)),
      Map.entry("zone_id", AttributeSchema.computed(Type.STRING)),
      Map.entry("arn", AttributeSchema.computed(Type.STRING)),
      Map.entry("name_servers", AttributeSchema.computed(new ListType(Type.STRING))),
      Map.entry("primary_name_server", AttributeSchema.computed(Type.STRING)))));

  @Override
  public String name() {
    return "aws_route53_zone";
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  @Override
  public Map<String, Value> defaults() {
    return Map.of("comment", Value.string("Managed by kplan"), "force_destroy", Value.bool(false));
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    return ctx.reads().map(priors, prior -> readOne(prior, ctx));
  }

  private static Value readOne(ObjectValue prior, AwsContext ctx) {
    String id = Route53Names.zoneId(Vals.string(prior, "id"));
    Route53Client r53 = ctx.clients().route53();
    GetHostedZoneResponse z;
    Map<String, String> live = new TreeMap<>();
    try {
      z = r53.getHostedZone(b -> b.id(id));
      for (Tag t : r53.listTagsForResource(b -> b.resourceType(TagResourceType.HOSTEDZONE).resourceId(id))
          .resourceTagSet().tags()) {
        live.put(t.key(), t.value());
      }
    } catch (SdkException e) {
      if (AwsErrors.notFound(e)) {
        return Value.nullOf(SCHEMA.block().impliedType());
      }
      throw e;
    }
    List<Value> servers = new ArrayList<>();
    if (z.delegationSet() != null) {
      z.delegationSet().nameServers().forEach(n -> servers.add(Value.string(n)));
    }
    Map<String, String> visible = Tags.visible(live);
    String comment = z.hostedZone().config() == null ? null : z.hostedZone().config().comment();
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(id));
    m.put("zone_id", Value.string(id));
    m.put("arn", Value.string("arn:aws:route53:::hostedzone/" + id));
    m.put("name", Value.string(Route53Names.keep(Vals.string(prior, "name"), z.hostedZone().name())));
    m.put("comment", Value.string(comment == null ? "" : comment));
    m.put("force_destroy", Value.bool(Boolean.TRUE.equals(Vals.bool(prior, "force_destroy"))));
    m.put("name_servers", Value.list(Type.STRING, servers));
    m.put("primary_name_server", servers.isEmpty() ? null : servers.get(0));
    m.put("tags", Tags.own(visible, ctx.settings().defaultTags(), Vals.get(prior, "tags")));
    m.put("tags_all", Vals.map(visible));
    return Vals.complete(SCHEMA.block(), m);
  }

  /**
   * The zone's name and the CreateHostedZone caller reference (made up here so that it is journaled), and the address
   * tag (written by a second call, so the lookup goes by the caller reference).
   */
  @Override
  public Map<String, String> identity(ObjectValue planned, String address) {
    Map<String, String> id = JournaledNames.identity(planned, address, null, CALLER_REFERENCE,
        () -> UUID.randomUUID().toString());
    id.put("name", Vals.string(planned, "name"));
    return id;
  }

  /** The hosted zones created with the journaled caller reference. */
  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    String reference = identity.get(CALLER_REFERENCE);
    if (reference == null) {
      return List.of();
    }
    return ctx.clients().route53().listHostedZonesPaginator().hostedZones().stream()
        .filter(z -> reference.equals(z.callerReference()))
        .map(z -> Route53Names.zoneId(z.id())).distinct().sorted().toList();
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    return create(planned, address, Map.of(), ctx);
  }

  @Override
  public String create(ObjectValue planned, String address, Map<String, String> identity, AwsContext ctx) {
    Route53Client r53 = ctx.clients().route53();
    String reference = JournaledNames.name(planned, null, identity, CALLER_REFERENCE, () -> UUID.randomUUID().toString());
    var r = r53.createHostedZone(b -> b.name(Vals.string(planned, "name")).callerReference(reference)
        .hostedZoneConfig(c -> c.comment(Vals.string(planned, "comment"))));
    String id = Route53Names.zoneId(r.hostedZone().id());
    List<Tag> tags = new ArrayList<>();
    Tags.forCreate(Vals.get(planned, "tags_all"), address).forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
    r53.changeTagsForResource(b -> b.resourceType(TagResourceType.HOSTEDZONE).resourceId(id).addTags(tags));
    Route53Changes.await(r53, r.changeInfo());
    return id;
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    String id = Vals.string(prior, "id");
    Route53Client r53 = ctx.clients().route53();
    if (!java.util.Objects.equals(Vals.string(prior, "comment"), Vals.string(planned, "comment"))) {
      r53.updateHostedZoneComment(b -> b.id(id).comment(Vals.string(planned, "comment")));
    }
    Map<String, String> live = new TreeMap<>();
    r53.listTagsForResource(b -> b.resourceType(TagResourceType.HOSTEDZONE).resourceId(id))
        .resourceTagSet().tags().forEach(t -> live.put(t.key(), t.value()));
    IamTags.update(live, Vals.get(planned, "tags_all"), address,
        keys -> r53.changeTagsForResource(b -> b.resourceType(TagResourceType.HOSTEDZONE).resourceId(id)
            .removeTagKeys(keys)),
        set -> {
          List<Tag> list = new ArrayList<>();
          set.forEach(t -> list.add(Tag.builder().key(t.key()).value(t.value()).build()));
          r53.changeTagsForResource(b -> b.resourceType(TagResourceType.HOSTEDZONE).resourceId(id).addTags(list));
        });
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    String id = Vals.string(prior, "id");
    Route53Client r53 = ctx.clients().route53();
    if (Boolean.TRUE.equals(Vals.bool(prior, "force_destroy"))) {
      String apex = Route53Names.canonical(Vals.string(prior, "name"));
      List<Change> changes = new ArrayList<>();
      for (ResourceRecordSet rs : r53.listResourceRecordSetsPaginator(b -> b.hostedZoneId(id)).resourceRecordSets()) {
        boolean own = (rs.type() == RRType.NS || rs.type() == RRType.SOA) && apex.equals(Route53Names.canonical(rs.name()));
        if (!own) {
          changes.add(Change.builder().action(ChangeAction.DELETE).resourceRecordSet(rs).build());
        }
      }
      if (!changes.isEmpty()) {
        r53.changeResourceRecordSets(b -> b.hostedZoneId(id).changeBatch(c -> c.changes(changes)));
      }
    }
    r53.deleteHostedZone(b -> b.id(id));
  }
}
