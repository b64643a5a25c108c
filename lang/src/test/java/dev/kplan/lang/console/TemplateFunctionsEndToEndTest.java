package dev.kplan.lang.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** templatefile and templatestring through the console path: parser, evaluator and renderer together. */
class TemplateFunctionsEndToEndTest {
  @TempDir
  Path dir;

  private String eval(String line) {
    return ConsoleEvaluator.standard(dir, Map.of()).evaluate(line).toJsonLine();
  }

  @Test
  void templatefileRendersInterpolationsAndDirectivesWithTheGivenVariables() throws IOException {
    Files.writeString(dir.resolve("hosts.tftpl"), "%{ for h in hosts ~}\n${h}:${port}\n%{ endfor ~}\n");
    assertEquals("\"a:80\\nb:80\\n\"", eval("templatefile(\"hosts.tftpl\", {hosts = [\"a\", \"b\"], port = 80})"));
  }

  @Test
  void aTemplateOfOneInterpolationKeepsItsType() throws IOException {
    Files.writeString(dir.resolve("list.tftpl"), "${items}");
    assertEquals("[1,2]", eval("templatefile(\"list.tftpl\", {items = [1, 2]})"));
    assertEquals("[1,2]", eval("templatestring(\"$${x}\", {x = [1, 2]})"));
  }

  @Test
  void missingVariablesAreReportedAgainstTheVarsArgument() throws IOException {
    Files.writeString(dir.resolve("greet.tftpl"), "Hi ${name}");
    assertEquals("{\"error\":\"Invalid function argument: Invalid value for \\\"vars\\\" parameter: vars map does not"
            + " contain key \\\"name\\\", referenced at greet.tftpl:1,6-10.\"}",
        eval("templatefile(\"greet.tftpl\", {})"));
    assertEquals("{\"error\":\"Invalid function argument: Invalid value for \\\"vars\\\" parameter: vars map does not"
            + " contain key \\\"name\\\".\"}",
        eval("templatestring(\"Hi $${name}\", {})"));
  }
}
