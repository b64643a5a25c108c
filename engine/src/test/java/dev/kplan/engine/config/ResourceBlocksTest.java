package dev.kplan.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.syntax.Parser;
import dev.kplan.lang.types.Type;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceBlocksTest {

  static LoadResult load(String text) {
    List<Diagnostic> diags = new ArrayList<>();
    var parsed = Parser.parseFile(text, "main.kp.hcl");
    diags.addAll(parsed.diagnostics().items());
    return ConfigLoader.assemble(Path.of("."), List.of(parsed.value()), Map.of("main.kp.hcl", text), diags);
  }

  @Test
  void readsResourcesWithMetaArgumentsAndLifecycle() {
    LoadResult r = load("""
        provider "kubernetes" {
          alias = "staging"
          host  = "https://staging"
        }
        resource "kubernetes_manifest" "web" {
          for_each   = var.apps
          provider   = kubernetes.staging
          depends_on = [local_file.cfg]
          manifest   = each.value
          lifecycle {
            create_before_destroy = true
            prevent_destroy       = true
            ignore_changes        = [manifest["spec"], tags]
            replace_triggered_by  = [local_file.cfg.id]
          }
        }
        resource "local_file" "cfg" {
          count    = 2
          content  = "x"
        }
        data "local_file" "f" {
          filename = "a"
        }
        output "ids" {
          value     = local_file.cfg[*].id
          sensitive = true
        }
        """);
    assertFalse(r.diagnostics().hasErrors(), r.diagnostics().toString());
    Module m = r.module();
    assertEquals(3, m.resources().size());
    ResourceBlock web = m.resource(ResourceAddress.managed("kubernetes_manifest", "web"));
    assertNotNull(web.forEach());
    assertNull(web.count());
    assertEquals(new ProviderAddress("kubernetes", "staging"), web.provider());
    assertTrue(web.providerExplicit());
    assertEquals("local_file", web.dependsOn().get(0).root());
    assertTrue(web.lifecycle().createBeforeDestroy());
    assertTrue(web.lifecycle().preventDestroy());
    assertEquals(2, web.lifecycle().ignoreChanges().size());
    assertEquals(1, web.lifecycle().replaceTriggeredBy().size());
    assertNull(web.config().attribute("for_each"), "meta-arguments are not part of the provider's body");
    assertNotNull(web.config().attribute("manifest"));

    ResourceBlock cfg = m.resource(ResourceAddress.managed("local_file", "cfg"));
    assertEquals(ProviderAddress.of("local"), cfg.provider());
    assertFalse(cfg.providerExplicit());
    assertNotNull(m.resource(ResourceAddress.data("local_file", "f")));
    assertEquals(new ProviderAddress("kubernetes", "staging"), m.providers().get(0).address());
    assertNull(m.providers().get(0).config().attribute("alias"));
    assertTrue(m.outputs().get(0).sensitive());
  }

  @Test
  void reportsDuplicatesCountWithForEachAndBadReferences() {
    LoadResult r = load("""
        resource "a_b" "x" {
          count    = 1
          for_each = {}
        }
        resource "a_b" "x" {}
        resource "a_b" "y" {
          depends_on = [upper("x")]
          provider   = "a"
          lifecycle {
            prevent_destroy = "yes"
            unknown_thing   = 1
          }
        }
        output "o" {}
        """);
    List<String> summaries = r.diagnostics().errors().stream().map(Diagnostic::summary).toList();
    assertTrue(summaries.contains("Invalid combination of \"count\" and \"for_each\""), summaries.toString());
    assertTrue(summaries.contains("Duplicate resource \"a_b\" configuration"), summaries.toString());
    assertTrue(summaries.contains("Invalid expression"), summaries.toString());
    assertTrue(summaries.contains("Invalid provider reference"), summaries.toString());
    assertTrue(summaries.contains("Invalid value for \"prevent_destroy\""), summaries.toString());
    assertTrue(summaries.contains("Unsupported argument"), summaries.toString());
    assertTrue(summaries.contains("Missing required argument"), summaries.toString());
  }

  @Test
  void checksBodiesAgainstTheProviderSchema() {
    BlockSchema schema = new BlockSchema(
        Map.of("filename", AttributeSchema.required(Type.STRING),
            "content", AttributeSchema.optional(Type.STRING),
            "id", AttributeSchema.computed(Type.STRING)),
        Map.of("rule", new NestedBlock(BlockSchema.of(Map.of("port", AttributeSchema.required(Type.NUMBER))),
                NestedBlock.Nesting.LIST, 0, 2),
            "meta", new NestedBlock(BlockSchema.EMPTY, NestedBlock.Nesting.SINGLE, 0, 0)));
    ResourceBlock rb = load("""
        resource "local_file" "f" {
          contnt = "x"
          id     = "mine"
          rule { port = 1 }
          rule { port = 2 }
          rule {}
          meta {}
          meta {}
          mta {}
        }
        """).module().resources().get(0);
    List<Diagnostic> diags = ResourceSchemaChecker.check(rb.config(), schema, rb.range());
    List<String> texts = diags.stream().map(d -> d.summary() + ": " + d.detail()).toList();
    assertTrue(texts.contains("Unsupported argument: An argument named \"contnt\" is not expected here."
        + " Did you mean \"content\"?"), texts.toString());
    assertTrue(texts.stream().anyMatch(t -> t.startsWith("Value for unconfigurable attribute: Can't configure a value"
        + " for \"id\"")), texts.toString());
    assertTrue(texts.contains("Missing required argument: The argument \"filename\" is required, but no definition"
        + " was found."), texts.toString());
    assertTrue(texts.contains("Missing required argument: The argument \"port\" is required, but no definition"
        + " was found."), texts.toString());
    assertTrue(texts.stream().anyMatch(t -> t.startsWith("Too many rule blocks")), texts.toString());
    assertTrue(texts.stream().anyMatch(t -> t.startsWith("Duplicate meta block")), texts.toString());
    assertTrue(texts.stream().anyMatch(t -> t.startsWith("Unsupported block type: Blocks of type \"mta\"")
        && t.contains("Did you mean \"meta\"?")), texts.toString());
  }
}
