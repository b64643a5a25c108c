package dev.kplan.engine.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.engine.config.LoadResult;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.ChangeReason;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanOptions;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Provider;
import dev.kplan.state.StateSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import and removed blocks in the planner. */
class ImportAndRemovedTest {
  @TempDir java.nio.file.Path dir;

  final TestingProvider cloud = new TestingProvider();
  final Map<ProviderAddress, Provider> providers = Map.of(ProviderAddress.of("test"), cloud);
  StateSnapshot state = StateSnapshot.empty("lineage-1");

  Plan plan(String hcl) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), hcl);
    LoadResult loaded = ConfigLoader.load(dir);
    assertFalse(loaded.diagnostics().hasErrors(), loaded.diagnostics().toString());
    return Planner.plan(new Planner.Input(loaded.module(), Map.of(), state, providers, new FunctionTable(Map.of()),
        PlanOptions.DEFAULT));
  }

  static ResourceAddress addr(String text) {
    return ResourceAddress.parse(text).value();
  }

  void existsOutside(String id, String name, int size) {
    cloud.cloud.put(id, (ObjectValue) Value.object(Map.of("id", Value.string(id), "arn", Value.string("arn:" + id),
        "name", Value.string(name), "size", Value.number(size), "tags", Value.nullOf(
            new dev.kplan.lang.types.MapType(dev.kplan.lang.types.Type.STRING)),
        "secret", Value.nullOf(dev.kplan.lang.types.Type.STRING), "zone", Value.nullOf(dev.kplan.lang.types.Type.STRING))));
  }

  static String imported(int size) {
    return """
        import {
          to = test_thing.a
          id = "i-1"
        }
        resource "test_thing" "a" {
          name = "a"
          size = %d
        }
        """.formatted(size);
  }

  @Test
  void anObjectMatchingItsConfigurationIsImportedWithoutChanges() throws IOException {
    existsOutside("i-1", "a", 1);
    Plan p = plan(imported(1));
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
    ResourceChange c = p.change(addr("test_thing.a"));
    assertEquals(Action.NO_OP, c.action());
    assertEquals("i-1", c.importing());
    assertEquals(Value.string("arn:i-1"), ((ObjectValue) c.before()).get("arn"));
    assertEquals(List.of("configure", "import test_thing i-1", "read test_thing x1", "plan test_thing"),
        cloud.calls.stream().filter(x -> !x.startsWith("readData")).toList());
  }

  @Test
  void anImportedObjectThatDiffersIsUpdatedAndAnImportOfWhatIsManagedIsIgnored() throws IOException {
    existsOutside("i-1", "a", 1);
    Plan p = plan(imported(2));
    ResourceChange c = p.change(addr("test_thing.a"));
    assertEquals(Action.UPDATE, c.action());
    assertEquals("i-1", c.importing());

    state = TestingApply.apply(plan("""
        resource "test_thing" "a" {
          name = "a"
          size = 2
        }
        """), state, providers);
    assertNull(plan(imported(2)).change(addr("test_thing.a")).importing());
  }

  @Test
  void anImportOfANonExistentObjectFailsAtTheImportBlock() throws IOException {
    Plan p = plan(imported(1));
    Diagnostic d = p.diagnostics().errors().get(0);
    assertEquals("Cannot import non-existent remote object", d.summary());
    assertEquals(1, d.subject().startLine());
    assertNull(p.change(addr("test_thing.a")));
  }

  @Test
  void removedBlocksForgetOrDestroyWhatTheyName() throws IOException {
    state = TestingApply.apply(plan("""
        resource "test_thing" "keep" {
          name = "keep"
        }
        resource "test_thing" "drop" {
          name = "drop"
        }
        """), state, providers);
    Plan p = plan("""
        removed {
          from = test_thing.keep
          lifecycle {
            destroy = false
          }
        }
        removed {
          from = test_thing.drop
        }
        """);
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
    assertEquals(Action.FORGET, p.change(addr("test_thing.keep")).action());
    assertEquals(ChangeReason.FORGET_BECAUSE_REMOVED, p.change(addr("test_thing.keep")).reason());
    assertEquals(Action.DELETE, p.change(addr("test_thing.drop")).action());
  }
}
