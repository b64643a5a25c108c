package dev.kplan.cli.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The JSON plan, parsed back, has Terraform's field names and shapes, field by field. */
class PlanJsonTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private static JsonNode parse(PlanFixtures.Fixture f) {
    return MAPPER.readTree(PlanJson.render(f.plan(), f.priorOutputs(), "0.1.0-test", false));
  }

  private static JsonNode change(JsonNode root, String address) {
    for (JsonNode rc : root.get("resource_changes")) {
      if (rc.get("address").asString().equals(address)) {
        return rc;
      }
    }
    throw new AssertionError("no resource change " + address);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asString()));
    return out;
  }

  @Test
  void topLevelCarriesFormatAndKplanVersionButNoTerraformVersion() {
    JsonNode root = parse(PlanFixtures.create());
    assertEquals("1.2", root.get("format_version").asString());
    assertEquals("0.1.0-test", root.get("kplan_version").asString());
    assertFalse(root.has("terraform_version"));
    assertTrue(root.get("applyable").asBoolean());
    assertTrue(root.get("complete").asBoolean());
    assertFalse(root.get("errored").asBoolean());
    assertFalse(root.has("prior_state"));
  }

  @Test
  void createdInstanceHasAddressPartsIndexAndUnknownMirror() {
    JsonNode rc = change(parse(PlanFixtures.create()), "local_file.cfg[\"a\"]");
    assertEquals("managed", rc.get("mode").asString());
    assertEquals("local_file", rc.get("type").asString());
    assertEquals("cfg", rc.get("name").asString());
    assertEquals("a", rc.get("index").asString());
    assertEquals("local", rc.get("provider_name").asString());
    assertFalse(rc.has("module_address"));
    JsonNode ch = rc.get("change");
    assertEquals(List.of("create"), strings(ch.get("actions")));
    assertTrue(ch.get("before").isNull());
    assertEquals("hello", ch.get("after").get("content").asString());
    assertFalse(ch.get("after").has("id"), "unknown attributes are left out of after");
    assertTrue(ch.get("after_unknown").get("id").asBoolean());
    assertFalse(ch.get("after_unknown").has("content"), "known attributes are left out of after_unknown");
    assertFalse(ch.get("before_sensitive").asBoolean());
    assertTrue(ch.get("after_sensitive").isObject());
    assertEquals(0, ch.get("after_sensitive").size());
  }

  @Test
  void moduleInstanceHasModuleAddressAndIntegerIndexAndNestsInPlannedValues() {
    JsonNode root = parse(PlanFixtures.create());
    JsonNode rc = change(root, "module.site.local_file.notes[0]");
    assertEquals("module.site", rc.get("module_address").asString());
    assertTrue(rc.get("index").isIntegralNumber());
    assertEquals(0, rc.get("index").asInt());
    JsonNode child = root.get("planned_values").get("root_module").get("child_modules").get(0);
    assertEquals("module.site", child.get("address").asString());
    assertEquals("module.site.local_file.notes[0]", child.get("resources").get(0).get("address").asString());
    assertEquals(443, child.get("resources").get(0).get("values").get("ports").get(1).asInt());
  }

  @Test
  void noOpChangesAreListedWithNoOpAction() {
    JsonNode rc = change(parse(PlanFixtures.create()), "local_file.kept");
    assertEquals(List.of("no-op"), strings(rc.get("change").get("actions")));
    assertEquals("k1", rc.get("change").get("before").get("id").asString());
  }

  @Test
  void replacementsHaveBothActionsInOrderReplacePathsAndReason() {
    JsonNode root = parse(PlanFixtures.replace());
    JsonNode cfg = change(root, "local_file.cfg");
    assertEquals(List.of("delete", "create"), strings(cfg.get("change").get("actions")));
    assertEquals("filename", cfg.get("change").get("replace_paths").get(0).get(0).asString());
    assertEquals("replace_because_cannot_update", cfg.get("action_reason").asString());
    JsonNode lb = change(root, "local_file.lb");
    assertEquals(List.of("create", "delete"), strings(lb.get("change").get("actions")));
    assertEquals("replace_by_request", lb.get("action_reason").asString());
    assertEquals("replace_because_tainted", change(root, "local_file.bad").get("action_reason").asString());
  }

  @Test
  void deletesHaveNullAfterAndDeleteReasonsAndNoPlannedValues() {
    JsonNode root = parse(PlanFixtures.delete());
    JsonNode rc = change(root, "aws_instance.web[2]");
    assertEquals(List.of("delete"), strings(rc.get("change").get("actions")));
    assertTrue(rc.get("change").get("after").isNull());
    assertEquals(0, rc.get("change").get("after_unknown").size());
    assertEquals("delete_because_count_index", rc.get("action_reason").asString());
    assertEquals("delete_because_each_key", change(root, "local_file.cfg[\"x\"]").get("action_reason").asString());
    assertEquals("delete_because_no_resource_config", change(root, "local_file.old").get("action_reason").asString());
    assertEquals(0, root.get("planned_values").get("root_module").get("resources").size());
  }

  @Test
  void sensitiveValuesAreWrittenAsNullAndFlaggedInTheMirrors() {
    JsonNode root = parse(PlanFixtures.sensitive());
    assertFalse(root.toString().contains(PlanFixtures.SECRET), root.toString());
    JsonNode db = change(root, "kubernetes_secret.db").get("change");
    assertTrue(db.get("before").get("data").get("password").isNull());
    assertTrue(db.get("before_sensitive").get("data").get("password").asBoolean());
    assertFalse(db.get("before_sensitive").get("data").has("user"));
    assertTrue(db.get("after_sensitive").get("token").asBoolean());
    JsonNode whole = change(root, "local_file.whole").get("change");
    assertTrue(whole.get("after_sensitive").get("settings").asBoolean());
    JsonNode out = root.get("output_changes").get("db_password");
    assertEquals(List.of("create"), strings(out.get("actions")));
    assertTrue(out.get("after_sensitive").asBoolean());
    assertTrue(out.get("before_sensitive").asBoolean());
    assertFalse(out.get("after_unknown").asBoolean());
    assertTrue(root.get("planned_values").get("outputs").get("db_password").get("sensitive").asBoolean());
    assertTrue(root.get("planned_values").get("outputs").get("db_password").get("value").isNull());
  }

  @Test
  void unknownsAreNullInArraysAndTrueInTheUnknownMirror() {
    JsonNode root = parse(PlanFixtures.unknowns());
    JsonNode cfg = change(root, "local_file.cfg").get("change");
    assertTrue(cfg.get("after").get("ports").get(1).isNull());
    assertFalse(cfg.get("after_unknown").get("ports").get(0).asBoolean());
    assertTrue(cfg.get("after_unknown").get("ports").get(1).asBoolean());
    assertTrue(cfg.get("after_unknown").get("labels").asBoolean());
    JsonNode read = change(root, "data.local_file.peer");
    assertEquals("data", read.get("mode").asString());
    assertEquals(List.of("read"), strings(read.get("change").get("actions")));
    assertEquals("read_because_config_unknown", read.get("action_reason").asString());
    JsonNode out = root.get("output_changes").get("checksum");
    assertEquals(List.of("update"), strings(out.get("actions")));
    assertTrue(out.get("after_unknown").asBoolean());
    assertFalse(root.get("planned_values").get("outputs").get("checksum").has("value"));
  }

  @Test
  void driftEntriesHaveTheResourceChangeShapeAndAttribution() {
    JsonNode drift = parse(PlanFixtures.drift()).get("resource_drift");
    assertEquals(2, drift.size());
    JsonNode cm = drift.get(0);
    assertEquals("kubernetes_config_map.app", cm.get("address").asString());
    assertEquals(List.of("update"), strings(cm.get("change").get("actions")));
    assertEquals("info", cm.get("change").get("before").get("data").get("level").asString());
    assertEquals("debug", cm.get("change").get("after").get("data").get("level").asString());
    JsonNode at = cm.get("kplan_attribution").get(0);
    assertEquals("kubectl-edit", at.get("manager").asString());
    assertEquals("2026-11-25T10:00:00Z", at.get("time").asString());
    assertEquals(List.of("data", "level"), strings(at.get("path")));
    JsonNode gone = drift.get(1);
    assertEquals(List.of("delete"), strings(gone.get("change").get("actions")));
    assertTrue(gone.get("change").get("after").isNull());
  }

  @Test
  void outputChangesCoverAddedChangedRemovedAndUnchanged() {
    JsonNode oc = parse(PlanFixtures.outputs()).get("output_changes");
    assertEquals(List.of("update"), strings(oc.get("endpoint").get("actions")));
    assertEquals("https://old.example", oc.get("endpoint").get("before").asString());
    assertEquals(List.of("delete"), strings(oc.get("legacy").get("actions")));
    assertTrue(oc.get("legacy").get("after").isNull());
    assertEquals(List.of("no-op"), strings(oc.get("region").get("actions")));
    assertEquals(List.of("create"), strings(oc.get("zones").get("actions")));
    assertEquals("b", oc.get("zones").get("after").get(1).asString());
  }

  @Test
  void planWithNothingToDoIsNotApplyable() {
    assertFalse(parse(PlanFixtures.noChanges()).get("applyable").asBoolean());
  }
}
