package dev.kplan.lang.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleEvaluatorTest {
  private final ConsoleEvaluator console = ConsoleEvaluator.standard();

  @Test
  void evaluatesALineToACompactJsonLine() {
    assertEquals("\"HELLO\"", console.evaluate("upper(\"hello\")").toJsonLine());
    assertEquals("[\"a\",\"b\"]", console.evaluate("toset([\"b\", \"a\", \"b\"])").toJsonLine());
    assertEquals("{\"a\":1.5,\"b\":[true,null]}", console.evaluate("{b = [true, null], a = 3 / 2}").toJsonLine());
  }

  @Test
  void rendersValuesForPeopleAsTerraformsConsoleDoes() {
    assertEquals("tolist([\n  1,\n  2,\n])", console.evaluate("tolist([1, 2])").toHuman());
    assertEquals("{\n  \"a\" = \"x\"\n}", console.evaluate("{a = \"x\"}").toHuman());
    assertEquals("(sensitive value)", console.evaluate("sensitive(\"pw\")").toHuman());
  }

  @Test
  void reportsSyntaxErrorsAsOneJsonErrorLine() {
    ConsoleResult r = console.evaluate("1 +");
    assertInstanceOf(ConsoleResult.Failure.class, r);
    assertTrue(r.toJsonLine().startsWith("{\"error\":\""), r.toJsonLine());
    assertEquals(1, r.toJsonLine().lines().count());
  }

  @Test
  void reportsFunctionErrorsWithTerraformsSummaryAndDetail() {
    ConsoleResult r = console.evaluate("upper(1, 2)");
    ConsoleResult.Failure f = assertInstanceOf(ConsoleResult.Failure.class, r);
    assertTrue(f.messages().get(0).startsWith("Too many function arguments"), f.messages().toString());
  }

  @Test
  void seesTheVariablesItWasGiven() {
    ConsoleEvaluator withVars = ConsoleEvaluator.standard(
        Path.of("").toAbsolutePath(), Map.of("var", Value.object(Map.of("region", Value.string("eu-west-1")))));
    assertEquals("\"eu-west-1-a\"", withVars.evaluate("\"${var.region}-a\"").toJsonLine());
  }

  @Test
  void rendersTemplateFilesThroughTheSameParserAndEvaluator(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("greeting.tftpl"), "Hello, ${name}!%{ for n in nums } ${n}%{ endfor }");
    ConsoleEvaluator inDir = ConsoleEvaluator.standard(dir, Map.of());
    assertEquals("\"Hello, kplan! 1 2\"",
        inDir.evaluate("templatefile(\"greeting.tftpl\", {name = \"kplan\", nums = [1, 2]})").toJsonLine());
  }
}
