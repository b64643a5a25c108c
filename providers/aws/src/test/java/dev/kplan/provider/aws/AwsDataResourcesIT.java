package dev.kplan.provider.aws;

import static dev.kplan.provider.aws.TestingAws.n;
import static dev.kplan.provider.aws.TestingAws.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.ConfigureResult;
import dev.kplan.provider.GenerateConfigRequest;
import dev.kplan.provider.ImportRequest;
import dev.kplan.provider.ImportResult;
import dev.kplan.provider.PlanResult;
import dev.kplan.testkit.KplanSandbox;
import dev.kplan.testkit.Sandbox;
import dev.kplan.testkit.SandboxService;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DynamoDB tables and Route 53 zones and records through the SPI against the sandbox's moto. */
@KplanSandbox(value = SandboxService.AWS, resetAws = true)
class AwsDataResourcesIT {
  TestingAws aws;

  @BeforeEach
  void configure(Sandbox sandbox) {
    aws = new TestingAws(new AwsProvider(List.of()));
    ConfigureResult r = aws.configure(TestingAws.providerConfig(sandbox.env().awsEndpoint(), sandbox.env().awsRegion(),
        Map.of("team", "platform"), 2));
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
  }

  @AfterEach
  void close() {
    aws.provider.close();
  }

  private void assertNoChange(String type, Value state, Map<String, Value> config) {
    Value live = aws.readOne(type, state);
    assertEquals(state, live, type + " reads back as applied");
    PlanResult pr = aws.plan(type, live, aws.config(type, config));
    assertEquals(live, pr.plannedState(), type + " plans no change");
    assertTrue(pr.requiresReplace().isEmpty());
  }

  private Value applyPlan(String type, Value prior, Map<String, Value> config) {
    PlanResult pr = aws.plan(type, prior, aws.config(type, config));
    assertTrue(pr.requiresReplace().isEmpty(), type + " changes in place");
    ApplyResult ar = aws.apply(type, prior, pr.plannedState(), aws.config(type, config), "x." + type);
    assertFalse(ar.diagnostics().hasErrors(), ar.diagnostics().toString());
    return ar.newState();
  }

  private void assertImportPlansNoChange(String type, String id) {
    ImportResult ir = aws.provider.importResource(new ImportRequest(type, id));
    assertFalse(ir.diagnostics().hasErrors(), ir.diagnostics().toString());
    Value imported = aws.readOne(type, ir.imported().get(0));
    Value generated = aws.provider.generateConfig(new GenerateConfigRequest(type, imported)).config();
    PlanResult pr = aws.plan(type, imported, aws.config(type, Vals.object(generated).attributes()));
    assertEquals(imported, pr.plannedState(), type + ": the generated configuration plans no change");
  }

  private void delete(String type, Value state) {
    ApplyResult del = aws.apply(type, state, aws.none(type), aws.config(type, Map.of()), null);
    assertFalse(del.diagnostics().hasErrors(), del.diagnostics().toString());
    assertTrue(aws.readOne(type, state).isNull(), type + " is gone");
  }

  static Value attributes(String... nameType) {
    java.util.ArrayList<Value> out = new java.util.ArrayList<>();
    for (int i = 0; i < nameType.length; i += 2) {
      out.add(Value.object(Map.of("name", s(nameType[i]), "type", s(nameType[i + 1]))));
    }
    return Value.set(out.get(0).type(), out);
  }

