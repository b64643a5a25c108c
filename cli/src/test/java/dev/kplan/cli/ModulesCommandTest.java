package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code module} blocks end to end: the real CLI on folders with child modules and the local provider. */
class ModulesCommandTest {
  @TempDir Path dir;

  static final String SITE = """
      variable "name" {
        type = string
      }
      variable "greeting" {
        type    = string
        default = "hello"
      }
      resource "local_file" "page" {
        filename = "${path.module}/out/${var.name}.txt"
        content  = "${var.greeting} ${var.name}\\n"
      }
      module "meta" {
        source = "./meta"
        of     = local_file.page.filename
      }
      output "file" {
        value = local_file.page.filename
      }
      output "meta" {
        value = module.meta.file
      }
      """;

  static final String META = """
      variable "of" {
        type = string
      }
      resource "kplan_data" "about" {
        input = "about ${var.of}"
      }
      output "file" {
        value = kplan_data.about.output
      }
      """;

  CliRun kplan(String... args) {
    return CliRun.in(dir, args);
  }

  void write(String root) throws IOException {
    Files.createDirectories(dir.resolve("modules/site/meta"));
    Files.writeString(dir.resolve("modules/site/main.kp.hcl"), SITE);
    Files.writeString(dir.resolve("modules/site/meta/main.kp.hcl"), META);
    Files.writeString(dir.resolve("main.kp.hcl"), root);
  }

  static String root(String keys) {
    return """
        module "site" {
          source   = "./modules/site"
          for_each = toset([%s])
          name     = each.key
        }
        output "files" {
          value = { for k, m in module.site : k => m.file }
        }
        output "about_a" {
          value = module.site["a"].meta
        }
        """.formatted(keys);
  }

