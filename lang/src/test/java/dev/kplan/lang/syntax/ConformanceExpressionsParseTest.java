package dev.kplan.lang.syntax;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.ast.Expr;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every expression of the shared conformance data is valid syntax, whatever it evaluates to. */
class ConformanceExpressionsParseTest {
  @TestFactory
  Stream<DynamicTest> everyDocumentedExpressionParses() throws IOException {
    JsonMapper json = JsonMapper.builder().build();
    List<String> lines = Files.readAllLines(SpecSuite.dir().getParent().resolve("expressions.jsonl"));
    return lines.stream().filter(l -> !l.isBlank()).map(l -> {
      JsonNode n = json.readTree(l);
      String expr = n.get("expr").asString();
      return DynamicTest.dynamicTest(expr, () -> {
        ParseResult<Expr> r = Parser.parseExpression(expr, "conformance");
        assertTrue(r.diagnostics().isEmpty(), () -> expr + ": " + r.diagnostics());
      });
    });
  }
}
