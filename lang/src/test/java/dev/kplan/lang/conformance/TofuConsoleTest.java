package dev.kplan.lang.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The peer driver itself: outcomes stay matched to their expressions across errors and restarts. */
class TofuConsoleTest {

  private static TofuConsole console() {
    Optional<Path> bin = TofuConsole.locate();
    assumeTrue(bin.isPresent(), "OpenTofu peer not built (scripts/peer-tofu path)");
    return new TofuConsole(bin.get(), 2);
  }

  @Test
  void mapsValuesErrorsAndPlaceholdersToTheirExpressions() {
    List<TofuConsole.Outcome> out =
        console().evaluate(List.of(
            "1 + 1", "1 + \"a\"", "[1, 2", "upper(\"x\")", "sensitive(1)", "1)", "\"b<&>\\u00e9\"", "{a = [true, null]}"));
    assertEquals(new TofuConsole.Outcome.Value("2"), out.get(0));
    TofuConsole.Outcome.Error err = assertInstanceOf(TofuConsole.Outcome.Error.class, out.get(1));
    assertEquals("Invalid operand: Unsuitable value for right operand: a number is required.", err.message());
    assertInstanceOf(TofuConsole.Outcome.Error.class, out.get(2));
    assertEquals(new TofuConsole.Outcome.Value("\"X\""), out.get(3));
    assertEquals(new TofuConsole.Outcome.Opaque("(sensitive value)"), out.get(4));
    assertInstanceOf(TofuConsole.Outcome.Error.class, out.get(5));
    assertEquals(new TofuConsole.Outcome.Value("\"b\\u003c\\u0026\\u003eé\""), out.get(6));
    assertEquals(new TofuConsole.Outcome.Value("{\"a\":[true,null]}"), out.get(7));
  }

  @Test
  void screeningPassReportsErrorsWithoutMessages() {
    List<TofuConsole.Outcome> out = console().evaluate(List.of("1 + \"a\"", "var.undeclared", "[1][0]"), false);
    assertEquals(new TofuConsole.Outcome.Error(TofuConsole.UNREPORTED), out.get(0));
    // try cannot catch a reference to an undeclared variable: that one ends the process and is still reported
    TofuConsole.Outcome.Error undeclared = assertInstanceOf(TofuConsole.Outcome.Error.class, out.get(1));
    assertTrue(undeclared.message().startsWith("Reference to undeclared input variable"), undeclared.message());
    assertEquals(new TofuConsole.Outcome.Value("1"), out.get(2));
  }

  @Test
  void mapsEachOfAThousandExpressionsWithManyErrorsToItsOwnOutcome() {
    List<String> exprs = new java.util.ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      exprs.add(i % 5 == 0 ? "tonumber(\"x" + i + "\")" : i + " * 2");
    }
    List<TofuConsole.Outcome> out = console().evaluate(exprs);
    for (int i = 0; i < 1000; i++) {
      if (i % 5 == 0) {
        assertInstanceOf(TofuConsole.Outcome.Error.class, out.get(i), "expression " + i);
      } else {
        assertEquals(new TofuConsole.Outcome.Value(String.valueOf(i * 2)), out.get(i), "expression " + i);
      }
    }
  }
}