  Set<String> stored() {
    try (StateStore store = JdbcStateStore.h2(JdbcStateStore.defaultFile(dir))) {
      StateSnapshot s = store.read();
      return new TreeSet<>(s.resources().keySet());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aModuleWithForEachCreatesEachInstanceAndItsNestedModule() throws IOException {
    write(root("\"a\", \"b\""));
    CliRun r = kplan("apply", "-auto-approve");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertEquals("hello a\n", Files.readString(dir.resolve("modules/site/out/a.txt")));
    assertEquals("hello b\n", Files.readString(dir.resolve("modules/site/out/b.txt")));
    assertTrue(r.out().contains("module.site[\"a\"].local_file.page: Creating..."), r.out());
    assertTrue(r.out().contains("Apply complete! Resources: 4 added, 0 changed, 0 destroyed."), r.out());
    assertTrue(r.out().contains("about_a = \"about modules/site/out/a.txt\""), r.out());
    assertEquals(Set.of("module.site[\"a\"].local_file.page", "module.site[\"b\"].local_file.page",
        "module.site[\"a\"].module.meta.kplan_data.about", "module.site[\"b\"].module.meta.kplan_data.about"),
        stored());

    CliRun again = kplan("plan");
    assertTrue(again.out().contains("No changes."), again.out() + again.err());
  }

  @Test
  void removingAForEachKeyDestroysEverythingInThatInstanceAndAddingOneCreatesIt() throws IOException {
    write(root("\"a\", \"b\""));
    assertEquals(0, kplan("apply", "-auto-approve").exitCode());

    write(root("\"a\", \"c\""));
    CliRun plan = kplan("plan");
    assertEquals(0, plan.exitCode(), plan.err());
    assertTrue(plan.out().contains("  # module.site[\"b\"].local_file.page will be destroyed\n"
        + "  # (because module.site[\"b\"] is not in configuration)\n"), plan.out());
    assertTrue(plan.out().contains("  # module.site[\"b\"].module.meta.kplan_data.about will be destroyed"), plan.out());
    assertTrue(plan.out().contains("  # module.site[\"c\"].local_file.page will be created"), plan.out());
    assertTrue(plan.out().contains("Plan: 2 to add, 0 to change, 2 to destroy."), plan.out());

    CliRun apply = kplan("apply", "-auto-approve");
    assertEquals(0, apply.exitCode(), apply.out() + apply.err());
    assertFalse(Files.exists(dir.resolve("modules/site/out/b.txt")));
    assertEquals("hello c\n", Files.readString(dir.resolve("modules/site/out/c.txt")));
    assertEquals(Set.of("module.site[\"a\"].local_file.page", "module.site[\"c\"].local_file.page",
        "module.site[\"a\"].module.meta.kplan_data.about", "module.site[\"c\"].module.meta.kplan_data.about"),
        stored());
  }

  @Test
  void aModuleTargetPlansOnlyWhatThatModuleInstanceHolds() throws IOException {
    write(root("\"a\", \"b\""));
    CliRun r = kplan("apply", "-auto-approve", "-target=module.site[\"a\"]");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertEquals(Set.of("module.site[\"a\"].local_file.page", "module.site[\"a\"].module.meta.kplan_data.about"),
        stored());
    CliRun json = kplan("plan", "-json");
    assertTrue(json.out().contains("\"module_address\":\"module.site[\\\"b\\\"]\""), json.out());
  }

  @Test
  void providersPassedByTheProvidersMapServeTheChild() throws IOException {
    Files.createDirectories(dir.resolve("child"));
    Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(dir.resolve("child/main.kp.hcl"), """
        resource "local_file" "f" {
          filename = "f.txt"
          content  = "via alias\\n"
        }
        """);
    Files.writeString(dir.resolve("main.kp.hcl"), """
        provider "local" {
          alias    = "other"
          base_dir = "${path.cwd}/elsewhere"
        }
        module "child" {
          source    = "./child"
          providers = { local = local.other }
        }
        """);
    CliRun r = kplan("apply", "-auto-approve");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertTrue(Files.exists(dir.resolve("elsewhere/f.txt")), "written by the aliased configuration");
    assertFalse(Files.exists(dir.resolve("f.txt")));
  }

  @Test
  void badModuleCallsAreDiagnosedWithSuggestions() throws IOException {
    write("""
        module "site" {
          source = "./modules/site"
          nmae   = "a"
        }
        module "remote" {
          source = "hashicorp/consul/aws"
        }
        """);
    CliRun r = kplan("plan");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.err().contains("Unsupported argument"), r.err());
    assertTrue(r.err().contains("Did you mean \"name\"?"), r.err());
    assertTrue(r.err().contains("Missing required argument"), r.err());
    assertTrue(r.err().contains("The argument \"name\" is required"), r.err());
    assertTrue(r.err().contains("Unsupported module source"), r.err());
    assertTrue(r.err().contains("on main.kp.hcl line 3, column 3:"), r.err());
  }

  @Test
  void providerBlocksInAModuleUnderForEachAreAnError() throws IOException {
    Files.createDirectories(dir.resolve("child"));
    Files.writeString(dir.resolve("child/main.kp.hcl"), """
        provider "local" {}
        """);
    Files.writeString(dir.resolve("main.kp.hcl"), """
        module "child" {
          source   = "./child"
          for_each = toset(["a"])
        }
        """);
    CliRun r = kplan("plan");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.err().contains("Module is incompatible with count, for_each, and depends_on"), r.err());
    assertTrue(r.err().contains("on child/main.kp.hcl line 1, column 1:"), r.err());
  }

  @Test
  void theGraphShowsModuleAddresses() throws IOException {
    write(root("\"a\""));
    CliRun r = kplan("graph");
    assertEquals(0, r.exitCode(), r.err());
    assertTrue(r.out().contains("\"module.site.local_file.page\" -> \"module.site\""), r.out());
    assertTrue(r.out().contains("\"module.site.module.meta.var.of\" -> \"module.site.local_file.page\""), r.out());
  }

  @Test
  void aChildModuleMayConfigureItsOwnProvider() throws IOException {
    Files.createDirectories(dir.resolve("child"));
    Files.createDirectories(dir.resolve("inner"));
    Files.writeString(dir.resolve("child/main.kp.hcl"), """
        provider "local" {
          base_dir = "${path.cwd}/inner"
        }
        resource "local_file" "f" {
          filename = "f.txt"
          content  = "own provider\\n"
        }
        """);
    Files.writeString(dir.resolve("main.kp.hcl"), """
        module "child" {
          source = "./child"
        }
        """);
    CliRun r = kplan("apply", "-auto-approve");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    assertEquals("own provider\n", Files.readString(dir.resolve("inner/f.txt")));
    try (StateStore store = JdbcStateStore.h2(JdbcStateStore.defaultFile(dir))) {
      assertEquals("module.child.provider.local",
          store.read().resources().get("module.child.local_file.f").providerAddress());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    assertTrue(kplan("plan").out().contains("No changes."));
  }
}
