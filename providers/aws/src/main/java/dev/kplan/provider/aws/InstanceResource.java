package dev.kplan.provider.aws;

import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.ResourceSchema;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterfaceSpecification;
import software.amazon.awssdk.services.ec2.model.Reservation;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.waiters.Ec2Waiter;

/**
 * {@code aws_instance}. RunInstances carries a client token (a retried create never starts a second instance) and
 * the address tag; the apply waits until the instance runs, and a delete until it is terminated. What AWS lets
 * change on an existing instance changes in place: security groups directly, {@code instance_type} and
 * {@code user_data} by stopping, modifying and starting it (as Terraform does; the public IP may change). The AMI,
 * the subnet and whether a public IP is assigned at launch can only be chosen at launch: changing them replaces the
 * instance. One DescribeInstances (instance-id filter, paginated) refreshes every instance of a plan; a terminated
 * instance reads as gone. {@code user_data} is kept as applied (reading it back costs one call per instance).
 */
final class InstanceResource implements ResourceType {
  private static final String CLIENT_TOKEN = "client_token";

  static final String TYPE = "aws_instance";
  private static final Type STRING_SET = new SetType(Type.STRING);
  private static final ResourceSchema SCHEMA = ResourceSchema.of(BlockSchema.of(Map.ofEntries(
      Map.entry("ami", AttributeSchema.required(Type.STRING).forcingNew()),
      Map.entry("instance_type", AttributeSchema.required(Type.STRING)),
      Map.entry("subnet_id", AttributeSchema.optionalComputed(Type.STRING).forcingNew()),
      Map.entry("vpc_security_group_ids", AttributeSchema.optionalComputed(STRING_SET)),
      Map.entry("associate_public_ip_address", AttributeSchema.optionalComputed(Type.BOOL).forcingNew()),
      Map.entry("user_data", AttributeSchema.optional(Type.STRING)),
      Map.entry("tags", AttributeSchema.optional(Vals.STRING_MAP)),
      Map.entry("tags_all", AttributeSchema.computed(Vals.STRING_MAP)),
      Map.entry("id", AttributeSchema.computed(Type.STRING)),
      Map.entry("arn", AttributeSchema.computed(Type.STRING)),
      Map.entry("availability_zone", AttributeSchema.computed(Type.STRING)),
      Map.entry("instance_state", AttributeSchema.computed(Type.STRING)),
      Map.entry("primary_network_interface_id", AttributeSchema.computed(Type.STRING)),
      Map.entry("private_ip", AttributeSchema.computed(Type.STRING)),
      Map.entry("private_dns", AttributeSchema.computed(Type.STRING)),
      Map.entry("public_ip", AttributeSchema.computed(Type.STRING)),
      Map.entry("public_dns", AttributeSchema.computed(Type.STRING)))));
  private static final Set<String> GONE = Set.of("terminated", "shutting-down");

  @Override
  public String name() {
    return TYPE;
  }

  @Override
  public ResourceSchema schema() {
    return SCHEMA;
  }

  /** Instance and the account that owns its reservation. */
  private record Found(Instance instance, String owner) {}

  private static Map<String, Found> describe(List<String> ids, AwsContext ctx) {
    Map<String, Found> out = new TreeMap<>();
    Ec2Support.byIds(ids, "instance-id",
        f -> ctx.clients().ec2().describeInstancesPaginator(b -> b.filters(f)).reservations().stream().toList(),
        Reservation::reservationId).values().forEach(r -> r.instances().forEach(i -> {
          if (!GONE.contains(i.state().nameAsString())) {
            out.put(i.instanceId(), new Found(i, r.ownerId()));
          }
        }));
    return out;
  }

  @Override
  public List<Value> read(List<ObjectValue> priors, AwsContext ctx) {
    Map<String, Found> live = describe(priors.stream().map(p -> Vals.string(p, "id")).toList(), ctx);
    List<Value> out = new ArrayList<>();
    for (ObjectValue prior : priors) {
      Found f = live.get(Vals.string(prior, "id"));
      out.add(f == null ? Value.nullOf(SCHEMA.block().impliedType()) : state(f, prior, ctx));
    }
    return out;
  }

