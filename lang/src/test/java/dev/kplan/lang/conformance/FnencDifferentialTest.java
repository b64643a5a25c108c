package dev.kplan.lang.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kplan.lang.console.ConsoleEvaluator;
import dev.kplan.lang.console.ConsoleResult;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.JsonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The encoding, crypto, network, path and date functions against the real OpenTofu console (the
 * peer that {@code scripts/peer-tofu} builds): each expression in {@code fnenc-cases.txt} must give
 * the same JSON value, or an error with the same summary and detail. Skipped where no peer is built.
 */
class FnencDifferentialTest {
  static final Path CASES = Paths.get("src/test/resources/differential/fnenc-cases.txt");

  static String ours(String text) {
    ConsoleResult r = ConsoleEvaluator.standard(Paths.get("."), java.util.Map.of()).evaluate(text);
    if (r instanceof ConsoleResult.Failure f) {
      return "error: " + String.join("; ", f.messages());
    }
    Value v = ((ConsoleResult.Success) r).value();
    if (!v.isWhollyKnown() || v.hasMarksDeep()) {
      return "opaque";
    }
    return JsonCodec.encode(v);
  }

  static String theirs(TofuConsole.Outcome o) {
    if (o instanceof TofuConsole.Outcome.Value v) {
      return v.json();
    }
    if (o instanceof TofuConsole.Outcome.Error e) {
      return "error: " + e.message();
    }
    return "opaque";
  }

  @Test
  void agreesWithOpenTofuOnEncodingNetworkAndDateFunctions() throws IOException {
    Optional<Path> bin = TofuConsole.locate();
    assumeTrue(bin.isPresent(), "OpenTofu peer not built (scripts/peer-tofu)");
    // -Dkplan.fnenc.cases=<file> runs another list of expressions the same way
    Path casesFile = Paths.get(System.getProperty("kplan.fnenc.cases", CASES.toString()));
    List<String> lines = Files.readAllLines(casesFile, StandardCharsets.UTF_8).stream()
        .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    // "<expr> ## <reason>" marks a difference kplan means to have
    List<String> cases = lines.stream().map(l -> l.split(" ## ", 2)[0]).toList();
    List<TofuConsole.Outcome> outcomes = new TofuConsole(bin.get(), 2).evaluate(cases);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      String expected = theirs(outcomes.get(i));
      String actual = ours(cases.get(i));
      boolean intended = lines.get(i).contains(" ## ");
      if (intended == expected.equals(actual)) {
        if (intended) {
          mismatches.add(cases.get(i) + "\n    now agrees with tofu; drop its ## note");
          continue;
        }
        mismatches.add(cases.get(i) + "\n    tofu:  " + expected + "\n    kplan: " + actual);
      }
    }
    assertTrue(mismatches.isEmpty(), mismatches.size() + " of " + cases.size() + " differ:\n"
        + String.join("\n", mismatches));
  }
}
