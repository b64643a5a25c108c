package dev.kplan.engine.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.engine.config.LoadResult;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.ChangeReason;
import dev.kplan.engine.plan.Drift;
import dev.kplan.engine.plan.DriftCause;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.engine.plan.PlanOptions;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Provider;
import dev.kplan.state.StateSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {
  @TempDir
  java.nio.file.Path dir;

  final TestingProvider cloud = new TestingProvider();
  final Map<ProviderAddress, Provider> providers = Map.of(ProviderAddress.of("test"), cloud);
  StateSnapshot state = StateSnapshot.empty("lineage-1");
  Map<String, Value> vars = Map.of();

  Plan plan(String hcl) throws IOException {
    return plan(hcl, PlanOptions.DEFAULT);
  }

  Plan plan(String hcl, PlanOptions options) throws IOException {
    return plan(hcl, options, new FunctionTable(Map.of()));
  }

  FunctionTable standardFunctions() {
    FunctionTable[] table = new FunctionTable[1];
    table[0] = FunctionTable.standard(new dev.kplan.lang.functions.FunctionContext(dir, java.time.Clock.systemUTC(),
        new dev.kplan.lang.eval.TemplateFileRenderer(() -> table[0])));
    return table[0];
  }

  Plan plan(String hcl, PlanOptions options, FunctionTable functions) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), hcl);
    LoadResult loaded = ConfigLoader.load(dir);
    assertFalse(loaded.diagnostics().hasErrors(), loaded.diagnostics().toString());
    return Planner.plan(new Planner.Input(loaded.module(), vars, state, providers, functions, options));
  }

  /** Plans and applies; returns the plan that was applied. */
  Plan apply(String hcl) throws IOException {
    Plan p = plan(hcl);
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
    state = TestingApply.apply(p, state, providers);
    return p;
  }

  static ResourceAddress addr(String text) {
    return ResourceAddress.parse(text).value();
  }

  static Value attr(Value obj, String name) {
    return ((ObjectValue) obj).get(name);
  }

  static List<String> errors(Plan p) {
    return p.diagnostics().errors().stream().map(Diagnostic::summary).toList();
  }

  static Map<String, Action> actions(Plan p) {
    Map<String, Action> out = new java.util.TreeMap<>();
    p.changes().forEach(c -> out.put(c.address().toString(), c.action()));
    return out;
  }

  static final String ONE = """
      resource "test_thing" "a" {
        name = "a"
        size = 1
      }
      """;

  @Test
  void createsFromEmptyStateWithComputedValuesKnownAfterApply() throws IOException {
    Plan p = plan(ONE);
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
    ResourceChange c = p.change(addr("test_thing.a"));
    assertEquals(Action.CREATE, c.action());
    assertTrue(c.before().isNull());
    assertEquals(Value.string("a"), attr(c.after(), "name"));
    assertFalse(attr(c.after(), "id").isKnown(), "id is known after apply");
    assertTrue(p.hasChanges());
    assertEquals("lineage-1", p.lineage());
  }

  @Test
  void noChangesAfterApply() throws IOException {
    apply(ONE);
    Plan p = plan(ONE);
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
    assertEquals(Map.of("test_thing.a", Action.NO_OP), actions(p));
    assertFalse(p.hasChanges());
    assertTrue(p.drift().isEmpty());
    assertTrue(cloud.calls.contains("read test_thing x1"), cloud.calls.toString());
  }

  @Test
  void updatesInPlaceOrReplacesWhenAForceNewAttributeChanges() throws IOException {
    apply(ONE);
    Plan update = plan(ONE.replace("size = 1", "size = 2"));
    ResourceChange u = update.change(addr("test_thing.a"));
    assertEquals(Action.UPDATE, u.action());
    assertEquals(Value.number(1), attr(u.before(), "size"));
    assertEquals(Value.number(2), attr(u.after(), "size"));
    assertEquals(attr(u.before(), "id"), attr(u.after(), "id"), "the id carries over on update");

    Plan replace = plan(ONE.replace("size = 1", "zone = \"b\""));
    ResourceChange r = replace.change(addr("test_thing.a"));
    assertEquals(Action.DELETE_THEN_CREATE, r.action());
    assertEquals(ChangeReason.REPLACE_BECAUSE_CANNOT_UPDATE, r.reason());
    assertEquals(List.of(Path.ROOT.attr("zone")), r.replacePaths());
    assertFalse(attr(r.after(), "id").isKnown());

    Plan cbd = plan(ONE.replace("size = 1", "zone = \"b\"\n lifecycle { create_before_destroy = true }"));
    assertEquals(Action.CREATE_THEN_DELETE, cbd.change(addr("test_thing.a")).action());
  }

  @Test
  void driftIsShownWhenTheLiveObjectChangedAndThePlanRestoresIt() throws IOException {
    apply(ONE);
    String id = cloud.cloud.keySet().iterator().next();
    cloud.editOutside(id, "size", Value.number(5), "kubectl-edit");
    Plan p = plan(ONE);
    assertEquals(1, p.drift().size());
    Drift d = p.drift().get(0);
    assertEquals(DriftCause.UPDATED, d.cause());
    assertEquals(Value.number(1), attr(d.before(), "size"));
    assertEquals(Value.number(5), attr(d.live(), "size"));
    assertEquals("kubectl-edit", d.attribution().get(0).manager());
    ResourceChange c = p.change(addr("test_thing.a"));
    assertEquals(Action.UPDATE, c.action());
    assertEquals(Value.number(5), attr(c.before(), "size"));
    assertEquals(Value.number(1), attr(c.after(), "size"));
  }

  @Test
  void anObjectDeletedOutsideIsDriftAndPlannedForCreation() throws IOException {
    apply(ONE);
    cloud.cloud.clear();
    Plan p = plan(ONE);
    assertEquals(DriftCause.DELETED, p.drift().get(0).cause());
    assertEquals(Action.CREATE, p.change(addr("test_thing.a")).action());
  }

  @Test
  void refreshFalseSkipsReadingAndRefreshOnlyPlansNoActions() throws IOException {
    apply(ONE);
    String id = cloud.cloud.keySet().iterator().next();
    cloud.editOutside(id, "size", Value.number(5), "someone");
    cloud.calls.clear();
    Plan noRefresh = plan(ONE, PlanOptions.DEFAULT.withRefresh(false));
    assertTrue(noRefresh.drift().isEmpty());
    assertEquals(Action.NO_OP, noRefresh.change(addr("test_thing.a")).action());
    assertTrue(cloud.calls.stream().noneMatch(c -> c.startsWith("read")), cloud.calls.toString());

    Plan refreshOnly = plan(ONE, PlanOptions.DEFAULT.withMode(PlanMode.REFRESH_ONLY));
    assertEquals(1, refreshOnly.drift().size());
    assertTrue(refreshOnly.changes().isEmpty());
  }

  @Test
  void countExpandsAndShrinkingDeletesTheHighIndexes() throws IOException {
    String two = """
        resource "test_thing" "n" {
          count = 2
          name  = "n-${count.index}"
        }
        """;
    Plan p = apply(two);
    assertEquals(Map.of("test_thing.n[0]", Action.CREATE, "test_thing.n[1]", Action.CREATE), actions(p));
    assertEquals(Value.string("n-1"), attr(p.change(addr("test_thing.n[1]")).after(), "name"));
    Plan shrink = plan(two.replace("count = 2", "count = 1"));
    assertEquals(Map.of("test_thing.n[0]", Action.NO_OP, "test_thing.n[1]", Action.DELETE), actions(shrink));
    assertEquals(ChangeReason.DELETE_BECAUSE_COUNT_INDEX, shrink.change(addr("test_thing.n[1]")).reason());
  }

  @Test
  void addingCountMovesTheSingleInstanceToIndexZeroAndBack() throws IOException {
    apply(ONE);
    String counted = ONE.replace("name = \"a\"", "count = 2\n name = \"a\"");
    Plan p = plan(counted);
    assertEquals(Map.of("test_thing.a[0]", Action.NO_OP, "test_thing.a[1]", Action.CREATE), actions(p));
    assertEquals(addr("test_thing.a"), p.change(addr("test_thing.a[0]")).previousAddress());
    state = TestingApply.apply(p, state, providers);
    assertEquals(java.util.Set.of("test_thing.a[0]", "test_thing.a[1]"), state.resources().keySet());

    Plan back = plan(ONE);
    assertEquals(Map.of("test_thing.a", Action.NO_OP, "test_thing.a[1]", Action.DELETE), actions(back));
    assertEquals(addr("test_thing.a[0]"), back.change(addr("test_thing.a")).previousAddress());
  }

  @Test
  void forEachExpandsByKeyAndReKeyingCreatesAndDeletes() throws IOException {
    String ab = """
        resource "test_thing" "m" {
          for_each = { a = "x", b = "y" }
          name     = "${each.key}=${each.value}"
        }
        """;
    Plan p = apply(ab);
    assertEquals(Value.string("a=x"), attr(p.change(addr("test_thing.m[\"a\"]")).after(), "name"));
    Plan rekey = plan(ab.replace("a = \"x\", b = \"y\"", "b = \"y\", c = \"z\""));
    assertEquals(Map.of("test_thing.m[\"a\"]", Action.DELETE, "test_thing.m[\"b\"]", Action.NO_OP,
        "test_thing.m[\"c\"]", Action.CREATE), actions(rekey));
    assertEquals(ChangeReason.DELETE_BECAUSE_EACH_KEY, rekey.change(addr("test_thing.m[\"a\"]")).reason());

    Plan set = plan("""
        resource "test_thing" "s" {
          for_each = toset(["p"])
          name     = each.value
        }
        """.replace("toset([\"p\"])", "{ p = \"p\" }"));
    assertEquals(Value.string("p"), attr(set.change(addr("test_thing.s[\"p\"]")).after(), "name"));
  }

  @Test
  void forEachOverAListIsRejectedInTerraformsWords() throws IOException {
    Plan p = plan("""
        resource "test_thing" "l" {
          for_each = ["a", "b"]
          name     = each.value
        }
        """);
    Diagnostic d = p.diagnostics().errors().get(0);
    assertEquals("Invalid for_each argument", d.summary());
    assertEquals("The given \"for_each\" argument value is unsuitable: the \"for_each\" argument must be a map, or set"
        + " of strings, and you have provided a value of type tuple.", d.detail());
  }

  @Test
  void referencesSeePlannedValuesAndUnknownsPropagate() throws IOException {
    Plan p = plan("""
        resource "test_thing" "a" {
          name = "a"
        }
        resource "test_thing" "b" {
          name = "after-${test_thing.a.id}"
          size = 3
        }
        output "b_size" { value = test_thing.b.size }
        output "a_id" { value = test_thing.a.id }
        """);
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
    assertFalse(attr(p.change(addr("test_thing.b")).after(), "name").isKnown(), "known after apply");
    assertEquals(Value.number(3), p.outputs().get("b_size"));
    assertEquals(List.of(addr("test_thing.a")), p.change(addr("test_thing.b")).dependencies());
    assertEquals(List.of(), p.change(addr("test_thing.a")).dependencies());
    assertFalse(p.outputs().get("a_id").isKnown());
  }

  @Test
  void dataSourcesReadNowOrDeferToApplyWhenTheyDependOnPendingChanges() throws IOException {
    Plan now = plan("""
        data "test_lookup" "l" { input = "k" }
        output "r" { value = data.test_lookup.l.result }
        """);
    assertEquals(Value.string("looked-up:k"), now.outputs().get("r"));
    assertTrue(now.changes().isEmpty());

    Plan deferred = plan("""
        resource "test_thing" "a" { name = "a" }
        data "test_lookup" "l" {
          input      = "k"
          depends_on = [test_thing.a]
        }
        output "r" { value = data.test_lookup.l.result }
        """);
    assertEquals(Action.READ, deferred.change(addr("data.test_lookup.l")).action());
    assertEquals(List.of(addr("test_thing.a")), deferred.change(addr("data.test_lookup.l")).dependencies());
    assertFalse(deferred.outputs().get("r").isKnown());
  }

  @Test
  void aCycleStopsThePlanWithItsMembersNamed() throws IOException {
    Plan p = plan("""
        resource "test_thing" "a" { name = test_thing.b.id }
        resource "test_thing" "b" { name = test_thing.a.id }
        """);
    assertEquals(List.of("Cycle: test_thing.a, test_thing.b"), errors(p));
    assertTrue(p.changes().isEmpty());
  }

  @Test
  void preventDestroyRefusesReplacementAndDestroyButNotRemovalOfTheBlock() throws IOException {
    String guarded = """
        resource "test_thing" "a" {
          name = "a"
          zone = "z1"
          lifecycle { prevent_destroy = true }
        }
        """;
    apply(guarded);
    assertEquals(List.of("Instance cannot be destroyed"), errors(plan(guarded.replace("z1", "z2"))));
    assertEquals(List.of("Instance cannot be destroyed"),
        errors(plan(guarded, PlanOptions.DEFAULT.withMode(PlanMode.DESTROY))));
    Plan removed = plan("");
    assertEquals(List.of(), removed.change(addr("test_thing.a")).dependencies());
    assertTrue(removed.diagnostics().errors().isEmpty(), removed.diagnostics().toString());
    assertEquals(ChangeReason.DELETE_BECAUSE_NO_RESOURCE_CONFIG, removed.change(addr("test_thing.a")).reason());
  }

  @Test
  void destroyModeDeletesEverything() throws IOException {
    apply(ONE);
    Plan p = plan(ONE, PlanOptions.DEFAULT.withMode(PlanMode.DESTROY));
    assertEquals(Map.of("test_thing.a", Action.DELETE), actions(p));
    assertEquals(ChangeReason.DELETE_BECAUSE_DESTROY_MODE, p.changes().get(0).reason());
  }

  @Test
  void ignoreChangesKeepsPriorValues() throws IOException {
    String tagged = """
        resource "test_thing" "a" {
          name = "a"
          tags = { team = "x" }
          lifecycle { ignore_changes = [tags] }
        }
        """;
    apply(tagged);
    Plan p = plan(tagged.replace("team = \"x\"", "team = \"y\""));
    assertEquals(Action.NO_OP, p.change(addr("test_thing.a")).action());
    Plan sizeChanged = plan(tagged.replace("name = \"a\"", "name = \"a\"\n size = 9").replace("\"x\"", "\"y\""));
    ResourceChange c = sizeChanged.change(addr("test_thing.a"));
    assertEquals(Action.UPDATE, c.action());
    assertEquals("x", ((dev.kplan.lang.value.StringValue) ((dev.kplan.lang.value.MapValue) attr(c.after(), "tags"))
        .entries().get("team")).value());
  }

  @Test
  void ignoreChangesCanNameOneMapKey() throws IOException {
    String tagged = """
        resource "test_thing" "a" {
          name = "a"
          tags = { team = "x", env = "dev" }
          lifecycle { ignore_changes = [tags["team"]] }
        }
        """;
    apply(tagged);
    assertEquals(Action.NO_OP, plan(tagged.replace("team = \"x\"", "team = \"y\"")).change(addr("test_thing.a"))
        .action());
    ResourceChange c = plan(tagged.replace("team = \"x\"", "team = \"y\"").replace("dev", "prod"))
        .change(addr("test_thing.a"));
    assertEquals(Action.UPDATE, c.action());
    Map<String, Value> tags = ((dev.kplan.lang.value.MapValue) attr(c.after(), "tags")).entries();
    assertEquals(Value.string("x"), tags.get("team"));
    assertEquals(Value.string("prod"), tags.get("env"));
  }

  @Test
  void targetPlansTheTargetAndItsDependenciesOnly() throws IOException {
    Plan p = plan("""
        resource "test_thing" "base" { name = "base" }
        resource "test_thing" "app" { name = "app-${test_thing.base.name}" }
        resource "test_thing" "other" { name = "other" }
        """, PlanOptions.DEFAULT.withTargets(List.of(addr("test_thing.app"))));
    assertEquals(Map.of("test_thing.app", Action.CREATE, "test_thing.base", Action.CREATE), actions(p));
  }

  @Test
  void aTaintedInstanceIsReplaced() throws IOException {
    apply(ONE);
    dev.kplan.state.ResourceInstance ri = state.resources().get("test_thing.a");
    state = new StateSnapshot(state.serial(), state.lineage(), Map.of("test_thing.a",
        new dev.kplan.state.ResourceInstance(ri.address(), ri.providerAddress(), ri.schemaVersion(), ri.attributesJson(),
            ri.sensitivePathsJson(), ri.dependencies(), true, ri.privateData())), Map.of());
    ResourceChange c = plan(ONE).change(addr("test_thing.a"));
    assertEquals(Action.DELETE_THEN_CREATE, c.action());
    assertEquals(ChangeReason.REPLACE_BECAUSE_TAINTED, c.reason());
  }

  @Test
  void outputsOverCountedInstancesUseSplats() throws IOException {
    apply("""
        resource "test_thing" "n" {
          count = 2
          name  = "n-${count.index}"
        }
        """);
    Plan p = plan("""
        resource "test_thing" "n" {
          count = 2
          name  = "n-${count.index}"
        }
        output "names" { value = test_thing.n[*].name }
        output "ids" { value = test_thing.n[*].id }
        """);
    assertEquals(Value.tuple(List.of(Value.string("n-0"), Value.string("n-1"))), p.outputs().get("names"));
    assertTrue(p.outputs().get("ids").isWhollyKnown(), "ids are known once applied");
  }

  @Test
  void replaceForcesReplacementOfAnUnchangedInstance() throws IOException {
    apply(ONE);
    Plan p = plan(ONE, PlanOptions.DEFAULT.withReplace(List.of(addr("test_thing.a"))));
    ResourceChange c = p.change(addr("test_thing.a"));
    assertEquals(Action.DELETE_THEN_CREATE, c.action());
    assertEquals(ChangeReason.REPLACE_BY_REQUEST, c.reason());
  }

  @Test
  void sensitiveAttributesAndVariablesAreMarked() throws IOException {
    vars = Map.of("owner", Value.string("alice").mark(Marks.SENSITIVE));
    String hcl = """
        variable "owner" { sensitive = true }
        resource "test_thing" "a" {
          name   = var.owner
          secret = "hunter2"
        }
        output "n" {
          value = test_thing.a.name
        }
        """;
    Plan p = plan(hcl);
    ResourceChange c = p.change(addr("test_thing.a"));
    assertTrue(attr(c.after(), "secret").isSensitive(), "sensitive in the schema");
    assertTrue(attr(c.after(), "name").isSensitive(), "derived from a sensitive variable");
    assertFalse(attr(c.after(), "size").isSensitive());
    assertEquals(List.of("Output refers to sensitive values"), errors(p));
    Plan ok = plan(hcl.replace("value = test_thing.a.name", "value = test_thing.a.name\n sensitive = true"));
    assertTrue(ok.diagnostics().errors().isEmpty(), ok.diagnostics().toString());
    assertTrue(ok.outputs().get("n").isSensitive());
  }

  @Test
  void sensitiveMarksSurviveTheRoundTripThroughState() throws IOException {
    vars = Map.of("owner", Value.string("alice").mark(Marks.SENSITIVE));
    String hcl = """
        variable "owner" { sensitive = true }
        resource "test_thing" "a" {
          name = var.owner
          tags = { who = var.owner, team = "x" }
        }
        """;
    apply(hcl);
    assertTrue(state.resources().get("test_thing.a").sensitivePathsJson().contains("\"get_attr\",\"value\":\"name\""),
        state.resources().get("test_thing.a").sensitivePathsJson());
    Plan p = plan(hcl);
    ResourceChange c = p.change(addr("test_thing.a"));
    assertEquals(Action.NO_OP, c.action());
    assertTrue(attr(c.before(), "name").isSensitive());
    Value tags = attr(c.before(), "tags");
    assertTrue(((dev.kplan.lang.value.MapValue) tags).entries().get("who").isSensitive());
    assertFalse(((dev.kplan.lang.value.MapValue) tags).entries().get("team").isSensitive());
  }

  @Test
  void replaceTriggeredByReplacesWhenTheTriggerChanges() throws IOException {
    String hcl = """
        resource "test_thing" "cfg" {
          name = "cfg"
          size = 1
        }
        resource "test_thing" "app" {
          name = "app"
          lifecycle { replace_triggered_by = [test_thing.cfg] }
        }
        """;
    apply(hcl);
    assertFalse(plan(hcl).hasChanges());
    Plan p = plan(hcl.replace("size = 1", "size = 2"));
    assertEquals(Action.UPDATE, p.change(addr("test_thing.cfg")).action());
    ResourceChange app = p.change(addr("test_thing.app"));
    assertEquals(Action.DELETE_THEN_CREATE, app.action());
    assertEquals(ChangeReason.REPLACE_BY_TRIGGERS, app.reason());
  }

  @Test
  void forEachOverASetOfStringsKeysByValue() throws IOException {
    Plan p = plan("""
        resource "test_thing" "s" {
          for_each = toset(["p", "q", "p"])
          name     = "${each.key}/${each.value}"
        }
        """, PlanOptions.DEFAULT, standardFunctions());
    assertEquals(Map.of("test_thing.s[\"p\"]", Action.CREATE, "test_thing.s[\"q\"]", Action.CREATE), actions(p));
    assertEquals(Value.string("q/q"), attr(p.change(addr("test_thing.s[\"q\"]")).after(), "name"));
  }

  @Test
  void unknownCountIsRejectedUntilApply() throws IOException {
    Plan p = plan("""
        resource "test_thing" "a" { name = "a" }
        resource "test_thing" "b" {
          count = length(test_thing.a.id)
          name  = "b"
        }
        """, PlanOptions.DEFAULT, standardFunctions());
    assertEquals(List.of("Invalid count argument"), errors(p));
    assertTrue(p.diagnostics().errors().get(0).detail().startsWith("The \"count\" value depends on resource attributes"));
  }

  @Test
  void aliasedProvidersServeTheirOwnResources() throws IOException {
    TestingProvider staging = new TestingProvider();
    Map<ProviderAddress, Provider> two = Map.of(ProviderAddress.of("test"), cloud,
        new ProviderAddress("test", "staging"), staging);
    Files.writeString(dir.resolve("main.kp.hcl"), """
        provider "test" {
          alias  = "staging"
          region = "eu"
        }
        resource "test_thing" "prod" { name = "p" }
        resource "test_thing" "stage" {
          provider = test.staging
          name     = "s"
        }
        """);
    LoadResult loaded = ConfigLoader.load(dir);
    Plan p = Planner.plan(new Planner.Input(loaded.module(), vars, state, two, new FunctionTable(Map.of()),
        PlanOptions.DEFAULT));
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
    assertEquals(new ProviderAddress("test", "staging"), p.change(addr("test_thing.stage")).provider());
    assertEquals(ProviderAddress.of("test"), p.change(addr("test_thing.prod")).provider());
    assertEquals(List.of("configure", "plan test_thing"), staging.calls);
    assertEquals(List.of("configure", "plan test_thing"), cloud.calls);
  }

  @Test
  void refreshReadsDifferentProvidersInParallel() throws IOException {
    TestingProvider staging = new TestingProvider();
    Map<ProviderAddress, Provider> two = Map.of(ProviderAddress.of("test"), cloud,
        new ProviderAddress("test", "staging"), staging);
    String hcl = """
        provider "test" {
          alias = "staging"
        }
        resource "test_thing" "prod" { name = "p" }
        resource "test_thing" "stage" {
          provider = test.staging
          name     = "s"
        }
        """;
    Files.writeString(dir.resolve("main.kp.hcl"), hcl);
    LoadResult loaded = ConfigLoader.load(dir);
    Planner.Input first = new Planner.Input(loaded.module(), vars, state, two, new FunctionTable(Map.of()),
        PlanOptions.DEFAULT);
    state = TestingApply.apply(Planner.plan(first), state, two);
    java.util.concurrent.CountDownLatch both = new java.util.concurrent.CountDownLatch(2);
    cloud.rendezvous = both;
    staging.rendezvous = both;
    Plan p = Planner.plan(new Planner.Input(loaded.module(), vars, state, two, new FunctionTable(Map.of()),
        PlanOptions.DEFAULT));
    assertFalse(p.hasChanges(), p.changes().toString());
    assertTrue(cloud.readsOverlapped && staging.readsOverlapped, "both reads were under way at once");
  }

  @Test
  void aTargetedInstanceLeavesItsSiblingsAlone() throws IOException {
    Plan p = plan("""
        resource "test_thing" "n" {
          count = 3
          name  = "n-${count.index}"
        }
        """, PlanOptions.DEFAULT.withTargets(List.of(addr("test_thing.n[1]"))));
    assertEquals(Map.of("test_thing.n[1]", Action.CREATE), actions(p));
  }

  @Test
  void aMissingProviderIsADiagnostic() throws IOException {
    Plan p = plan("""
        resource "other_thing" "x" { name = "x" }
        """);
    assertEquals(List.of("Missing required provider"), errors(p));
  }

  @Test
  void aResourceWithConfigurationErrorsIsNotPlannedForDeletion() throws IOException {
    apply(ONE);
    Plan p = plan(ONE.replace("name = \"a\"", "nme = \"a\""));
    assertTrue(p.diagnostics().hasErrors());
    assertNull(p.change(addr("test_thing.a")));
  }

  @Test
  void aProviderThatRewritesAConfiguredValueIsReportedAsABug() throws IOException {
    cloud.buggy = true;
    Plan p = plan(ONE);
    Diagnostic d = p.diagnostics().errors().get(0);
    assertEquals("Provider produced invalid plan", d.summary());
    assertTrue(d.detail().contains("test_thing.a: .name: planned value"), d.detail());
    assertNull(p.change(addr("test_thing.a")));
  }

  @Test
  void schemaErrorsInAResourceBodyAreReported() throws IOException {
    Plan p = plan("""
        resource "test_thing" "a" {
          nme = "a"
        }
        resource "test_thingy" "b" { name = "b" }
        """);
    assertEquals(List.of("Invalid resource type", "Missing required argument", "Unsupported argument"),
        errors(p).stream().sorted().toList());
  }
}