  private static Value state(Found f, ObjectValue prior, AwsContext ctx) {
    Instance i = f.instance();
    Map<String, String> visible = Tags.visible(Ec2Support.tags(i.tags()));
    List<Value> groups = new ArrayList<>();
    for (GroupIdentifier g : i.securityGroups()) {
      groups.add(Value.string(g.groupId()));
    }
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("id", Value.string(i.instanceId()));
    m.put("arn", Value.string("arn:aws:ec2:" + ctx.region() + ":" + f.owner() + ":instance/" + i.instanceId()));
    m.put("ami", Vals.str(i.imageId()));
    m.put("instance_type", Vals.str(i.instanceTypeAsString()));
    m.put("subnet_id", Vals.str(i.subnetId()));
    m.put("vpc_security_group_ids", Value.set(Type.STRING, groups));
    m.put("associate_public_ip_address", Value.bool(blank(i.publicIpAddress()) == null ? false : true));
    m.put("user_data", Vals.get(prior, "user_data").isKnown() ? Vals.get(prior, "user_data") : null);
    m.put("availability_zone", Vals.str(i.placement() == null ? null : i.placement().availabilityZone()));
    m.put("instance_state", Vals.str(i.state().nameAsString()));
    m.put("primary_network_interface_id", Vals.str(i.networkInterfaces().isEmpty() ? null
        : i.networkInterfaces().get(0).networkInterfaceId()));
    m.put("private_ip", Vals.str(blank(i.privateIpAddress())));
    m.put("private_dns", Vals.str(blank(i.privateDnsName())));
    m.put("public_ip", Vals.str(blank(i.publicIpAddress())));
    m.put("public_dns", Vals.str(blank(i.publicDnsName())));
    m.put("tags", Tags.own(visible, ctx.settings().defaultTags(), Vals.get(prior, "tags")));
    m.put("tags_all", Vals.map(visible));
    return Vals.complete(SCHEMA.block(), m);
  }

  private static String blank(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** A public IP that appears outside kplan exposes the instance: security-sensitive drift. */
  @Override
  public boolean securitySensitive(String attribute, Value prior, Value live) {
    return switch (attribute) {
      case "public_ip" -> prior.isNull() && !live.isNull();
      case "associate_public_ip_address" -> !Value.bool(true).equals(prior) && Value.bool(true).equals(live);
      default -> false;
    };
  }

  /** A stop and start gives the instance a new public IP and DNS name. */
  @Override
  public Map<String, Value> planUpdate(ObjectValue prior, Map<String, Value> planned) {
    if (needsRestart(prior, planned)) {
      Map<String, Value> out = new LinkedHashMap<>(planned);
      out.put("public_ip", Value.unknownOf(Type.STRING));
      out.put("public_dns", Value.unknownOf(Type.STRING));
      return out;
    }
    return planned;
  }

  private static boolean needsRestart(ObjectValue prior, Map<String, Value> planned) {
    return !Objects.equals(Vals.get(prior, "instance_type"), planned.get("instance_type"))
        || !Objects.equals(Vals.get(prior, "user_data"), planned.getOrDefault("user_data", Value.nullOf(Type.STRING)));
  }

  /** The address tag and the RunInstances client token the create will use (made up here, so it is journaled). */
  @Override
  public Map<String, String> identity(ObjectValue planned, String address) {
    return JournaledNames.identity(planned, address, null, CLIENT_TOKEN, InstanceResource::newToken);
  }

  /**
   * The instances (not terminated) RunInstances made with the journaled client token, among those carrying the
   * address tag (RunInstances writes it with the instance; the tag filter is one every EC2 implementation has).
   */
  @Override
  public List<String> lookup(Map<String, String> identity, AwsContext ctx) {
    String token = identity.get(CLIENT_TOKEN);
    String address = identity.get(Tags.ADDRESS);
    if (token == null || address == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    ctx.clients().ec2().describeInstancesPaginator(b -> b.filters(software.amazon.awssdk.services.ec2.model.Filter
            .builder().name("tag:" + Tags.ADDRESS).values(address).build()))
        .reservations().forEach(r -> r.instances().stream()
            .filter(i -> token.equals(i.clientToken()) && !"terminated".equals(i.state().nameAsString()))
            .forEach(i -> out.add(i.instanceId())));
    return out.stream().distinct().sorted().toList();
  }

  private static String newToken() {
    return "kplan-" + UUID.randomUUID();
  }

  @Override
  public String create(ObjectValue planned, String address, AwsContext ctx) {
    return create(planned, address, Map.of(), ctx);
  }

  @Override
  public String create(ObjectValue planned, String address, Map<String, String> identity, AwsContext ctx) {
    String subnet = Vals.string(planned, "subnet_id");
    List<String> groups = Vals.strings(Vals.get(planned, "vpc_security_group_ids"));
    Boolean publicIp = Vals.bool(planned, "associate_public_ip_address");
    RunInstancesRequest.Builder b = RunInstancesRequest.builder()
        .imageId(Vals.string(planned, "ami"))
        .instanceType(Vals.string(planned, "instance_type"))
        .minCount(1).maxCount(1)
        .clientToken(JournaledNames.name(planned, null, identity, CLIENT_TOKEN, InstanceResource::newToken))
        .tagSpecifications(Ec2Support.tagSpecification(software.amazon.awssdk.services.ec2.model.ResourceType.INSTANCE,
            Tags.forCreate(Vals.get(planned, "tags_all"), address)));
    String userData = Vals.string(planned, "user_data");
    if (userData != null) {
      b.userData(Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8)));
    }
    if (publicIp != null) { // only a network interface specification can say whether to assign a public IP
      b.networkInterfaces(InstanceNetworkInterfaceSpecification.builder().deviceIndex(0).subnetId(subnet)
          .groups(groups.isEmpty() ? null : groups).associatePublicIpAddress(publicIp).build());
    } else {
      b.subnetId(subnet);
      if (!groups.isEmpty()) {
        b.securityGroupIds(groups);
      }
    }
    String id = ctx.clients().ec2().runInstances(b.build()).instances().get(0).instanceId();
    waiter(ctx).waitUntilInstanceRunning(r -> r.instanceIds(id));
    return id;
  }

