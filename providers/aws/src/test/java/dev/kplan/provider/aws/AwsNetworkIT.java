package dev.kplan.provider.aws;

import static dev.kplan.provider.aws.TestingAws.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.Attribution;
import dev.kplan.provider.ChangeOrigin;
import dev.kplan.provider.ConfigureResult;
import dev.kplan.provider.GenerateConfigRequest;
import dev.kplan.provider.ImportRequest;
import dev.kplan.provider.ImportResult;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.ReadDataRequest;
import dev.kplan.provider.ReadDataResult;
import dev.kplan.provider.ReadResult;
import dev.kplan.provider.UnmanagedObject;
import dev.kplan.provider.UnmanagedRequest;
import dev.kplan.provider.UnmanagedResult;
import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.SecurityGroupRuleRequest;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The VPC routing and instance types, security-sensitive drift and the unmanaged-object listing, through the SPI
 * against the sandbox's moto. Each type: create, a read that changes nothing, update in place versus replace,
 * import and a generated configuration that plans no change, delete.
 */
@KplanSandbox(value = SandboxService.AWS, resetAws = true)
class AwsNetworkIT {
  final RequestCounter counter = new RequestCounter();
  TestingAws aws;
  Sandbox sandbox;

  @BeforeEach
  void configure(Sandbox sandbox) {
    this.sandbox = sandbox;
    aws = new TestingAws(new AwsProvider(List.of(counter)));
    ConfigureResult r = aws.configure(TestingAws.providerConfig(sandbox.env().awsEndpoint(), sandbox.env().awsRegion(),
        Map.of("team", "platform"), 2));
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
  }

  @AfterEach
  void close() {
    aws.provider.close();
  }

  ObjectValue vpc(String name, String cidr) {
    return aws.create("aws_vpc", "aws_vpc." + name, Map.of("cidr_block", s(cidr)));
  }

  /** Plans {@code config} against {@code prior}, applies it, and returns the new state. */
  Value apply(String type, Value prior, ObjectValue config, String address) {
    PlanResult pr = aws.plan(type, prior, config);
    ApplyResult ar = aws.apply(type, prior, pr.plannedState(), config, address);
    assertFalse(ar.diagnostics().hasErrors(), ar.diagnostics().toString());
    return ar.newState();
  }

  void delete(String type, Value prior) {
    ApplyResult del = aws.provider.apply(new dev.kplan.provider.ApplyRequest(type, prior, aws.none(type), aws.none(type),
        null));
    assertFalse(del.diagnostics().hasErrors(), del.diagnostics().toString());
  }

  /** A read of what was applied returns it unchanged, with nothing to attribute. */
  void assertReadsUnchanged(String type, Value state) {
    ReadResult r = aws.read(type, List.of(state));
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    assertEquals(state, r.instances().get(0).liveState(), type + " reads back as applied");
    assertTrue(r.instances().get(0).attributions().isEmpty());
  }

  /** Import by {@code id}, then the configuration kplan generates for it plans no change. */
  Value assertImportedAndGeneratedConfigPlansNoChange(String type, String id) {
    ImportResult ir = aws.provider.importResource(new ImportRequest(type, id));
    assertFalse(ir.diagnostics().hasErrors(), ir.diagnostics().toString());
    Value live = aws.readOne(type, ir.imported().get(0));
    Value generated = aws.provider.generateConfig(new GenerateConfigRequest(type, live)).config();
    ObjectValue config = aws.config(type, ((ObjectValue) generated).attributes());
    PlanResult pr = aws.plan(type, live, config);
    assertTrue(pr.requiresReplace().isEmpty(), pr.requiresReplace().toString());
    assertEquals(live, pr.plannedState(), type + " " + id + ": the generated configuration plans no change");
    return live;
  }

  Value route(String cidr, String gateway) {
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("cidr_block", s(cidr));
    m.put("gateway_id", s(gateway));
    return Vals.complete(RouteTableResource.ROUTE, m);
  }

  Value routes(Value... routes) {
    return Value.set(RouteTableResource.ROUTE.impliedType(), List.of(routes));
  }

