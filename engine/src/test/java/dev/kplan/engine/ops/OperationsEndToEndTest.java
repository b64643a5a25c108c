package dev.kplan.engine.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.engine.plan.PlanOptions;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import dev.kplan.state.StateStore;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** plan, apply and destroy on a real folder with the real local provider and the H2 state store. */
class OperationsEndToEndTest {
  @TempDir Path dir;

  final Operations ops = new Operations();
  final List<String> events = Collections.synchronizedList(new ArrayList<>());
  final OperationOptions options = OperationOptions.DEFAULT.withWho("alice@test").withListener(e -> events.add(e.message()));

  static final String FILES = """
      resource "local_file" "cfg" {
        for_each = toset(["a", "b", "c"])
        filename = "out/${each.key}.txt"
        content  = "value ${each.key}\\n"
      }
      output "names" {
        value = sort([for f in local_file.cfg : f.filename])
      }
      """;

  void write(String hcl) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), hcl);
  }

  static void ok(OperationResult r) {
    assertFalse(r.hasErrors(), () -> r.diagnostics().items().stream().map(Diagnostic::toString)
        .collect(Collectors.joining("\n")));
  }

  static ResourceAddress addr(String text) {
    return ResourceAddress.parse(text).value();
  }

  /** A stored output read back as the CLI reads it: typed, its declared type being any. */
  static Value output(OperationResult r, String name) {
    return JsonCodec.decode(r.state().outputs().get(name).valueJson(), Type.DYNAMIC);
  }

  static List<Action> actions(Plan p) {
    return p.changes().stream().map(ResourceChange::action).toList();
  }

  @Test
  void forEachFilesAreCreatedThenStableThenDriftIsFixedThenDestroyed() throws IOException {
    write(FILES);
    OperationResult first = ops.apply(dir, options);
    ok(first);
    for (String k : List.of("a", "b", "c")) {
      assertEquals("value " + k + "\n", Files.readString(dir.resolve("out/" + k + ".txt")));
    }
    assertEquals(3, first.state().resources().size());
    assertEquals("{\"value\":[\"out/a.txt\",\"out/b.txt\",\"out/c.txt\"],\"type\":[\"list\",\"string\"]}",
        first.state().outputs().get("names").valueJson());
    assertTrue(events.contains("local_file.cfg[\"a\"]: Creating..."), events.toString());
    assertTrue(events.stream().anyMatch(e -> e.startsWith("local_file.cfg[\"b\"]: Creation complete after 0s [id=")),
        events.toString());

    OperationResult again = ops.plan(dir, options);
    ok(again);
    assertFalse(again.plan().hasChanges(), actions(again.plan()).toString());

    Files.writeString(dir.resolve("out/b.txt"), "edited by hand\n");
    OperationResult drifted = ops.plan(dir, options);
    ok(drifted);
    assertEquals(1, drifted.plan().drift().size());
    assertEquals(addr("local_file.cfg[\"b\"]"), drifted.plan().drift().get(0).address());
    assertEquals(Action.DELETE_THEN_CREATE, drifted.plan().change(addr("local_file.cfg[\"b\"]")).action());

    ok(ops.apply(dir, options));
    assertEquals("value b\n", Files.readString(dir.resolve("out/b.txt")));
    assertFalse(ops.plan(dir, options).plan().hasChanges());

    OperationResult destroyed = ops.destroy(dir, options);
    ok(destroyed);
    assertTrue(destroyed.state().resources().isEmpty());
    assertTrue(destroyed.state().outputs().isEmpty());
    for (String k : List.of("a", "b", "c")) {
      assertFalse(Files.exists(dir.resolve("out/" + k + ".txt")));
    }
    assertTrue(events.contains("local_file.cfg[\"c\"]: Destruction complete after 0s"), events.toString());
  }

  @Test
  void refreshOnlyApplyStoresWhatChangedOutsideAndTheNextPlanProposesTheFix() throws IOException {
    write(FILES);
    ok(ops.apply(dir, options));
    Files.writeString(dir.resolve("out/a.txt"), "edited by hand\n");
    Files.delete(dir.resolve("out/c.txt"));
    OperationResult r = ops.apply(dir, options.withPlan(PlanOptions.DEFAULT.withMode(PlanMode.REFRESH_ONLY)));
    ok(r);
    assertFalse(Files.exists(dir.resolve("out/c.txt")), "refresh-only changes nothing outside");
    assertTrue(r.state().resources().get("local_file.cfg[\"a\"]").attributesJson().contains("edited by hand"));
    assertFalse(r.state().resources().containsKey("local_file.cfg[\"c\"]"));
    assertEquals(Value.list(dev.kplan.lang.types.Type.STRING, List.of(Value.string("out/a.txt"), Value.string("out/b.txt"))),
        output(r, "names"),
        "the output follows the refreshed objects: the deleted one is left out");

    Plan next = ops.plan(dir, options).plan();
    assertTrue(next.drift().isEmpty(), next.drift().toString());
    assertEquals(Action.DELETE_THEN_CREATE, next.change(addr("local_file.cfg[\"a\"]")).action());
    assertEquals(Action.CREATE, next.change(addr("local_file.cfg[\"c\"]")).action());
  }

  @Test
  void aFailureStopsOnlyItsDependentsAndTheStateKeepsWhatHappened() throws Exception {
    Files.writeString(dir.resolve("blocker"), "a file where a folder is needed\n");
    write("""
        resource "local_file" "bad" {
          filename = "blocker/bad.txt"
          content  = "never written"
        }
        resource "local_file" "after_bad" {
          filename = "after_bad.txt"
          content  = local_file.bad.id
        }
        resource "local_file" "good" {
          filename = "good.txt"
          content  = "fine"
        }
        resource "local_file" "after_good" {
          filename = "after_good.txt"
          content  = local_file.good.id
        }
        """);
    OperationResult r = ops.apply(dir, options);
    assertTrue(r.hasErrors());
    assertTrue(Files.exists(dir.resolve("good.txt")));
    assertTrue(Files.exists(dir.resolve("after_good.txt")));
    assertFalse(Files.exists(dir.resolve("after_bad.txt")));
    try (StateStore store = JdbcStateStore.h2(JdbcStateStore.defaultFile(dir))) {
      assertEquals(List.of("local_file.after_good", "local_file.good"),
          new ArrayList<>(store.read().resources().keySet()));
    }
    assertTrue(events.stream().noneMatch(e -> e.startsWith("local_file.after_bad")), events.toString());
  }

  @Test
  void createBeforeDestroyCreatesTheNewObjectBeforeDeletingTheOld() throws IOException {
    String hcl = """
        resource "local_file" "f" {
          filename = "%s"
          content  = "x"
          lifecycle {
            create_before_destroy = %s
          }
        }
        """;
    write(hcl.formatted("one.txt", "true"));
    ok(ops.apply(dir, options));
    events.clear();
    write(hcl.formatted("two.txt", "true"));
    OperationResult r = ops.apply(dir, options);
    ok(r);
    assertEquals(Action.CREATE_THEN_DELETE, r.plan().change(addr("local_file.f")).action());
    // the old object is deposed by then: the lines name it so
    assertTrue(events.indexOf("local_file.f: Creating...") < indexStarting("local_file.f (deposed object "),
        events.toString());
    assertTrue(Files.exists(dir.resolve("two.txt")));
    assertFalse(Files.exists(dir.resolve("one.txt")));
    assertTrue(r.state().resources().get("local_file.f").attributesJson().contains("two.txt"));

    events.clear();
    write(hcl.formatted("three.txt", "false"));
    OperationResult d = ops.apply(dir, options);
    ok(d);
    assertEquals(Action.DELETE_THEN_CREATE, d.plan().change(addr("local_file.f")).action());
    assertTrue(indexStarting("local_file.f: Destroying...") < events.indexOf("local_file.f: Creating..."), events.toString());
    assertTrue(Files.exists(dir.resolve("three.txt")));
    assertFalse(Files.exists(dir.resolve("two.txt")));
  }

  int indexStarting(String prefix) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void dependentsAreDestroyedBeforeWhatTheyDependOn() throws IOException {
    write("""
        resource "local_file" "base" {
          filename = "base.txt"
          content  = "base"
        }
        resource "local_file" "top" {
          filename = "top.txt"
          content  = local_file.base.id
        }
        """);
    ok(ops.apply(dir, options));
    assertTrue(events.indexOf("local_file.base: Creating...") < events.indexOf("local_file.top: Creating..."));
    events.clear();
    ok(ops.destroy(dir, options));
    assertTrue(indexStarting("local_file.top: Destruction complete") < indexStarting("local_file.base: Destroying..."),
        events.toString());
  }

  @Test
  void valuesUnknownAtPlanTimeArePlannedAgainDuringApply() throws IOException {
    write("""
        resource "random_id" "r" {
          byte_length = 4
        }
        resource "local_file" "f" {
          filename = "id.txt"
          content  = random_id.r.hex
        }
        """);
    OperationResult r = ops.apply(dir, options);
    ok(r);
    String hex = Files.readString(dir.resolve("id.txt"));
    assertEquals(8, hex.length());
    assertTrue(r.state().resources().get("random_id.r").attributesJson().contains(hex));
    assertFalse(ops.plan(dir, options).plan().hasChanges());
  }

  @Test
  void aChainOfValuesKnownOnlyAfterApplyIsResolvedStepByStep() throws IOException {
    write("""
        resource "kplan_data" "a" {
          input = "x"
        }
        resource "kplan_data" "b" {
          input = "${kplan_data.a.output}-y"
        }
        resource "local_file" "f" {
          filename = "chain.txt"
          content  = kplan_data.b.output
        }
        output "chain" {
          value = local_file.f.content
        }
        """);
    OperationResult r = ops.apply(dir, options);
    ok(r);
    assertEquals("x-y", Files.readString(dir.resolve("chain.txt")));
    assertEquals(Value.string("x-y"), output(r, "chain"));
    assertFalse(ops.plan(dir, options).plan().hasChanges());
  }

  @Test
  void sensitiveAttributesAndOutputsAreStoredAsSensitive() throws IOException {
    write("""
        resource "random_password" "p" {
          length = 12
        }
        output "password" {
          value     = random_password.p.result
          sensitive = true
        }
        """);
    OperationResult r = ops.apply(dir, options);
    ok(r);
    String paths = r.state().resources().get("random_password.p").sensitivePathsJson();
    assertTrue(paths.contains("result"), paths);
    assertTrue(r.state().outputs().get("password").sensitive());
    String password = ((StringValue) output(r, "password")).value();
    assertEquals(12, password.length());
    assertTrue(events.stream().noneMatch(e -> e.contains(password)), events.toString());
  }

  @Test
  void addingCountMovesTheStoredObjectWithoutReplacingIt() throws IOException {
    write("""
        resource "local_file" "f" {
          filename = "moved.txt"
          content  = "same"
        }
        """);
    ok(ops.apply(dir, options));
    write("""
        resource "local_file" "f" {
          count    = 1
          filename = "moved.txt"
          content  = "same"
        }
        """);
    events.clear();
    OperationResult r = ops.apply(dir, options);
    ok(r);
    assertEquals(List.of("local_file.f[0]"), new ArrayList<>(r.state().resources().keySet()));
    assertTrue(events.isEmpty(), events.toString());
    assertFalse(ops.plan(dir, options).plan().hasChanges());
  }

  @Test
  void aSavedPlanIsAppliedExactlyAndAStaleOneIsRefused() throws IOException {
    write(FILES);
    Plan saved = ops.plan(dir, options).plan();
    assertNotNull(saved);
    OperationResult applied = ops.applySaved(dir, saved, options);
    ok(applied);
    assertEquals(3, applied.state().resources().size());
    assertEquals(saved.priorSerial() + 1, applied.state().serial());

    write(FILES.replace("\"a\", \"b\", \"c\"", "\"a\""));
    Plan shrink = ops.plan(dir, options).plan();
    ok(ops.apply(dir, options)); // the state moves on
    OperationResult stale = ops.applySaved(dir, shrink, options);
    assertTrue(stale.hasErrors());
    assertEquals("Saved plan is stale", stale.diagnostics().items().get(0).summary());
  }

  @Test
  void aSecondOperationFailsNamingTheLockHolderAfterTheTimeout() throws Exception {
    write(FILES);
    try (StateStore other = JdbcStateStore.h2(JdbcStateStore.defaultFile(dir));
        StateStore.Lock held = other.lock("bob@elsewhere", "apply", Duration.ZERO)) {
      long t0 = System.nanoTime();
      OperationResult r = ops.plan(dir, options.withLockTimeout(Duration.ofMillis(500)));
      assertTrue(Duration.ofNanos(System.nanoTime() - t0).toMillis() >= 500);
      assertTrue(r.hasErrors());
      Diagnostic d = r.diagnostics().items().get(0);
      assertEquals("Error acquiring the state lock", d.summary());
      assertTrue(d.detail().contains("bob@elsewhere"), d.detail());
      assertTrue(d.detail().contains(held.info().id()), d.detail());
    }
    ok(ops.plan(dir, options)); // released
  }

  @Test
  void aListUnderAnAttributeOfTypeAnySettlesAndItsOutputIsStored() throws IOException {
    // kplan_data.input/output have type any: a list(string) must not come back from the state as a tuple
    write("""
        resource "kplan_data" "x" {
          input = { files = sort(["b", "a"]) }
        }
        output "files" {
          value = kplan_data.x.output.files
        }
        """);
    OperationResult r = ops.apply(dir, options);
    ok(r);
    assertTrue(r.diagnostics().items().isEmpty(), r.diagnostics().items().toString());
    Value files = Value.list(Type.STRING, List.of(Value.string("a"), Value.string("b")));
    assertEquals(files, output(r, "files"));
    assertEquals(files.type(), output(r, "files").type());

    OperationResult again = ops.plan(dir, options);
    ok(again);
    assertFalse(again.plan().hasChanges(), actions(again.plan()).toString());
    assertTrue(again.plan().drift().isEmpty(), again.plan().drift().toString());
  }

  @Test
  void aConvertedMapOfKeepersSettles() throws IOException {
    write("""
        resource "random_id" "r" {
          byte_length = 4
          keepers     = { x = sort(["b", "a"])[0] }
        }
        resource "kplan_data" "k" {
          input = { keepers = { x = sort(["b", "a"]) }, n = [1, 2], m = tomap({ a = 1 }), s = toset(["q"]) }
        }
        """);
    ok(ops.apply(dir, options));
    OperationResult again = ops.plan(dir, options);
    ok(again);
    assertFalse(again.plan().hasChanges(), actions(again.plan()).toString());
  }

  @Test
  void generateConfigOutWritesResourceBlocksForImportTargetsWithoutConfigurationThenPlansTheImport()
      throws IOException {
    Files.writeString(dir.resolve("existing.txt"), "kept as it is\n");
    write("""
        import {
          to = local_file.existing
          id = "existing.txt"
        }
        """);
    OperationResult r = ops.planGeneratingConfig(dir, options, Path.of("generated.kp.hcl"));
    ok(r);
    String generated = Files.readString(dir.resolve("generated.kp.hcl")).replaceAll(" +=", " =");
    assertTrue(generated.contains("resource \"local_file\" \"existing\" {"), generated);
    assertTrue(generated.contains("filename = \"existing.txt\""), generated);
    assertTrue(generated.contains("content = \"kept as it is\\n\""), generated);
    assertFalse(generated.contains("content_md5"), "computed attributes are not configuration:\n" + generated);
    ResourceChange c = r.plan().change(addr("local_file.existing"));
    assertEquals("existing.txt", c.importing());
    assertEquals(Action.NO_OP, c.action(), "the generated configuration matches the imported object");

    ok(ops.apply(dir, options));
    OperationResult again = ops.plan(dir, options);
    ok(again);
    assertFalse(again.plan().hasChanges(), "the adopted object plans no changes");
  }

  @Test
  void generateConfigOutNeverOverwritesAFile() throws IOException {
    Files.writeString(dir.resolve("existing.txt"), "x");
    Files.writeString(dir.resolve("generated.kp.hcl"), "# mine\n");
    write("""
        import {
          to = local_file.existing
          id = "existing.txt"
        }
        """);
    OperationResult r = ops.planGeneratingConfig(dir, options, Path.of("generated.kp.hcl"));
    assertTrue(r.hasErrors());
    assertEquals("Target generated file already exists", r.diagnostics().items().get(0).summary());
    assertEquals("# mine\n", Files.readString(dir.resolve("generated.kp.hcl")));
  }

  @Test
  void generateConfigOutWithUnmanagedScopesPlansTheGeneratedConfigurationAndScansForIt() throws IOException {
    Files.writeString(dir.resolve("existing.txt"), "x");
    write("""
        import {
          to = local_file.existing
          id = "existing.txt"
        }
        """);
    UnmanagedPlan up = ops.planGeneratingConfig(dir, options, Path.of("generated.kp.hcl"), List.of("ns"));
    ok(up.result());
    assertTrue(Files.exists(dir.resolve("generated.kp.hcl")));
    assertEquals("existing.txt", up.result().plan().change(addr("local_file.existing")).importing());
    // local_file cannot list unmanaged objects: the scan ran and says so
    assertEquals("Unmanaged objects not listed", up.unmanaged().diagnostics().items().get(0).summary());
  }

  @Test
  void generateConfigOutWritesASensitiveVariableInsteadOfASensitiveValueAndPlansWithTheImportedOne()
      throws IOException {
    String secret = "pa55word-from-the-file";
    Files.writeString(dir.resolve("secret.txt"), secret);
    write("""
        import {
          to = local_sensitive_file.creds
          id = "secret.txt"
        }
        """);
    OperationResult r = ops.planGeneratingConfig(dir, options, Path.of("generated.kp.hcl"));
    ok(r);
    String generated = Files.readString(dir.resolve("generated.kp.hcl"));
    assertFalse(generated.contains(secret), generated);
    String flat = generated.replaceAll(" +=", " =");
    assertTrue(flat.contains("variable \"creds_content\" {\n  type = string\n  sensitive = true\n"), flat);
    assertTrue(flat.contains("content = var.creds_content\n"), flat);
    assertTrue(r.diagnostics().items().stream().anyMatch(
        d -> d.summary().equals("Sensitive values kept out of generated configuration")), r.diagnostics().toString());
    ResourceChange c = r.plan().change(addr("local_sensitive_file.creds"));
    assertEquals("secret.txt", c.importing());
    assertEquals(Action.NO_OP, c.action(), "the plan of the same run uses the imported value");

    OperationResult withoutValue = ops.plan(dir, options);
    assertTrue(withoutValue.hasErrors());
    assertEquals("No value for required variable", withoutValue.diagnostics().items().get(0).summary());
    OperationOptions withValue = options.withVariables(List.of(new dev.kplan.engine.config.VariableInput.Raw(
        "creds_content", secret, dev.kplan.engine.config.VariableInput.Origin.COMMAND_LINE)));
    ok(ops.apply(dir, withValue));
    OperationResult again = ops.plan(dir, withValue);
    ok(again);
    assertFalse(again.plan().hasChanges(), "the adopted object plans no changes");
  }
}