  @Override
  public void update(ObjectValue prior, ObjectValue planned, String address, AwsContext ctx) {
    String id = Vals.string(prior, "id");
    Found f = describe(List.of(id), ctx).get(id);
    if (f == null) {
      throw new IllegalStateException("instance " + id + " is gone");
    }
    Set<String> groups = new TreeSet<>(Vals.strings(Vals.get(planned, "vpc_security_group_ids")));
    Set<String> liveGroups = new TreeSet<>();
    f.instance().securityGroups().forEach(g -> liveGroups.add(g.groupId()));
    if (Vals.get(planned, "vpc_security_group_ids").isKnown() && !groups.isEmpty() && !groups.equals(liveGroups)) {
      ctx.clients().ec2().modifyInstanceAttribute(b -> b.instanceId(id).groups(groups));
    }
    String type = Vals.string(planned, "instance_type");
    String userData = Vals.string(planned, "user_data");
    boolean typeChanged = !Objects.equals(type, f.instance().instanceTypeAsString());
    boolean userDataChanged = !Objects.equals(userData, Vals.string(prior, "user_data"));
    if (typeChanged || userDataChanged) {
      Ec2Waiter waiter = waiter(ctx);
      ctx.clients().ec2().stopInstances(b -> b.instanceIds(id));
      waiter.waitUntilInstanceStopped(r -> r.instanceIds(id));
      if (typeChanged) {
        ctx.clients().ec2().modifyInstanceAttribute(b -> b.instanceId(id).instanceType(t -> t.value(type)));
      }
      if (userDataChanged) {
        byte[] raw = (userData == null ? "" : userData).getBytes(StandardCharsets.UTF_8);
        ctx.clients().ec2().modifyInstanceAttribute(b -> b.instanceId(id).userData(u -> u.value(SdkBytes.fromByteArray(raw))));
      }
      ctx.clients().ec2().startInstances(b -> b.instanceIds(id));
      waiter.waitUntilInstanceRunning(r -> r.instanceIds(id));
    }
    Ec2Support.updateTags(ctx, id, Ec2Support.tags(f.instance().tags()), Vals.get(planned, "tags_all"), address);
  }

  @Override
  public void delete(ObjectValue prior, AwsContext ctx) {
    String id = Vals.string(prior, "id");
    ctx.clients().ec2().terminateInstances(b -> b.instanceIds(id));
    waiter(ctx).waitUntilInstanceTerminated(r -> r.instanceIds(id));
  }

  /** Polls every 5 s for up to 10 minutes (the SDK's default waits 15 s between polls). */
  private static Ec2Waiter waiter(AwsContext ctx) {
    return Ec2Waiter.builder().client(ctx.clients().ec2())
        .overrideConfiguration(o -> o.maxAttempts(120).backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofSeconds(5))))
        .build();
  }
}
