package dev.kplan.provider.aws;

import static dev.kplan.provider.aws.TestingAws.n;
import static dev.kplan.provider.aws.TestingAws.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.PlanResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Replace versus update in place, per type, and what a create plans; no AWS needed. */
class PlanningTest {
  final TestingAws aws = new TestingAws(new AwsProvider(List.of()));

  /** Plans {@code config} + {@code change} against a prior that was applied from {@code config}. */
  PlanResult change(String type, Map<String, Value> config, Map<String, Value> computed, String name, Value to) {
    Map<String, Value> prior = new LinkedHashMap<>(config);
    prior.putAll(computed);
    ObjectValue priorState = aws.config(type, prior);
    Map<String, Value> changed = new LinkedHashMap<>(config);
    changed.put(name, to);
    return aws.plan(type, priorState, aws.config(type, changed));
  }

  void assertReplaces(String type, Map<String, Value> config, Map<String, Value> computed, String name, Value to) {
    assertEquals(List.of(Path.ROOT.attr(name)), change(type, config, computed, name, to).requiresReplace(),
        type + "." + name + " forces replacement");
  }

  void assertUpdates(String type, Map<String, Value> config, Map<String, Value> computed, String name, Value to) {
    PlanResult pr = change(type, config, computed, name, to);
    assertTrue(pr.requiresReplace().isEmpty(), type + "." + name + " changes in place: " + pr.requiresReplace());
    assertEquals(to, Vals.get(pr.plannedState(), name));
  }

  static Map<String, Value> ids(String id) {
    return Map.of("id", s(id), "arn", s("arn:" + id), "tags_all", Vals.map(Map.of()));
  }

  @Test
  void vpc() {
    Map<String, Value> c = Map.of("cidr_block", s("10.0.0.0/16"), "instance_tenancy", s("default"));
    assertReplaces("aws_vpc", c, ids("vpc-1"), "cidr_block", s("10.1.0.0/16"));
    assertReplaces("aws_vpc", c, ids("vpc-1"), "instance_tenancy", s("dedicated"));
    assertUpdates("aws_vpc", c, ids("vpc-1"), "tags", Vals.map(Map.of("Name", "x")));
  }

  @Test
  void subnet() {
    Map<String, Value> c = Map.of("vpc_id", s("vpc-1"), "cidr_block", s("10.0.1.0/24"), "availability_zone", s("us-east-1a"),
        "map_public_ip_on_launch", Value.bool(false));
    assertReplaces("aws_subnet", c, ids("subnet-1"), "vpc_id", s("vpc-2"));
    assertReplaces("aws_subnet", c, ids("subnet-1"), "availability_zone", s("us-east-1b"));
    assertUpdates("aws_subnet", c, ids("subnet-1"), "map_public_ip_on_launch", Value.bool(true));
  }

  @Test
  void securityGroupAndRules() {
    Map<String, Value> g = Map.of("name", s("web"), "description", s("d"), "vpc_id", s("vpc-1"));
    assertReplaces("aws_security_group", g, ids("sg-1"), "name", s("api"));
    assertReplaces("aws_security_group", g, ids("sg-1"), "description", s("other"));
    assertUpdates("aws_security_group", g, ids("sg-1"), "tags", Vals.map(Map.of("a", "b")));
    Map<String, Value> r = Map.of("security_group_id", s("sg-1"), "ip_protocol", s("tcp"), "from_port", n(443),
        "to_port", n(443), "cidr_ipv4", s("10.0.0.0/8"));
    for (String type : List.of("aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule")) {
      assertReplaces(type, r, ids("sgr-1"), "security_group_id", s("sg-2"));
      assertUpdates(type, r, ids("sgr-1"), "from_port", n(22));
      assertUpdates(type, r, ids("sgr-1"), "cidr_ipv4", s("0.0.0.0/0"));
      assertUpdates(type, r, ids("sgr-1"), "ip_protocol", s("udp"));
      assertUpdates(type, r, ids("sgr-1"), "description", s("why"));
    }
  }

  @Test
  void bucketVersioningAndQueue() {
    Map<String, Value> b = Map.of("bucket", s("logs"), "force_destroy", Value.bool(false));
    assertReplaces("aws_s3_bucket", b, ids("logs"), "bucket", s("logs-2"));
    assertUpdates("aws_s3_bucket", b, ids("logs"), "force_destroy", Value.bool(true));
    assertUpdates("aws_s3_bucket", b, ids("logs"), "tags", Vals.map(Map.of("a", "b")));
    Map<String, Value> q = Map.of("name", s("jobs"), "fifo_queue", Value.bool(false), "visibility_timeout_seconds", n(30));
    assertReplaces("aws_sqs_queue", q, ids("https://q/jobs"), "name", s("jobs-2"));
    assertReplaces("aws_sqs_queue", q, ids("https://q/jobs"), "fifo_queue", Value.bool(true));
    assertUpdates("aws_sqs_queue", q, ids("https://q/jobs"), "visibility_timeout_seconds", n(90));
  }

