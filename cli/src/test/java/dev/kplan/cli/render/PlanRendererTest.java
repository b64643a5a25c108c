package dev.kplan.cli.render;

import static dev.kplan.cli.render.PlanFixtures.addr;
import static dev.kplan.cli.render.PlanFixtures.change;
import static dev.kplan.cli.render.PlanFixtures.plan;
import static dev.kplan.cli.render.V.list;
import static dev.kplan.cli.render.V.map;
import static dev.kplan.cli.render.V.obj;
import static dev.kplan.cli.render.V.s;
import static dev.kplan.cli.render.V.secret;
import static dev.kplan.cli.render.V.set;
import static dev.kplan.cli.render.V.unknown;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.ChangeReason;
import dev.kplan.engine.plan.Drift;
import dev.kplan.engine.plan.DriftCause;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.lang.value.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanRendererTest {
  private static final String SECRET = PlanFixtures.SECRET;

  @Test
  void noFixtureEverPrintsASensitiveValueWithOrWithoutColour() {
    for (PlanFixtures.Fixture f : PlanFixtures.all()) {
      for (boolean color : new boolean[] {false, true}) {
        String text = PlanRenderer.render(f.plan(), f.priorOutputs(), color);
        assertFalse(text.contains(PlanFixtures.SECRET), f.name());
        assertFalse(text.contains(PlanFixtures.SECRET2), f.name());
      }
    }
  }

  @Test
  void sensitiveValuesNestedInListsSetsMapsHeredocsDriftAndReplacementsStayHidden() {
    Plan p = plan(PlanMode.NORMAL, List.of(
        change(addr("local_file", "a"), Action.CREATE, null,
            obj("list", list("plain", secret(s(SECRET))), "set", set("x", secret(s(SECRET + "-set"))),
                "map", map("k", secret(s(SECRET + "-map"))), "doc", secret(s(SECRET + "\nsecond line\n")),
                "later", secret(unknown())),
            List.of(), ChangeReason.NONE),
        change(addr("local_file", "b"), Action.DELETE_THEN_CREATE, obj("key", secret(s(SECRET))),
            obj("key", secret(s(SECRET + "-new"))), List.of(Path.ROOT.attr("key")),
            ChangeReason.REPLACE_BECAUSE_CANNOT_UPDATE)),
        List.of(new Drift(addr("local_file", "b"), obj("key", secret(s(SECRET))),
            obj("key", secret(s(SECRET + "-live"))), List.of(), DriftCause.UPDATED)),
        Map.of("out", secret(obj("nested", SECRET))));
    String text = PlanRenderer.render(p, Map.of(), false);
    assertFalse(text.contains(SECRET), text);
    assertFalse(text.contains("second line"), text);
    assertTrue(text.contains("+ \"plain\","), text);
    assertTrue(text.contains("~ key = (sensitive value) # forces replacement"), text);
    assertTrue(text.contains("+ out = (sensitive value)"), text);
  }

  @Test
  void createRendersAsTerraformsOwnTestExpects() {
    // internal/command/format/diff_test.go, TestResourceChange_primitiveTypes "creation"
    Plan p = plan(PlanMode.NORMAL, List.of(change(addr("test_instance", "example"), Action.CREATE, null,
        obj("id", unknown()), List.of(), ChangeReason.NONE)), List.of(), Map.of());
    String text = PlanRenderer.render(p, false);
    assertTrue(text.contains("""
          # test_instance.example will be created
          + resource "test_instance" "example" {
              + id = (known after apply)
            }
        """), text);
  }

  @Test
  void replacementCountsAsOneToAddAndOneToDestroy() {
    String text = PlanRenderer.render(PlanFixtures.replace().plan(), false);
    assertTrue(text.contains("Plan: 3 to add, 0 to change, 3 to destroy.\n"), text);
  }

  @Test
  void legendListsOnlyTheSymbolsUsed() {
    String text = PlanRenderer.render(PlanFixtures.delete().plan(), false);
    assertTrue(text.contains("  - destroy\n"));
    assertFalse(text.contains("+ create"));
    assertFalse(text.contains("update in-place"));
  }

  @Test
  void colourWrapsSymbolsAndHeadersInAnsiCodesOnlyWhenEnabled() {
    Plan p = PlanFixtures.drift().plan();
    String plain = PlanRenderer.render(p, false);
    String colored = PlanRenderer.render(p, true);
    assertFalse(plain.contains("\u001b["));
    assertTrue(colored.contains("\u001b[32m+\u001b[0m create"), colored);
    assertTrue(colored.contains("\u001b[33m~\u001b[0m"), colored);
    assertTrue(colored.contains("\u001b[31m-\u001b[0m"), colored);
    assertTrue(colored.contains("\u001b[1mPlan:\u001b[0m 1 to add"), colored);
    assertEquals(plain, colored.replaceAll("\u001b\\[[0-9]+m", ""));
  }

  @Test
  void driftComesBeforeTheActionsWithItsAttribution() {
    String text = PlanRenderer.render(PlanFixtures.drift().plan(), false);
    int drift = text.indexOf("Objects have changed outside of kplan");
    int actions = text.indexOf("kplan will perform the following actions:");
    assertTrue(drift >= 0 && actions > drift, text);
    assertTrue(text.contains("  # data[\"level\"]: \"info\" \u2192 \"debug\" (kubectl-edit, Update, 2026-11-25T10:00:00Z)\n"),
        text);
    assertTrue(text.contains("  # local_file.cache has been deleted\n"));
  }

  @Test
  void nothingToDoSaysSoInEachMode() {
    assertTrue(PlanRenderer.render(PlanFixtures.noChanges().plan(), Map.of("region", s("eu")), false)
        .contains("No changes. Your infrastructure matches the configuration."));
    assertTrue(PlanRenderer.render(PlanFixtures.refreshOnlyNoChanges().plan(), false)
        .contains("No changes. Your infrastructure still matches the configuration."));
    assertTrue(PlanRenderer.render(PlanFixtures.destroyNothing().plan(), false)
        .contains("No changes. No objects need to be destroyed."));
  }

  @Test
  void driftAloneInANormalPlanIsNotShownAsTerraformDoesNot() {
    Plan p = plan(PlanMode.NORMAL, List.of(), PlanFixtures.refreshOnlyDrift().plan().drift(), Map.of());
    String text = PlanRenderer.render(p, false);
    assertFalse(text.contains("Objects have changed"), text);
    assertTrue(text.startsWith("\nNo changes. Your infrastructure matches the configuration.\n"), text);
  }

  @Test
  void dataSourceDeletesAreNotShown() {
    Plan p = plan(PlanMode.NORMAL, List.of(new dev.kplan.engine.plan.ResourceChange(
        dev.kplan.engine.addrs.ResourceAddress.data("local_file", "old"), Action.DELETE, obj("id", "x"),
        V.nul(), List.of(), ChangeReason.NONE, dev.kplan.engine.addrs.ProviderAddress.of("local"), V.nul(), "",
        List.of(), null)),
        List.of(), Map.of());
    assertTrue(PlanRenderer.render(p, false).contains("No changes."));
  }

  @Test
  void aLongFileWithOneChangedLineIsDiffedLineByLineWithoutAQuadraticTable() {
    StringBuilder before = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      before.append("line ").append(i).append('\n');
    }
    String after = before.toString().replace("line 10000\n", "line ten thousand\n");
    Plan p = plan(PlanMode.NORMAL, List.of(change(addr("local_file", "big"), Action.UPDATE,
        obj("content", before.toString()), obj("content", after), List.of(), ChangeReason.NONE)), List.of(), Map.of());
    String text = PlanRenderer.render(p, false);
    assertTrue(text.contains("          - line 10000\n          + line ten thousand\n"), "changed line shown");
    assertTrue(text.contains("Plan: 0 to add, 1 to change, 0 to destroy."));
  }

  @Test
  void aPlanOfMovesOnlyListsThemWithoutALegend() {
    Plan p = plan(PlanMode.NORMAL, List.of(PlanFixtures.moves().plan().changes().get(0)), List.of(), Map.of());
    String text = PlanRenderer.render(p, false);
    assertFalse(text.contains("symbols"), text);
    assertTrue(text.contains("  # local_file.cfg has moved to local_file.cfg[0]\n"), text);
    assertTrue(text.contains("Plan: 0 to add, 0 to change, 0 to destroy."), text);
  }

  @Test
  void unchangedOutputsAreNotListed() {
    String text = PlanRenderer.render(PlanFixtures.outputs().plan(), PlanFixtures.outputs().priorOutputs(), false);
    assertFalse(text.contains("region"), text);
    assertTrue(text.contains("- legacy   = \"remove-me\" -> null"), text);
  }
}
