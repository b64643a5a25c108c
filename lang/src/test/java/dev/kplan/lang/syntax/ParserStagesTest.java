package dev.kplan.lang.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.ast.Body;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The SLL first stage and the recovering LL second stage must build identical trees for valid
 * input: the second stage also runs whenever SLL prediction alone cannot decide.
 */
class ParserStagesTest {
  @TestFactory
  Stream<DynamicTest> bothStagesBuildTheSameTreeForValidInput() throws IOException {
    List<String[]> inputs = new ArrayList<>();
    for (String s : ParserFuzzTest.SNIPPETS) {
      inputs.add(new String[] {"snippet " + inputs.size(), s});
    }
    for (SpecSuite.Case c : SpecSuite.cases()) {
      if (!c.expectsDiagnostics()) {
        inputs.add(new String[] {c.name(), c.source()});
      }
    }
    inputs.add(new String[] {"scale sample", ParserScaleTest.resources(20)});
    try (Stream<Path> s = Files.list(Path.of("src/test/resources/golden/diagnostics"))) {
      for (Path p : s.filter(x -> x.toString().endsWith(".kp.hcl")).sorted().toList()) {
        inputs.add(new String[] {"golden " + p.getFileName(), Files.readString(p)});
      }
    }
    return inputs.stream().map(in -> DynamicTest.dynamicTest(in[0], () -> {
      ParseResult<Body> first = Parser.parseFile(in[1], "s.hcl");
      ParseResult<Body> second = Parser.parseFileSecondStageOnly(in[1], "s.hcl");
      assertEquals(first.diagnostics(), second.diagnostics());
      if (!first.hasErrors()) {
        assertEquals(first.value(), second.value());
      } else {
        assertTrue(in[0].startsWith("golden"), "only golden inputs have errors");
      }
    }));
  }
}
