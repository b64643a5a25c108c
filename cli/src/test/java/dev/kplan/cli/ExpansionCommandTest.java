package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code count} and {@code for_each}: adding, removing and re-keying instances, end to end. */
class ExpansionCommandTest {
  @TempDir Path dir;

  CliRun kplan(String... args) {
    return CliRun.in(dir, args);
  }

  void write(String hcl) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), hcl);
  }

  CliRun applied() {
    CliRun r = kplan("apply", "-auto-approve");
    assertEquals(0, r.exitCode(), r.out() + r.err());
    return r;
  }

  static final String COUNTED = """
      resource "local_file" "n" {
        count    = %d
        filename = "n${count.index}.txt"
        content  = "number ${count.index}"
      }
      """;

  @Test
  void raisingCountAddsTheNewIndexesAndLoweringItDestroysTheHighOnes() throws IOException {
    write(COUNTED.formatted(2));
    applied();
    write(COUNTED.formatted(3));
    CliRun up = kplan("plan");
    assertTrue(up.out().contains("# local_file.n[2] will be created"), up.out());
    assertTrue(up.out().contains("Plan: 1 to add, 0 to change, 0 to destroy."), up.out());
    applied();
    assertTrue(Files.exists(dir.resolve("n2.txt")));

    write(COUNTED.formatted(1));
    CliRun down = kplan("plan");
    assertTrue(down.out().contains("# local_file.n[1] will be destroyed"), down.out());
    assertTrue(down.out().contains("# (because index [1] is out of range for count)"), down.out());
    assertTrue(down.out().contains("Plan: 0 to add, 0 to change, 2 to destroy."), down.out());
    applied();
    assertTrue(Files.exists(dir.resolve("n0.txt")));
    assertFalse(Files.exists(dir.resolve("n1.txt")));
    assertFalse(Files.exists(dir.resolve("n2.txt")));
    assertTrue(kplan("plan").out().contains("No changes."));
  }

  static final String KEYED = """
      variable "pages" {
        type = map(string)
      }
      resource "local_file" "page" {
        for_each = var.pages
        filename = "pages/${each.key}.txt"
        content  = each.value
      }
      """;

  @Test
  void forEachAddsAndRemovesByKeyAndReKeyingReplacesOnlyTheRenamedInstance() throws IOException {
    write(KEYED);
    Files.writeString(dir.resolve("pages.auto.kpvars.hcl"), "pages = { home = \"Home\", about = \"About\" }\n");
    applied();

    Files.writeString(dir.resolve("pages.auto.kpvars.hcl"),
        "pages = { home = \"Home\", about = \"About\", blog = \"Blog\" }\n");
    CliRun added = kplan("plan");
    assertTrue(added.out().contains("# local_file.page[\"blog\"] will be created"), added.out());
    assertTrue(added.out().contains("Plan: 1 to add, 0 to change, 0 to destroy."), added.out());
    applied();

    // "about" becomes "team" with the same content: a new key is a new instance
    Files.writeString(dir.resolve("pages.auto.kpvars.hcl"), "pages = { home = \"Home\", team = \"About\", blog = \"Blog\" }\n");
    CliRun rekeyed = kplan("plan");
    assertTrue(rekeyed.out().contains("# local_file.page[\"about\"] will be destroyed"), rekeyed.out());
    assertTrue(rekeyed.out().contains("# (because key [\"about\"] is not in for_each map)"), rekeyed.out());
    assertTrue(rekeyed.out().contains("# local_file.page[\"team\"] will be created"), rekeyed.out());
    assertFalse(rekeyed.out().contains("local_file.page[\"home\"]"), rekeyed.out());
    assertTrue(rekeyed.out().contains("Plan: 1 to add, 0 to change, 1 to destroy."), rekeyed.out());
    applied();
    assertFalse(Files.exists(dir.resolve("pages/about.txt")));
    assertEquals("About", Files.readString(dir.resolve("pages/team.txt")));

    Files.writeString(dir.resolve("pages.auto.kpvars.hcl"), "pages = { home = \"Home\" }\n");
    CliRun removed = kplan("plan");
    assertTrue(removed.out().contains("Plan: 0 to add, 0 to change, 2 to destroy."), removed.out());
    applied();
    assertTrue(Files.exists(dir.resolve("pages/home.txt")));
    assertFalse(Files.exists(dir.resolve("pages/team.txt")));
    assertFalse(Files.exists(dir.resolve("pages/blog.txt")));
  }
}
