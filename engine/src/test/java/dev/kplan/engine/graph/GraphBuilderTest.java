package dev.kplan.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.engine.config.LoadResult;
import dev.kplan.engine.config.Module;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphBuilderTest {
  @TempDir
  Path dir;

  private Module load(String text) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), text);
    LoadResult r = ConfigLoader.load(dir);
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    return r.module();
  }

  @Test
  void theBuildStepsArePinned() {
    assertEquals(List.of("add variables", "add locals", "add module calls", "add providers", "add resources",
        "add outputs", "connect references", "connect depends_on", "connect module contents", "connect providers"),
        GraphBuilder.stepNames(GraphBuilder.PLAN_STEPS));
  }

  @Test
  void edgesComeFromReferencesDependsOnAndProviders() throws IOException {
    Module m = load("""
        variable "n" {}
        locals { name = "f-${var.n}" }
        resource "local_file" "a" {
          filename = local.name
        }
        resource "local_file" "b" {
          filename   = "b"
          depends_on = [local_file.a]
        }
        data "local_file" "d" {
          filename = local_file.b.filename
        }
        output "o" { value = data.local_file.d.content }
        """);
    GraphBuilder.Result r = GraphBuilder.build(m);
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    Graph g = r.graph();
    List<String> order = g.topologicalOrder().stream().map(Node::id).toList();
    assertEquals(List.of("provider.local", "var.n", "local.name", "local_file.a", "local_file.b",
        "data.local_file.d", "output.o"), order);
    assertTrue(g.toDot().contains("\"local_file.b\" -> \"local_file.a\""), g.toDot());
    assertTrue(g.toDot().startsWith("digraph {"));
  }

  @Test
  void aCycleIsADiagnosticNamingItsMembersInOrder() throws IOException {
    Module m = load("""
        resource "a_b" "one" { x = a_b.three.id }
        resource "a_b" "two" { x = a_b.one.id }
        resource "a_b" "three" { x = a_b.two.id }
        resource "a_b" "free" { x = "y" }
        """);
    GraphBuilder.Result r = GraphBuilder.build(m);
    assertEquals(1, r.diagnostics().errors().size(), r.diagnostics().toString());
    assertEquals("Cycle: a_b.one, a_b.three, a_b.two", r.diagnostics().errors().get(0).summary());
    assertTrue(r.diagnostics().errors().get(0).detail().contains("a_b.one → a_b.three → a_b.two → a_b.one"));
    List<String> order = r.graph().topologicalOrder().stream().map(Node::id).toList();
    assertEquals(List.of("provider.a", "a_b.free"), order, "nodes on a cycle are left out of the order");
  }

  @Test
  void undeclaredReferencesAreReported() throws IOException {
    Module m = load("""
        resource "a_b" "one" {
          x = var.missing
          y = local.nope
          z = a_b.ghost.id
          w = count.index
        }
        """);
    List<String> summaries = GraphBuilder.build(m).diagnostics().errors().stream().map(d -> d.summary()).toList();
    assertEquals(List.of("Reference to undeclared input variable", "Reference to undeclared local value",
        "Reference to undeclared resource"), summaries);
  }

  @Test
  void aliasedProviderWithoutItsBlockIsReported() throws IOException {
    Module m = load("""
        resource "kubernetes_manifest" "m" {
          provider = kubernetes.staging
        }
        """);
    assertEquals("Provider configuration not present",
        GraphBuilder.build(m).diagnostics().errors().get(0).summary());
  }
}
