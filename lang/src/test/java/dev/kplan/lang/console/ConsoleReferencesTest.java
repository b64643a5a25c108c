package dev.kplan.lang.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.kplan.lang.value.Value;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** References to undeclared things fail before evaluation, with OpenTofu's messages. */
class ConsoleReferencesTest {
  private final ConsoleEvaluator console = ConsoleEvaluator.standard(
      Path.of("/work/project"), Map.of("var", Value.object(Map.of("region", Value.string("eu")))));

  private String error(String line) {
    ConsoleResult.Failure f = assertInstanceOf(ConsoleResult.Failure.class, console.evaluate(line), line);
    return String.join("; ", f.messages());
  }

  @Test
  void undeclaredInputVariableIsAnErrorThatCanCannotCatch() {
    assertEquals("Reference to undeclared input variable: An input variable with the name \"zone\" has not been "
        + "declared. This variable can be declared with a variable \"zone\" {} block.", error("can(var.zone)"));
    assertEquals("\"eu\"", console.evaluate("var.region").toJsonLine());
  }

  @Test
  void undeclaredLocalsResourcesAndModulesAreNamedAsTerraformNamesThem() {
    assertEquals("Reference to undeclared local value: A local value with the name \"x\" has not been declared.",
        error("try(local.x, 1)"));
    assertEquals("Reference to undeclared resource: A managed resource \"aws_vpc\" \"main\" has not been declared in "
        + "the root module.", error("aws_vpc.main.id"));
    assertEquals("Reference to undeclared resource: A data resource \"a\" \"b\" has not been declared in the root module.",
        error("data.a.b"));
    assertEquals("Reference to undeclared module: No module call named \"net\" is declared in the root module.",
        error("module.net.out"));
  }

  @Test
  void malformedReferencesAreInvalid() {
    assertEquals("Invalid reference: A reference to a resource type must be followed by at least one attribute access, "
        + "specifying the resource name.", error("upper"));
    assertEquals("Invalid reference: The \"var\" object cannot be accessed directly. Instead, access one of its "
        + "attributes.", error("var"));
    assertEquals("Invalid reference: The \"data\" object must be followed by two attribute names: the data source type "
        + "and the resource name.", error("data.a"));
    assertEquals("Reference to \"count\" in non-counted context: The \"count\" object can only be used in \"module\", "
        + "\"resource\", and \"data\" blocks, and only when the \"count\" argument is set.", error("count.index"));
  }

  @Test
  void namesBoundByForExpressionsAreNotReferences() {
    assertEquals("[2,4]", console.evaluate("[for x in [1, 2] : x * 2]").toJsonLine());
    assertEquals("Invalid reference: A reference to a resource type must be followed by at least one attribute access, "
        + "specifying the resource name.", error("[for x in [1] : y]"));
  }

  @Test
  void typeArgumentOfConvertIsNotAReference() {
    assertEquals("[\"eu\"]", console.evaluate("convert([var.region], list(string))").toJsonLine());
  }

  @Test
  void pathAndWorkspaceAreThoseOfARootModuleInTheBaseDirectory() {
    assertEquals("\".\"", console.evaluate("path.module").toJsonLine());
    assertEquals("\"/work/project\"", console.evaluate("path.cwd").toJsonLine());
    assertEquals("\"default\"", console.evaluate("terraform.workspace").toJsonLine());
    assertEquals("Invalid \"path\" attribute: The \"path\" object does not have an attribute named \"nope\".",
        error("path.nope"));
  }
}