  @Test
  void dynamoDbTableUpdatesCapacityAndTtlInPlaceAndReplacesOnNewKeys() {
    Map<String, Value> config = Map.of("name", s("orders"), "hash_key", s("pk"), "range_key", s("sk"),
        "read_capacity", n(5), "write_capacity", n(5), "attribute", attributes("pk", "S", "sk", "N"),
        "tags", Vals.map(Map.of("Name", "orders")));
    ObjectValue table = aws.create("aws_dynamodb_table", "aws_dynamodb_table.orders", config);
    assertEquals(s("PROVISIONED"), table.get("billing_mode"));
    assertEquals(Map.of("Name", "orders", "team", "platform"), Vals.stringMap(table.get("tags_all")));
    assertNoChange("aws_dynamodb_table", table, config);

    Map<String, Value> bigger = new java.util.HashMap<>(config);
    bigger.put("read_capacity", n(10));
    bigger.put("ttl", Value.object(Map.of("attribute_name", s("expires"), "enabled", Value.bool(true))));
    Value updated = applyPlan("aws_dynamodb_table", table, bigger);
    assertEquals(n(10), Vals.get(updated, "read_capacity"));
    assertEquals(s("expires"), Vals.get(Vals.get(updated, "ttl"), "attribute_name"));
    assertNoChange("aws_dynamodb_table", updated, bigger);

    Map<String, Value> otherKey = new java.util.HashMap<>(bigger);
    otherKey.put("hash_key", s("id"));
    otherKey.put("attribute", attributes("id", "S", "sk", "N"));
    List<Path> replace = aws.plan("aws_dynamodb_table", updated, aws.config("aws_dynamodb_table", otherKey))
        .requiresReplace();
    assertTrue(replace.contains(Path.ROOT.attr("hash_key")) && replace.contains(Path.ROOT.attr("attribute")),
        replace.toString());

    assertImportPlansNoChange("aws_dynamodb_table", "orders");
    delete("aws_dynamodb_table", updated);
  }

  @Test
  void route53ZoneAndRecordPlanNoChangeUpdateInPlaceAndReplaceOnANewName() {
    Map<String, Value> zoneConfig = Map.of("name", s("example.test"), "tags", Vals.map(Map.of("Name", "zone")));
    ObjectValue zone = aws.create("aws_route53_zone", "aws_route53_zone.main", zoneConfig);
    assertEquals(s("example.test"), zone.get("name"), "the configured spelling, without the trailing dot");
    assertEquals(s("Managed by kplan"), zone.get("comment"));
    assertFalse(Vals.strings(zone.get("name_servers")).isEmpty());
    assertNoChange("aws_route53_zone", zone, zoneConfig);

    Map<String, Value> recordConfig = Map.of("zone_id", zone.get("zone_id"), "name", s("www.example.test"),
        "type", s("A"), "ttl", n(300), "records", Value.set(Type.STRING, List.of(s("192.0.2.10"), s("192.0.2.11"))));
    ObjectValue record = aws.create("aws_route53_record", "aws_route53_record.www", recordConfig);
    assertEquals(s(Vals.string(zone, "zone_id") + "_www.example.test_A"), record.get("id"));
    assertNoChange("aws_route53_record", record, recordConfig);
    Map<String, Value> txtConfig = Map.of("zone_id", zone.get("zone_id"), "name", s("example.test"),
        "type", s("TXT"), "ttl", n(60), "records", Value.set(Type.STRING, List.of(s("v=spf1 -all"))));
    ObjectValue txt = aws.create("aws_route53_record", "aws_route53_record.spf", txtConfig);
    assertNoChange("aws_route53_record", txt, txtConfig);

    Map<String, Value> moved = Map.of("zone_id", zone.get("zone_id"), "name", s("www.example.test"),
        "type", s("A"), "ttl", n(60), "records", Value.set(Type.STRING, List.of(s("192.0.2.20"))));
    Value updated = applyPlan("aws_route53_record", record, moved);
    assertEquals(List.of("192.0.2.20"), Vals.strings(Vals.get(updated, "records")));
    assertEquals(List.of(Path.ROOT.attr("name")), aws.plan("aws_route53_record", updated, aws.config("aws_route53_record",
        Map.of("zone_id", zone.get("zone_id"), "name", s("api.example.test"), "type", s("A"), "ttl", n(60),
            "records", Value.set(Type.STRING, List.of(s("192.0.2.20")))))).requiresReplace());
    Value commented = applyPlan("aws_route53_zone", zone, Map.of("name", s("example.test"), "comment", s("public"),
        "tags", Vals.map(Map.of("Name", "zone"))));
    assertEquals(s("public"), Vals.get(commented, "comment"));

    assertImportPlansNoChange("aws_route53_record", Vals.string(updated, "id"));
    assertImportPlansNoChange("aws_route53_zone", Vals.string(zone, "id"));
    assertFalse(aws.provider.importResource(new ImportRequest("aws_route53_record", "nonsense")).diagnostics().items()
        .isEmpty(), "a malformed import id is a diagnostic");

    delete("aws_route53_record", updated);
    delete("aws_route53_record", txt);
    delete("aws_route53_zone", commented);
  }
}
