package dev.kplan.engine.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.engine.config.LoadResult;
import dev.kplan.engine.config.Module;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanOptions;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Provider;
import dev.kplan.state.StateSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The apply's narrow re-plan of one instance agrees with the full planner, and declines what it does not cover. */
class InstancePlannerTest {
  @TempDir java.nio.file.Path dir;

  final TestingProvider cloud = new TestingProvider();
  final Map<ProviderAddress, Provider> providers = Map.of(ProviderAddress.of("test"), cloud);
  final FunctionTable functions = new FunctionTable(Map.of());
  final Map<String, Value> vars = Map.of("env", Value.string("prod"));

  static final String CONFIG = """
      variable "env" {}
      locals {
        prefix = "p-${var.env}"
        label  = "${local.prefix}/${test_thing.base[1].arn}"
      }
      resource "test_thing" "base" {
        count = 2
        name  = "base-${count.index}"
      }
      resource "test_thing" "web" {
        for_each = { a = "x", b = "y" }
        name     = "${local.prefix}-${each.value}-${test_thing.base[0].id}"
        secret   = "s-${each.key}"
        tags     = { label = local.label }
      }
      resource "test_thing" "solo" {
        name = test_thing.web["b"].id
      }
      """;

  Module load(String hcl) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), hcl);
    LoadResult loaded = ConfigLoader.load(dir);
    assertFalse(loaded.diagnostics().hasErrors(), loaded.diagnostics().toString());
    return loaded.module();
  }

  Plan plan(Module module, StateSnapshot state, PlanOptions options) {
    Plan p = Planner.plan(new Planner.Input(module, vars, state, providers, functions, options));
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
    return p;
  }

  /** The state after applying only the changes of {@code resources}, as an apply part of the way through would leave it. */
  StateSnapshot applyOnly(Plan plan, StateSnapshot state, String... resources) {
    List<String> names = List.of(resources);
    List<ResourceChange> some = plan.changes().stream()
        .filter(c -> names.contains(c.address().resource().toString())).toList();
    return TestingApply.apply(new Plan(plan.mode(), some, List.of(), Map.of(), plan.diagnostics(), plan.priorSerial(),
        plan.lineage()), state, providers);
  }

  static ResourceAddress addr(String text) {
    return ResourceAddress.parse(text).value();
  }

  @Test
  void anInstancePlannedAloneGetsWhatTheFullPlannerGivesWithTheValuesAppliedSoFar() throws IOException {
    Module module = load(CONFIG);
    StateSnapshot empty = StateSnapshot.empty("lineage-1");
    Plan saved = plan(module, empty, PlanOptions.DEFAULT);
    ResourceAddress webA = addr("test_thing.web[\"a\"]");
    assertFalse(saved.change(webA).after().isWhollyKnown(), "the saved plan cannot know base's id yet");

    StateSnapshot applied = applyOnly(saved, empty, "test_thing.base");
    InstancePlanner narrow = new InstancePlanner(module, vars, functions, providers, saved);
    Optional<InstancePlanner.Result> again = narrow.replan(webA, applied.resources());

    assertTrue(again.isPresent(), "a body naming locals, variables and managed resources is planned alone");
    ResourceChange c = again.get().change();
    assertEquals(Action.CREATE, c.action());
    ObjectValue after = (ObjectValue) c.after();
    assertEquals(Value.string("p-prod-x-id-1"), after.get("name"));
    assertEquals(Value.string("p-prod/arn:id-2"), ((MapValue) after.get("tags")).entries().get("label"));
    assertTrue(after.get("secret").isSensitive(), "sensitive attributes stay marked");

    // the full planner, re-planning the instance against the same state, agrees exactly
    ResourceChange full = plan(module, applied, PlanOptions.DEFAULT.withRefresh(false).withTargets(List.of(webA)))
        .change(webA);
    assertEquals(full.after(), c.after());
    assertEquals(full.config(), c.config());
    assertEquals(full.plannedPrivate(), c.plannedPrivate());
  }

  @Test
  void aSingleInstanceNamingAForEachInstanceSeesItsAppliedObject() throws IOException {
    Module module = load(CONFIG);
    StateSnapshot empty = StateSnapshot.empty("lineage-1");
    Plan saved = plan(module, empty, PlanOptions.DEFAULT);
    StateSnapshot baseApplied = applyOnly(saved, empty, "test_thing.base");
    StateSnapshot applied = applyOnly(plan(module, baseApplied, PlanOptions.DEFAULT), baseApplied, "test_thing.web");
    ResourceAddress solo = addr("test_thing.solo");

    ResourceChange c = new InstancePlanner(module, vars, functions, providers, saved)
        .replan(solo, applied.resources()).orElseThrow().change();

    Value webB = ((ObjectValue) JsonCodec.decode(applied.resources().get("test_thing.web[\"b\"]").attributesJson()))
        .get("id");
    assertTrue(webB.isKnown());
    assertEquals(webB, ((ObjectValue) c.after()).get("name"));
  }

  @Test
  void instancesItDoesNotCoverAreLeftToTheFullPlanner() throws IOException {
    Module module = load("""
        data "test_lookup" "l" {
          input = "q"
        }
        resource "test_thing" "reads" {
          name = data.test_lookup.l.result
        }
        """);
    Plan saved = plan(module, StateSnapshot.empty("lineage-1"), PlanOptions.DEFAULT);
    InstancePlanner narrow = new InstancePlanner(module, vars, functions, providers, saved);
    assertTrue(narrow.replan(addr("test_thing.reads"), Map.of()).isEmpty(), "data sources are read by the full planner");
    assertTrue(narrow.replan(addr("data.test_lookup.l"), Map.of()).isEmpty(), "only managed instances");
    assertTrue(narrow.replan(addr("test_thing.missing"), Map.of()).isEmpty(), "not in the plan");
  }
}
