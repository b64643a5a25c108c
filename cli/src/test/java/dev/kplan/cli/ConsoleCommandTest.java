package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleCommandTest {
  @TempDir Path dir;

  private void config(String text) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), text);
  }

  @Test
  void printsOneJsonLinePerExpressionAndExitsZeroAfterAllInput() throws IOException {
    config("variable \"n\" {\n  type    = number\n  default = 2\n}\nlocals {\n  xs = [for i in range(var.n) : i * 10]\n}\n");
    CliRun r = CliRun.run("local.xs\ntoset([\"b\", \"a\"])\n1.5 + 1\nnosuch(1)\n{a = 1}\n", "-chdir=" + dir, "console", "-json");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("""
        [0,10]
        ["a","b"]
        2.5
        {"error":"Call to unknown function: There is no function named \\"nosuch\\"."}
        {"a":1}
        """, r.out());
  }

  @Test
  void takesVariablesFromTheCommandLineLastOneWinning() throws IOException {
    config("variable \"team\" {\n  default = \"platform\"\n}\n");
    CliRun r = CliRun.run("var.team\n", "-chdir=" + dir, "console", "-json", "-var", "team=sre", "-var=team=ops");
    assertEquals("\"ops\"\n", r.out());
  }

  @Test
  void readsVariablesFromAutoFilesAndVarFiles() throws IOException {
    config("variable \"a\" {}\nvariable \"b\" {\n  type = list(string)\n}\n");
    Files.writeString(dir.resolve("x.auto.kpvars.hcl"), "a = \"auto\"\nb = [\"auto\"]\n");
    Files.writeString(dir.resolve("over.kpvars.hcl"), "b = [\"file\", \"x\"]\n");
    CliRun r = CliRun.run("var.a\nvar.b\n", "-chdir=" + dir, "console", "-json", "-var-file", "over.kpvars.hcl");
    assertEquals("\"auto\"\n[\"file\",\"x\"]\n", r.out(), r.err());
  }

  @Test
  void printsValuesAsTerraformsConsoleDoes() throws IOException {
    config("locals {\n  m = { b = 2, a = \"x\" }\n}\n");
    CliRun r = CliRun.run("local.m\nsensitive(\"s\")\n", "-chdir=" + dir, "console");
    assertEquals("{\n  \"a\" = \"x\"\n  \"b\" = 2\n}\n(sensitive value)\n", r.out());
  }

  @Test
  void reportsConfigurationErrorsWithFileAndLineAndExitsOne() throws IOException {
    config("variable \"x\" {\n  tpye = string\n}\n");
    CliRun r = CliRun.run("1\n", "-chdir=" + dir, "console");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("Error: Unsupported argument"), r.err());
    assertTrue(r.err().contains("on main.kp.hcl line 2, column 3:"), r.err());
    assertTrue(r.err().contains("Did you mean \"type\"?"), r.err());
    assertFalse(r.err().contains("at dev.kplan"), "no stack trace: " + r.err());
  }

  @Test
  void failsVariableValidationWithTheRulesMessage() throws IOException {
    config("variable \"replicas\" {\n  type = number\n  default = 0\n  validation {\n    condition     = var.replicas > 0\n    error_message = \"At least one replica.\"\n  }\n}\n");
    CliRun r = CliRun.run("var.replicas\n", "-chdir=" + dir, "console");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("Invalid value for variable"), r.err());
    assertTrue(r.err().contains("At least one replica."), r.err());
  }

  @Test
  void rejectsAValueOfTheWrongType() throws IOException {
    config("variable \"n\" {\n  type = number\n}\n");
    CliRun r = CliRun.run("var.n\n", "-chdir=" + dir, "console", "-var", "n=abc");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("Invalid value for input variable"), r.err());
  }

  @Test
  void requiresAValueForAVariableWithoutDefault() throws IOException {
    config("variable \"region\" {}\n");
    CliRun r = CliRun.run("var.region\n", "-chdir=" + dir, "console");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("No value for required variable"), r.err());
  }

  @Test
  void evaluatesLocalsThatReferToLaterLocals() throws IOException {
    config("locals {\n  b = \"${local.a}-b\"\n  a = upper(\"a\")\n}\n");
    assertEquals("\"A-b\"\n", CliRun.run("local.b\n", "-chdir=" + dir, "console", "-json").out());
  }

  @Test
  void reportsACycleOfLocals() throws IOException {
    config("locals {\n  a = local.b\n  b = local.a\n}\n");
    CliRun r = CliRun.run("1\n", "-chdir=" + dir, "console");
    assertEquals(1, r.exitCode());
    assertTrue(r.err().contains("Cycle in local values"), r.err());
  }

  @Test
  void marksSensitiveVariables() throws IOException {
    config("variable \"token\" {\n  default   = \"hunter2\"\n  sensitive = true\n}\n");
    CliRun r = CliRun.run("var.token\n", "-chdir=" + dir, "console");
    assertEquals("(sensitive value)\n", r.out());
  }
}