  @Test
  void anInternetGatewayMovesToAnotherVpcInPlaceAndIsDetachedBeforeDelete() {
    ObjectValue a = vpc("a", "10.20.0.0/16");
    ObjectValue b = vpc("b", "10.21.0.0/16");
    Map<String, Value> config = new LinkedHashMap<>(Map.of("vpc_id", a.get("id"),
        "tags", Vals.map(Map.of("Name", "edge"))));
    ObjectValue igw = aws.create("aws_internet_gateway", "aws_internet_gateway.edge", config);
    assertEquals(a.get("id"), igw.get("vpc_id"));
    assertEquals(Map.of("Name", "edge", "team", "platform"), Vals.stringMap(igw.get("tags_all")));
    assertReadsUnchanged("aws_internet_gateway", igw);

    config.put("vpc_id", b.get("id"));
    PlanResult pr = aws.plan("aws_internet_gateway", igw, aws.config("aws_internet_gateway", config));
    assertTrue(pr.requiresReplace().isEmpty(), "another VPC is a detach and an attach");
    Value moved = apply("aws_internet_gateway", igw, aws.config("aws_internet_gateway", config),
        "aws_internet_gateway.edge");
    assertEquals(igw.get("id"), Vals.get(moved, "id"));
    assertEquals(b.get("id"), Vals.get(moved, "vpc_id"));

    assertImportedAndGeneratedConfigPlansNoChange("aws_internet_gateway", Vals.string(moved, "id"));
    delete("aws_internet_gateway", moved);
    assertTrue(aws.readOne("aws_internet_gateway", moved).isNull());
  }

  @Test
  void routesAreInlineBlocksChangedInPlaceAndARouteAddedByHandIsDriftPutBack() {
    ObjectValue v = vpc("rt", "10.22.0.0/16");
    ObjectValue igw = aws.create("aws_internet_gateway", "aws_internet_gateway.rt", Map.of("vpc_id", v.get("id")));
    String gw = Vals.string(igw, "id");
    Map<String, Value> config = new LinkedHashMap<>(Map.of("vpc_id", v.get("id"), "route",
        routes(route("0.0.0.0/0", gw))));
    ObjectValue table = aws.create("aws_route_table", "aws_route_table.public", config);
    assertEquals(routes(route("0.0.0.0/0", gw)), table.get("route"), "the local route is AWS's, not listed");
    assertReadsUnchanged("aws_route_table", table);

    config.put("route", routes(route("0.0.0.0/0", gw), route("192.168.0.0/16", gw)));
    PlanResult pr = aws.plan("aws_route_table", table, aws.config("aws_route_table", config));
    assertTrue(pr.requiresReplace().isEmpty(), "routes change in place");
    Value two = apply("aws_route_table", table, aws.config("aws_route_table", config), "aws_route_table.public");
    assertEquals(2, Vals.elements(Vals.get(two, "route")).size());

    try (Ec2Client ec2 = sandbox.ec2().build()) {
      ec2.createRoute(b -> b.routeTableId(Vals.string(table, "id")).destinationCidrBlock("172.16.0.0/12").gatewayId(gw));
    }
    Value drifted = aws.readOne("aws_route_table", two);
    assertEquals(3, Vals.elements(Vals.get(drifted, "route")).size(), "a route added by hand shows");
    Value repaired = apply("aws_route_table", drifted, aws.config("aws_route_table", config), "aws_route_table.public");
    assertEquals(two, repaired, "the hand-added route is removed in place");

    Map<String, Value> otherVpc = new LinkedHashMap<>(config);
    otherVpc.put("vpc_id", vpc("rt2", "10.23.0.0/16").get("id"));
    assertEquals(List.of(Path.ROOT.attr("vpc_id")),
        aws.plan("aws_route_table", repaired, aws.config("aws_route_table", otherVpc)).requiresReplace());

    Value imported = assertImportedAndGeneratedConfigPlansNoChange("aws_route_table", Vals.string(table, "id"));
    assertEquals(Vals.get(repaired, "route"), Vals.get(imported, "route"));
    delete("aws_route_table", repaired);
    assertTrue(aws.readOne("aws_route_table", repaired).isNull());
  }

