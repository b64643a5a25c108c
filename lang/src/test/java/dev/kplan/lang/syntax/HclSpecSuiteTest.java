package dev.kplan.lang.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.References;
import dev.kplan.lang.ast.Traverser;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.diag.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The structural half of HCL's specification suite: every input parses exactly as its {@code .t}
 * file says — no errors where a result is expected, and exactly the listed diagnostic ranges where
 * diagnostics are expected (syntax errors plus hcldec's "Unsupported argument" check). Value
 * expectations are compared by {@link HclSpecSuiteValuesTest}.
 */
class HclSpecSuiteTest {

  @TestFactory
  Stream<DynamicTest> everyInputParsesAsItsExpectationsSay() {
    return SpecSuite.cases().stream().map(c -> DynamicTest.dynamicTest(c.name(), () -> {
      List<Diagnostic> produced = new ArrayList<>(c.parseDiagnostics());
      if (!c.expectsDiagnostics()) {
        assertTrue(produced.isEmpty(), () -> "unexpected syntax errors: " + produced);
      }
      produced.addAll(SpecSuite.decodeStructure(c.spec(), c.inputBody()));
      Set<String> actual = produced.stream().map(c::describe).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(new TreeSet<>(c.expectedDiagnostics()), actual);
    }));
  }

  @TestFactory
  Stream<DynamicTest> referencesMatchTheExpectedTraversals() {
    return SpecSuite.cases().stream().filter(c -> !c.expectations().blocks("traversals").isEmpty())
        .map(c -> DynamicTest.dynamicTest(c.name(), () -> {
          Set<String> expected = new TreeSet<>();
          for (Block t : c.expectations().blocks("traversals")) {
            for (Block e : t.body().blocks("expect")) {
              expected.add(text((TraversalExpr) e.body().attribute("ref").expr()));
            }
          }
          Set<String> actual = References.of(c.inputBody()).stream().map(HclSpecSuiteTest::text)
              .collect(Collectors.toCollection(TreeSet::new));
          assertEquals(expected, actual);
        }));
  }

  @Test
  void suiteHasInputsWithAndWithoutExpectedErrors() {
    List<SpecSuite.Case> cases = SpecSuite.cases();
    assertTrue(cases.size() >= 15, "suite found with " + cases.size() + " inputs");
    assertTrue(cases.stream().anyMatch(SpecSuite.Case::expectsDiagnostics));
    assertFalse(cases.stream().allMatch(SpecSuite.Case::expectsDiagnostics));
  }

  static String text(TraversalExpr t) {
    StringBuilder sb = new StringBuilder(t.root());
    for (Traverser s : t.steps()) {
      if (s instanceof Traverser.GetAttr g) {
        sb.append('.').append(g.name());
      } else {
        sb.append('[').append(((Traverser.Index) s).key()).append(']');
      }
    }
    return sb.toString();
  }
}
