package dev.kplan.engine.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.engine.addrs.ModuleAddress;
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
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Provider;
import dev.kplan.state.StateSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planner over a tree of modules, and {@code moved} blocks. */
class PlannerModulesTest {
  @TempDir
  java.nio.file.Path dir;

  final TestingProvider cloud = new TestingProvider();
  final Map<ProviderAddress, Provider> providers = Map.of(ProviderAddress.of("test"), cloud);
  StateSnapshot state = StateSnapshot.empty("lineage-1");

  static final String CHILD = """
      variable "name" {}
      variable "size" {
        default = 2
      }
      resource "test_thing" "t" {
        name = "${var.name}-${path.module}"
        size = var.size
      }
      output "id" {
        value = test_thing.t.id
      }
      output "name" {
        value = test_thing.t.name
      }
      """;

  Plan plan(String root, PlanOptions options) throws IOException {
    Files.createDirectories(dir.resolve("child"));
    Files.writeString(dir.resolve("child/main.kp.hcl"), CHILD);
    Files.writeString(dir.resolve("main.kp.hcl"), root);
    LoadResult loaded = ConfigLoader.load(dir);
    assertFalse(loaded.diagnostics().hasErrors(), loaded.diagnostics().toString());
    return Planner.plan(new Planner.Input(loaded.module(), Map.of(), state, providers,
        new dev.kplan.lang.functions.FunctionTable(Map.of()), options));
  }

  Plan apply(String root) throws IOException {
    Plan p = plan(root, PlanOptions.DEFAULT);
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
    state = TestingApply.apply(p, state, providers);
    return p;
  }

  static Map<String, Action> actions(Plan p) {
    Map<String, Action> out = new TreeMap<>();
    p.changes().forEach(c -> out.put(c.address().toString(), c.action()));
    return out;
  }

  static final String COUNTED = """
      module "c" {
        source = "./child"
        count  = 2
        name   = "n${count.index}"
      }
      output "names" {
        value = module.c[*].name
      }
      """;

  @Test
  void eachModuleInstanceGetsItsOwnVariablesAndPathModule() throws IOException {
    Plan p = plan(COUNTED, PlanOptions.DEFAULT);
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
    assertEquals(Map.of("module.c[0].test_thing.t", Action.CREATE, "module.c[1].test_thing.t", Action.CREATE),
        actions(p));
    ResourceChange c1 = p.change(ResourceAddress.parse("module.c[1].test_thing.t").value());
    assertEquals(Value.string("n1-child"), ((ObjectValue) c1.after()).get("name"));
    assertEquals(Value.number(2), ((ObjectValue) c1.after()).get("size"), "the variable's default");
    assertEquals(Value.tuple(List.of(Value.string("n0-child"), Value.string("n1-child"))), p.outputs().get("names"));
  }

  @Test
  void aModuleOutputReadsTheChildsPlannedValues() throws IOException {
    apply(COUNTED);
    Plan p = plan("""
        module "c" {
          source = "./child"
          count  = 1
          name   = "n${count.index}"
        }
        resource "test_thing" "user" {
          name = module.c[0].id
        }
        """, PlanOptions.DEFAULT);
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
    ResourceChange user = p.change(ResourceAddress.parse("test_thing.user").value());
    assertTrue(((ObjectValue) user.after()).get("name").isKnown(), "the stored id is known");
    ResourceChange gone = p.change(ResourceAddress.parse("module.c[1].test_thing.t").value());
    assertEquals(Action.DELETE, gone.action());
    assertEquals(ChangeReason.DELETE_BECAUSE_NO_MODULE, gone.reason());
    assertEquals(List.of(ResourceAddress.parse("module.c.test_thing.t").value()), user.dependencies(),
        "dependencies are configuration addresses");
  }

  @Test
  void aTargetedModuleInstancePlansOnlyWhatItHolds() throws IOException {
    Plan p = plan(COUNTED, PlanOptions.DEFAULT.withTargets(List.of(ModuleAddress.parse("module.c[1]").value())));
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
    assertEquals(Map.of("module.c[1].test_thing.t", Action.CREATE), actions(p));
  }