  @Test
  void anAssociationMovesToAnotherTableInPlaceAndIsImportedAsSubnetSlashTable() {
    ObjectValue v = vpc("as", "10.24.0.0/16");
    ObjectValue subnet = aws.create("aws_subnet", "aws_subnet.as", Map.of("vpc_id", v.get("id"),
        "cidr_block", s("10.24.1.0/24")));
    ObjectValue t1 = aws.create("aws_route_table", "aws_route_table.one", Map.of("vpc_id", v.get("id")));
    ObjectValue t2 = aws.create("aws_route_table", "aws_route_table.two", Map.of("vpc_id", v.get("id")));
    Map<String, Value> config = new LinkedHashMap<>(Map.of("subnet_id", subnet.get("id"), "route_table_id", t1.get("id")));
    ObjectValue assoc = aws.create("aws_route_table_association", "aws_route_table_association.as", config);
    assertTrue(Vals.string(assoc, "id").startsWith("rtbassoc-"), assoc.toString());
    assertReadsUnchanged("aws_route_table_association", assoc);

    config.put("route_table_id", t2.get("id"));
    PlanResult pr = aws.plan("aws_route_table_association", assoc, aws.config("aws_route_table_association", config));
    assertTrue(pr.requiresReplace().isEmpty(), "another table is ReplaceRouteTableAssociation");
    Value moved = apply("aws_route_table_association", assoc, aws.config("aws_route_table_association", config), null);
    assertEquals(t2.get("id"), Vals.get(moved, "route_table_id"));
    assertReadsUnchanged("aws_route_table_association", moved);

    ObjectValue other = aws.create("aws_subnet", "aws_subnet.other", Map.of("vpc_id", v.get("id"),
        "cidr_block", s("10.24.2.0/24")));
    Map<String, Value> otherSubnet = new LinkedHashMap<>(config);
    otherSubnet.put("subnet_id", other.get("id"));
    assertEquals(List.of(Path.ROOT.attr("subnet_id")), aws.plan("aws_route_table_association", moved,
        aws.config("aws_route_table_association", otherSubnet)).requiresReplace());

    Value imported = assertImportedAndGeneratedConfigPlansNoChange("aws_route_table_association",
        Vals.string(subnet, "id") + "/" + Vals.string(t2, "id"));
    assertEquals(moved, imported);
    delete("aws_route_table_association", moved);
    assertTrue(aws.readOne("aws_route_table_association", moved).isNull());
  }

  @Test
  void refreshOfManyGatewaysTablesAssociationsAndInstancesSendsOneDescribeCallPerType() {
    List<Value> gateways = new java.util.ArrayList<>();
    List<Value> tables = new java.util.ArrayList<>();
    List<Value> associations = new java.util.ArrayList<>();
    List<Value> instances = new java.util.ArrayList<>();
    String ami = ami();
    for (int i = 0; i < 3; i++) {
      ObjectValue v = vpc("many" + i, "10.4" + i + ".0.0/16");
      ObjectValue subnet = aws.create("aws_subnet", "aws_subnet.many" + i, Map.of("vpc_id", v.get("id"),
          "cidr_block", s("10.4" + i + ".1.0/24")));
      ObjectValue gw = aws.create("aws_internet_gateway", "aws_internet_gateway.many" + i, Map.of("vpc_id", v.get("id")));
      gateways.add(gw);
      ObjectValue table = aws.create("aws_route_table", "aws_route_table.many" + i, Map.of("vpc_id", v.get("id"),
          "route", routes(route("0.0.0.0/0", Vals.string(gw, "id")))));
      tables.add(table);
      associations.add(aws.create("aws_route_table_association", "aws_route_table_association.many" + i,
          Map.of("subnet_id", subnet.get("id"), "route_table_id", table.get("id"))));
      instances.add(aws.create("aws_instance", "aws_instance.many" + i, Map.of("ami", s(ami),
          "instance_type", s("t3.micro"), "subnet_id", subnet.get("id"))));
    }
    counter.reset();
    for (Map.Entry<String, List<Value>> e : Map.of("aws_internet_gateway", gateways, "aws_route_table", tables,
        "aws_route_table_association", associations, "aws_instance", instances).entrySet()) {
      ReadResult r = aws.read(e.getKey(), e.getValue());
      for (int i = 0; i < e.getValue().size(); i++) {
        assertEquals(e.getValue().get(i), r.instances().get(i).liveState(), e.getKey() + " #" + i);
      }
    }
    assertEquals(Map.of("DescribeInternetGateways", 1, "DescribeRouteTables", 2, "DescribeInstances", 1),
        counter.snapshot(), "12 objects of 4 types refresh in 4 requests");
  }

