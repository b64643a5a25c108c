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
    String[] all = new String[args.length + 2];
    all[0] = "-chdir=" + dir;
    all[1] = "-no-color";
    System.arraycopy(args, 0, all, 2, args.length);
    return CliRun.run("", all);
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
}