  @Test
  void aMovedResourceKeepsItsObjectAndRemembersWhereItWas() throws IOException {
    apply("""
        resource "test_thing" "a" {
          name = "x"
        }
        """);
    Plan p = plan("""
        module "m" {
          source = "./child"
          name   = "x"
        }
        resource "test_thing" "b" {
          name = "x"
        }
        moved {
          from = test_thing.a
          to   = test_thing.b
        }
        """, PlanOptions.DEFAULT);
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
    ResourceChange b = p.change(ResourceAddress.parse("test_thing.b").value());
    assertEquals(Action.NO_OP, b.action());
    assertEquals(ResourceAddress.parse("test_thing.a").value(), b.previousAddress());
    assertTrue(p.hasChanges(), "a move is a change to apply");
    assertEquals(Action.CREATE, p.change(ResourceAddress.parse("module.m.test_thing.t").value()).action());
  }

  @Test
  void movesIntoAModuleInstanceFollowChains() throws IOException {
    apply("""
        resource "test_thing" "a" {
          name = "x-child"
          size = 2
        }
        """);
    Plan p = plan("""
        module "m" {
          source   = "./child"
          for_each = { k = 1 }
          name     = "x"
        }
        moved {
          from = test_thing.a
          to   = test_thing.tmp
        }
        moved {
          from = test_thing.tmp
          to   = module.m["k"].test_thing.t
        }
        """, PlanOptions.DEFAULT);
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
    assertEquals(Map.of("module.m[\"k\"].test_thing.t", Action.NO_OP), actions(p));
    assertEquals("test_thing.a", p.changes().get(0).previousAddress().toString());
  }

  @Test
  void aMoveOntoAnOccupiedAddressIsNotMadeAndIsReported() throws IOException {
    apply("""
        resource "test_thing" "a" { name = "a" }
        resource "test_thing" "b" { name = "b" }
        """);
    Plan p = plan("""
        resource "test_thing" "b" { name = "b" }
        moved {
          from = test_thing.a
          to   = test_thing.b
        }
        """, PlanOptions.DEFAULT);
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
    assertEquals(List.of("Unresolved resource instance address changes"),
        p.diagnostics().items().stream().map(Diagnostic::summary).toList());
    assertEquals(Map.of("test_thing.a", Action.DELETE, "test_thing.b", Action.NO_OP), actions(p));
  }

  @Test
  void aModuleCallMovesWithAllItsInstances() throws IOException {
    apply(COUNTED);
    Plan p = plan("""
        module "d" {
          source = "./child"
          count  = 2
          name   = "n${count.index}"
        }
        moved {
          from = module.c
          to   = module.d
        }
        """, PlanOptions.DEFAULT);
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
    assertEquals(Map.of("module.d[0].test_thing.t", Action.NO_OP, "module.d[1].test_thing.t", Action.NO_OP),
        actions(p));
  }
  @Test
  void aChildOutputMayReturnASensitiveValueUndeclaredAndTheMarkFlowsToTheRoot() throws IOException {
    Files.createDirectories(dir.resolve("vault"));
    Files.writeString(dir.resolve("vault/main.kp.hcl"), """
        variable "password" {
          sensitive = true
        }
        output "password" {
          value = var.password
        }
        """);
    Files.writeString(dir.resolve("main.kp.hcl"), """
        module "vault" {
          source   = "./vault"
          password = "s3cr3t"
        }
        resource "test_thing" "t" {
          name = module.vault.password
        }
        output "leaked" {
          value = module.vault.password
        }
        """);
    LoadResult loaded = ConfigLoader.load(dir);
    Plan p = Planner.plan(new Planner.Input(loaded.module(), Map.of(), state, providers,
        new dev.kplan.lang.functions.FunctionTable(Map.of()), PlanOptions.DEFAULT));
    List<Diagnostic> errors = p.diagnostics().items().stream().filter(Diagnostic::isError).toList();
    assertEquals(1, errors.size(), p.diagnostics().toString());
    assertEquals("Output refers to sensitive values", errors.get(0).summary());
    assertEquals("main.kp.hcl", errors.get(0).subject().file(), "only the root's output is refused");
    assertTrue(errors.get(0).detail().contains("any root module output containing sensitive data"));
    ObjectValue after = (ObjectValue) p.changes().get(0).after();
    assertTrue(after.get("name").isSensitive(), after.toString());
  }
}