  String ami() {
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      return ec2.describeImages(b -> b.owners("amazon")).images().get(0).imageId();
    }
  }

  @Test
  void anInstanceRunsWithAClientTokenChangesTypeInPlaceAndIsReplacedForAnotherAmi() {
    ObjectValue v = vpc("i", "10.25.0.0/16");
    ObjectValue subnet = aws.create("aws_subnet", "aws_subnet.i", Map.of("vpc_id", v.get("id"),
        "cidr_block", s("10.25.1.0/24")));
    ObjectValue sg1 = aws.create("aws_security_group", "aws_security_group.i1", Map.of("vpc_id", v.get("id")));
    ObjectValue sg2 = aws.create("aws_security_group", "aws_security_group.i2", Map.of("vpc_id", v.get("id")));
    String ami = ami();
    Map<String, Value> config = new LinkedHashMap<>(Map.of("ami", s(ami), "instance_type", s("t3.micro"),
        "subnet_id", subnet.get("id"), "vpc_security_group_ids", Value.set(Type.STRING, List.of(sg1.get("id"))),
        "user_data", s("#!/bin/sh\necho hello\n"), "tags", Vals.map(Map.of("Name", "web"))));
    ObjectValue instance = aws.create("aws_instance", "aws_instance.web", config);
    assertEquals(s("running"), instance.get("instance_state"));
    assertTrue(Vals.get(instance, "public_ip").isNull(), "no public IP unless asked");
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      Instance i = ec2.describeInstances(b -> b.instanceIds(Vals.string(instance, "id"))).reservations().get(0)
          .instances().get(0);
      assertTrue(i.clientToken().startsWith("kplan-"), "created with a client token: " + i.clientToken());
      assertTrue(i.tags().contains(Tag.builder().key("kplan:address").value("aws_instance.web").build()), i.tags().toString());
    }
    assertReadsUnchanged("aws_instance", instance);

    Map<String, Value> otherAmi = new LinkedHashMap<>(config);
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      otherAmi.put("ami", s(ec2.describeImages(b -> b.owners("amazon")).images().get(1).imageId()));
    }
    assertEquals(List.of(Path.ROOT.attr("ami")), aws.plan("aws_instance", instance,
        aws.config("aws_instance", otherAmi)).requiresReplace(), "an AMI is chosen at launch");

    config.put("instance_type", s("t3.small"));
    config.put("vpc_security_group_ids", Value.set(Type.STRING, List.of(sg2.get("id"))));
    PlanResult pr = aws.plan("aws_instance", instance, aws.config("aws_instance", config));
    assertTrue(pr.requiresReplace().isEmpty(), "type and groups change in place: " + pr.requiresReplace());
    assertFalse(Vals.get(pr.plannedState(), "public_ip").isKnown(), "a stop and start may change the public IP");
    Value resized = apply("aws_instance", instance, aws.config("aws_instance", config), "aws_instance.web");
    assertEquals(instance.get("id"), Vals.get(resized, "id"));
    assertEquals(s("t3.small"), Vals.get(resized, "instance_type"));
    assertEquals(s("running"), Vals.get(resized, "instance_state"));
    assertEquals(Value.set(Type.STRING, List.of(sg2.get("id"))), Vals.get(resized, "vpc_security_group_ids"));
    assertReadsUnchanged("aws_instance", resized);

    Value imported = assertImportedAndGeneratedConfigPlansNoChange("aws_instance", Vals.string(instance, "id"));
    assertEquals(Vals.get(resized, "instance_type"), Vals.get(imported, "instance_type"));

    delete("aws_instance", resized);
    assertTrue(aws.readOne("aws_instance", resized).isNull(), "a terminated instance reads as gone");
  }

  @Test
  void anInstanceGainingAPublicIpIsSecuritySensitiveDrift() {
    ObjectValue v = vpc("p", "10.26.0.0/16");
    ObjectValue subnet = aws.create("aws_subnet", "aws_subnet.p", Map.of("vpc_id", v.get("id"),
        "cidr_block", s("10.26.1.0/24")));
    ObjectValue instance = aws.create("aws_instance", "aws_instance.p", Map.of("ami", s(ami()),
        "instance_type", s("t3.micro"), "subnet_id", subnet.get("id")));
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      String allocation = ec2.allocateAddress(b -> b.domain("vpc")).allocationId();
      ec2.associateAddress(b -> b.allocationId(allocation).instanceId(Vals.string(instance, "id")));
    }
    ReadResult r = aws.read("aws_instance", List.of(instance));
    ReadResult.Instance live = r.instances().get(0);
    assertFalse(Vals.get(live.liveState(), "public_ip").isNull());
    Attribution a = live.attributions().stream().filter(x -> x.path().equals(Path.ROOT.attr("public_ip")))
        .findFirst().orElseThrow(() -> new AssertionError(live.attributions().toString()));
    assertTrue(a.securitySensitive());
    assertEquals(ChangeOrigin.UNKNOWN, a.origin(), "without CloudTrail kplan cannot tell who");
  }

  @Test
  void aRuleAddedByHandToAManagedGroupIsDriftOfTheGroupFlaggedWhenItOpensPort22ToTheWorld() {
    ObjectValue v = vpc("sg", "10.27.0.0/16");
    ObjectValue sg = aws.create("aws_security_group", "aws_security_group.web", Map.of("name", s("web"),
        "vpc_id", v.get("id")));
    Map<String, Value> ruleConfig = Map.of("security_group_id", sg.get("id"), "ip_protocol", s("tcp"),
        "from_port", TestingAws.n(443), "to_port", TestingAws.n(443), "cidr_ipv4", s("10.0.0.0/8"));
    ObjectValue rule = aws.create("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_ingress_rule.https",
        ruleConfig);
    assertEquals(List.of(), Vals.elements(sg.get("unmanaged_ingress")), "a new group has no rule kplan did not make");
    assertReadsUnchanged("aws_security_group", sg);

    String sshRule;
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      sshRule = ec2.authorizeSecurityGroupIngress(b -> b.groupId(Vals.string(sg, "id")).ipPermissions(p -> p
          .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(x -> x.cidrIp("0.0.0.0/0")))).securityGroupRules().get(0)
          .securityGroupRuleId();
    }
    ReadResult.Instance live = aws.read("aws_security_group", List.of(sg)).instances().get(0);
    List<Value> unowned = Vals.elements(Vals.get(live.liveState(), "unmanaged_ingress"));
    assertEquals(1, unowned.size(), "only the hand-added rule, not the managed one: " + unowned);
    assertEquals(s(sshRule), Vals.get(unowned.get(0), "security_group_rule_id"));
    assertEquals(List.of(new Attribution(Path.ROOT.attr("unmanaged_ingress"), "unknown", "", null,
        ChangeOrigin.UNKNOWN, true)), live.attributions());
    PlanResult pr = aws.plan("aws_security_group", live.liveState(), aws.config("aws_security_group",
        Map.of("name", s("web"), "vpc_id", v.get("id"))));
    assertEquals(live.liveState(), pr.plannedState(), "the group itself plans no change; the drift is reported");
    assertReadsUnchanged("aws_vpc_security_group_ingress_rule", rule);

    try (Ec2Client ec2 = sandbox.ec2().build()) { // https from anywhere: drift, but not a security-sensitive one
      ec2.authorizeSecurityGroupIngress(b -> b.groupId(Vals.string(sg, "id")).ipPermissions(p -> p
          .ipProtocol("tcp").fromPort(443).toPort(443).ipRanges(x -> x.cidrIp("0.0.0.0/0"))));
    }
    ReadResult.Instance again = aws.read("aws_security_group", List.of(live.liveState())).instances().get(0);
    assertEquals(1, again.attributions().size(), again.attributions().toString());
    assertFalse(again.attributions().get(0).securitySensitive(), "443 open to the world is a web server");
  }

  @Test
  void aManagedRuleOpenedToTheWorldIsFlaggedAndADescriptionChangeIsNot() {
    ObjectValue v = vpc("r", "10.28.0.0/16");
    ObjectValue sg = aws.create("aws_security_group", "aws_security_group.r", Map.of("vpc_id", v.get("id")));
    ObjectValue rule = aws.create("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_ingress_rule.r",
        Map.of("security_group_id", sg.get("id"), "ip_protocol", s("tcp"), "from_port", TestingAws.n(8080),
            "to_port", TestingAws.n(8080), "cidr_ipv4", s("10.0.0.0/8"), "description", s("app")));
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      ec2.modifySecurityGroupRules(b -> b.groupId(Vals.string(sg, "id")).securityGroupRules(r -> r
          .securityGroupRuleId(Vals.string(rule, "id")).securityGroupRule(SecurityGroupRuleRequest.builder()
              .ipProtocol("tcp").fromPort(8080).toPort(8080).cidrIpv4("10.0.0.0/8").description("changed").build())));
    }
    ReadResult.Instance described = aws.read("aws_vpc_security_group_ingress_rule", List.of(rule)).instances().get(0);
    assertEquals(List.of(new Attribution(Path.ROOT.attr("description"), "unknown", "", null, ChangeOrigin.UNKNOWN, false)),
        described.attributions());
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      ec2.modifySecurityGroupRules(b -> b.groupId(Vals.string(sg, "id")).securityGroupRules(r -> r
          .securityGroupRuleId(Vals.string(rule, "id")).securityGroupRule(SecurityGroupRuleRequest.builder()
              .ipProtocol("tcp").fromPort(8080).toPort(8080).cidrIpv4("0.0.0.0/0").description("app").build())));
    }
    ReadResult.Instance opened = aws.read("aws_vpc_security_group_ingress_rule", List.of(rule)).instances().get(0);
    assertEquals(List.of(new Attribution(Path.ROOT.attr("cidr_ipv4"), "unknown", "", null, ChangeOrigin.UNKNOWN, true)),
        opened.attributions());
  }

  @Test
  void unmanagedListsWhatWasMadeByHandAndTheRuleAddedToAManagedGroupButNotWhatAwsMadeItself() {
    ObjectValue v = vpc("u", "10.29.0.0/16");
    ObjectValue sg = aws.create("aws_security_group", "aws_security_group.u", Map.of("vpc_id", v.get("id")));
    ObjectValue table = aws.create("aws_route_table", "aws_route_table.u", Map.of("vpc_id", v.get("id")));
    String handGroup;
    String handRule;
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      handGroup = ec2.createSecurityGroup(b -> b.groupName("debug").description("by hand").vpcId(Vals.string(v, "id")))
          .groupId();
      ec2.authorizeSecurityGroupIngress(b -> b.groupId(handGroup).ipPermissions(p -> p
          .ipProtocol("tcp").fromPort(22).toPort(22).ipRanges(x -> x.cidrIp("0.0.0.0/0"))));
      handRule = ec2.authorizeSecurityGroupIngress(b -> b.groupId(Vals.string(sg, "id")).ipPermissions(p -> p
          .ipProtocol("tcp").fromPort(3389).toPort(3389).ipRanges(x -> x.cidrIp("0.0.0.0/0")))).securityGroupRules()
          .get(0).securityGroupRuleId();
    }
    ObjectValue bucket = aws.create("aws_s3_bucket", "aws_s3_bucket.u", Map.of("bucket", s("kplan-it-managed-u")));
    ObjectValue queue = aws.create("aws_sqs_queue", "aws_sqs_queue.u", Map.of("name", s("kplan-it-managed-u")));
    String handQueue;
    try (var s3 = sandbox.s3().build(); var sqs = sandbox.sqs().build()) {
      s3.createBucket(b -> b.bucket("kplan-it-by-hand-u"));
      handQueue = sqs.createQueue(b -> b.queueName("kplan-it-by-hand-u")).queueUrl();
    }
    List<UnmanagedRequest.Managed> managed = List.of(
        new UnmanagedRequest.Managed("aws_vpc", "aws_vpc.u", v),
        new UnmanagedRequest.Managed("aws_security_group", "aws_security_group.u", sg),
        new UnmanagedRequest.Managed("aws_route_table", "aws_route_table.u", table),
        new UnmanagedRequest.Managed("aws_s3_bucket", "aws_s3_bucket.u", bucket),
        new UnmanagedRequest.Managed("aws_sqs_queue", "aws_sqs_queue.u", queue));
    UnmanagedResult r = aws.provider.listUnmanaged(new UnmanagedRequest(List.of(sandbox.env().awsRegion()), managed));
    assertTrue(r.supported());
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    Map<String, UnmanagedObject> byId = new LinkedHashMap<>();
    r.objects().forEach(o -> byId.put(o.id(), o));
    assertTrue(byId.containsKey(handGroup) && byId.containsKey(handRule), r.objects().toString());
    for (ObjectValue m : List.of(v, sg, table, bucket, queue)) {
      assertFalse(byId.containsKey(Vals.string(m, "id")), "managed " + m);
    }
    assertEquals("aws_s3_bucket", byId.get("kplan-it-by-hand-u").resourceType());
    assertEquals("aws_sqs_queue", byId.get(handQueue).resourceType());
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      ec2.describeVpcs(b -> b.filters(Filter.builder().name("is-default").values("true").build())).vpcs()
          .forEach(d -> assertFalse(byId.containsKey(d.vpcId()), "the region's default VPC"));
      ec2.describeSecurityGroups(b -> b.filters(Filter.builder().name("group-name").values("default").build()))
          .securityGroups().forEach(g -> assertFalse(byId.containsKey(g.groupId()), "a VPC's default group"));
      ec2.describeRouteTables(b -> b.filters(Filter.builder().name("association.main").values("true").build()))
          .routeTables().forEach(t -> assertFalse(byId.containsKey(t.routeTableId()), "a VPC's main route table"));
      ec2.describeSecurityGroupRules(b -> b.filters(Filter.builder().name("group-id").values(handGroup).build()))
          .securityGroupRules().forEach(x -> assertFalse(byId.containsKey(x.securityGroupRuleId()),
              "the rules of an unmanaged group are part of it"));
    }
    assertEquals("aws_security_group", byId.get(handGroup).resourceType());
    assertTrue(byId.get(handGroup).description().contains("debug") && byId.get(handGroup).description().contains("(1 ingress, 1 egress rules)"),
        byId.get(handGroup).description());
    assertEquals("aws_vpc_security_group_ingress_rule", byId.get(handRule).resourceType());
    assertEquals("ingress tcp 3389 from 0.0.0.0/0 on " + Vals.string(sg, "id"), byId.get(handRule).description());

    UnmanagedResult elsewhere = aws.provider.listUnmanaged(new UnmanagedRequest(List.of("shop"), managed));
    assertTrue(elsewhere.objects().isEmpty(), "a scope that is not this region lists nothing");
  }

  @Test
  void dataSourcesListZonesAndFindAVpcByIdTagsOrDefault() {
    ReadDataResult zones = aws.provider.readData(new ReadDataRequest("aws_availability_zones",
        Vals.complete(aws.provider.schema().dataSources().get("aws_availability_zones").block(),
            Map.of("state", s("available")))));
    assertFalse(zones.diagnostics().hasErrors(), zones.diagnostics().toString());
    List<String> names = Vals.strings(Vals.get(zones.state(), "names"));
    assertFalse(names.isEmpty());
    assertEquals(names.stream().sorted().toList(), names);
    assertTrue(names.get(0).startsWith(sandbox.env().awsRegion()), names.toString());
    assertEquals(s(sandbox.env().awsRegion()), Vals.get(zones.state(), "id"));

    ObjectValue v = aws.create("aws_vpc", "aws_vpc.d", Map.of("cidr_block", s("10.30.0.0/16"),
        "tags", Vals.map(Map.of("Name", "data-test"))));
    ReadDataResult byId = aws.provider.readData(new ReadDataRequest("aws_vpc", dataVpc(Map.of("id", v.get("id")))));
    assertFalse(byId.diagnostics().hasErrors(), byId.diagnostics().toString());
    assertEquals(s("10.30.0.0/16"), Vals.get(byId.state(), "cidr_block"));
    assertEquals(Value.bool(false), Vals.get(byId.state(), "default"));
    assertTrue(Vals.string(byId.state(), "main_route_table_id").startsWith("rtb-"));

    ReadDataResult byTags = aws.provider.readData(new ReadDataRequest("aws_vpc",
        dataVpc(Map.of("tags", Vals.map(Map.of("Name", "data-test"))))));
    assertEquals(v.get("id"), Vals.get(byTags.state(), "id"));
    ReadDataResult byDefault = aws.provider.readData(new ReadDataRequest("aws_vpc", dataVpc(Map.of("default", Value.bool(true)))));
    assertFalse(byDefault.diagnostics().hasErrors(), byDefault.diagnostics().toString());
    assertNotEquals(v.get("id"), Vals.get(byDefault.state(), "id"));
    ReadDataResult none = aws.provider.readData(new ReadDataRequest("aws_vpc",
        dataVpc(Map.of("tags", Vals.map(Map.of("Name", "nobody"))))));
    assertEquals("no matching EC2 VPC found", none.diagnostics().errors().get(0).summary());
    try (Ec2Client ec2 = sandbox.ec2().build()) {
      assertEquals(1, ec2.describeVpcs(b -> b.filters(Filter.builder().name("tag:Name").values("data-test").build()))
          .vpcs().size());
    }
  }

  Value dataVpc(Map<String, Value> attributes) {
    return Vals.complete(aws.provider.schema().dataSources().get("aws_vpc").block(), attributes);
  }
}
