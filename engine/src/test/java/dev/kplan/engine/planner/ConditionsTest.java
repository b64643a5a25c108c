package dev.kplan.engine.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.engine.config.LoadResult;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanOptions;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Provider;
import dev.kplan.state.StateSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** precondition and postcondition blocks of resources, data sources and outputs. */
class ConditionsTest {
  @TempDir java.nio.file.Path dir;

  final TestingProvider cloud = new TestingProvider();
  final Map<ProviderAddress, Provider> providers = Map.of(ProviderAddress.of("test"), cloud);
  StateSnapshot state = StateSnapshot.empty("lineage-1");

  Plan plan(String hcl, Map<String, Value> vars) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), hcl);
    LoadResult loaded = ConfigLoader.load(dir);
    assertFalse(loaded.diagnostics().hasErrors(), loaded.diagnostics().toString());
    return Planner.plan(new Planner.Input(loaded.module(), vars, state, providers, new FunctionTable(Map.of()),
        PlanOptions.DEFAULT));
  }

  static List<Diagnostic> errors(Plan p) {
    return p.diagnostics().errors();
  }

  static final String GUARDED = """
      variable "size" {}
      resource "test_thing" "a" {
        name = "a"
        size = var.size
        lifecycle {
          precondition {
            condition     = var.size < 10
            error_message = "The size must be below 10, not ${var.size}."
          }
          postcondition {
            condition     = self.size > 0
            error_message = "The planned size must be positive."
          }
        }
      }
      """;

  @Test
  void aFalsePreconditionFailsThePlanWithItsMessageAtTheCondition() throws IOException {
    Plan p = plan(GUARDED, Map.of("size", Value.number(12)));
    assertEquals(1, errors(p).size(), p.diagnostics().toString());
    Diagnostic d = errors(p).get(0);
    assertEquals("Resource precondition failed", d.summary());
    assertEquals("The size must be below 10, not 12.", d.detail());
    assertEquals(7, d.subject().startLine());
    assertTrue(p.changes().isEmpty(), "nothing is planned for the instance");
  }

  @Test
  void aFalsePostconditionOnKnownPlannedValuesFailsThePlan() throws IOException {
    Plan p = plan(GUARDED, Map.of("size", Value.number(0)));
    assertEquals(List.of("Resource postcondition failed"), errors(p).stream().map(Diagnostic::summary).toList());
    assertEquals("The planned size must be positive.", errors(p).get(0).detail());
    assertEquals(11, errors(p).get(0).subject().startLine());
  }

  @Test
  void conditionsThatHoldLetThePlanThrough() throws IOException {
    Plan p = plan(GUARDED, Map.of("size", Value.number(3)));
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
    assertEquals(1, p.changes().size());
  }

  @Test
  void aPostconditionOnAValueKnownOnlyAfterApplyIsLeftForLater() throws IOException {
    Plan p = plan("""
        resource "test_thing" "a" {
          name = "a"
          lifecycle {
            postcondition {
              condition     = self.id == "never"
              error_message = "unexpected id"
            }
          }
        }
        """, Map.of());
    assertFalse(p.diagnostics().hasErrors(), p.diagnostics().toString());
  }

  @Test
  void eachInstanceIsCheckedInItsOwnScopeAndDataSourcesToo() throws IOException {
    Plan p = plan("""
        resource "test_thing" "a" {
          for_each = {x = 1, y = 20}
          name     = each.key
          size     = each.value
          lifecycle {
            precondition {
              condition     = each.value < 10
              error_message = "${each.key} is too big."
            }
          }
        }
        data "test_lookup" "l" {
          input = "in"
          lifecycle {
            postcondition {
              condition     = self.result == "nope"
              error_message = "The lookup found ${self.result}."
            }
          }
        }
        """, Map.of());
    List<String> details = errors(p).stream().map(Diagnostic::detail).sorted().toList();
    assertEquals(2, details.size(), p.diagnostics().toString());
    assertTrue(details.contains("y is too big."), details.toString());
    assertTrue(details.stream().anyMatch(d -> d.startsWith("The lookup found")), details.toString());
  }

  @Test
  void anOutputPreconditionNamesTheOutputCheck() throws IOException {
    Plan p = plan("""
        variable "n" {}
        output "o" {
          value = var.n
          precondition {
            condition     = var.n != "bad"
            error_message = "n must not be bad."
          }
        }
        """, Map.of("n", Value.string("bad")));
    assertEquals(List.of("Module output value precondition failed"),
        errors(p).stream().map(Diagnostic::summary).toList());
    assertEquals("n must not be bad.", errors(p).get(0).detail());
  }

  @Test
  void aConditionThatIsNotABoolIsReported() throws IOException {
    Plan p = plan("""
        resource "test_thing" "a" {
          name = "a"
          lifecycle {
            precondition {
              condition     = "yes"
              error_message = "x"
            }
          }
        }
        """, Map.of());
    assertEquals(List.of("Invalid condition result"), errors(p).stream().map(Diagnostic::summary).toList());
  }
}