  @Test
  void internetGatewayRouteTableAndAssociation() {
    Map<String, Value> g = Map.of("vpc_id", s("vpc-1"));
    assertUpdates("aws_internet_gateway", g, ids("igw-1"), "vpc_id", s("vpc-2"));
    assertUpdates("aws_internet_gateway", g, ids("igw-1"), "tags", Vals.map(Map.of("a", "b")));
    Value route = Vals.complete(RouteTableResource.ROUTE, Map.of("cidr_block", s("0.0.0.0/0"), "gateway_id", s("igw-1")));
    Map<String, Value> t = Map.of("vpc_id", s("vpc-1"), "route", Value.set(RouteTableResource.ROUTE.impliedType(), List.of()));
    assertReplaces("aws_route_table", t, ids("rtb-1"), "vpc_id", s("vpc-2"));
    assertUpdates("aws_route_table", t, ids("rtb-1"), "route", Value.set(RouteTableResource.ROUTE.impliedType(),
        List.of(route)));
    Map<String, Value> a = Map.of("subnet_id", s("subnet-1"), "route_table_id", s("rtb-1"));
    assertReplaces("aws_route_table_association", a, Map.of("id", s("rtbassoc-1")), "subnet_id", s("subnet-2"));
    assertUpdates("aws_route_table_association", a, Map.of("id", s("rtbassoc-1")), "route_table_id", s("rtb-2"));
  }

  @Test
  void instanceTypeAndGroupsChangeInPlaceWhileWhatIsChosenAtLaunchReplaces() {
    Map<String, Value> i = Map.of("ami", s("ami-1"), "instance_type", s("t3.micro"), "subnet_id", s("subnet-1"),
        "associate_public_ip_address", Value.bool(false),
        "vpc_security_group_ids", Value.set(dev.kplan.lang.types.Type.STRING, List.of(s("sg-1"))));
    Map<String, Value> computed = new LinkedHashMap<>(ids("i-1"));
    computed.put("public_ip", s("203.0.113.7"));
    assertReplaces("aws_instance", i, computed, "ami", s("ami-2"));
    assertReplaces("aws_instance", i, computed, "subnet_id", s("subnet-2"));
    assertReplaces("aws_instance", i, computed, "associate_public_ip_address", Value.bool(true));
    assertUpdates("aws_instance", i, computed, "vpc_security_group_ids",
        Value.set(dev.kplan.lang.types.Type.STRING, List.of(s("sg-2"))));
    PlanResult resized = change("aws_instance", i, computed, "instance_type", s("t3.large"));
    assertTrue(resized.requiresReplace().isEmpty(), "stop, modify, start");
    assertFalse(Vals.get(resized.plannedState(), "public_ip").isKnown(), "a restart may change the public IP");
    PlanResult tagged = change("aws_instance", i, computed, "tags", Vals.map(Map.of("a", "b")));
    assertEquals(s("203.0.113.7"), Vals.get(tagged.plannedState(), "public_ip"), "no restart, same IP");
  }

  @Test
  void aCreatePlansAwsDefaultsAndLeavesWhatOnlyAwsKnowsUnknown() {
    PlanResult pr = aws.plan("aws_sqs_queue", aws.none("aws_sqs_queue"), aws.config("aws_sqs_queue", Map.of()));
    Value planned = pr.plannedState();
    assertEquals(n(30), Vals.get(planned, "visibility_timeout_seconds"));
    assertEquals(Value.bool(false), Vals.get(planned, "fifo_queue"));
    assertFalse(Vals.get(planned, "name").isKnown(), "a generated name is known after apply");
    assertFalse(Vals.get(planned, "arn").isKnown());
    assertEquals(Map.of(), Vals.stringMap(Vals.get(planned, "tags_all")));
  }

  @Test
  void aDeletePlansNothing() {
    Value prior = aws.config("aws_vpc", Map.of("cidr_block", s("10.0.0.0/16"), "id", s("vpc-1")));
    PlanResult pr = aws.provider.plan(new dev.kplan.provider.PlanRequest("aws_vpc", prior, aws.none("aws_vpc"),
        aws.none("aws_vpc"), null));
    assertTrue(pr.plannedState().isNull());
  }
}
