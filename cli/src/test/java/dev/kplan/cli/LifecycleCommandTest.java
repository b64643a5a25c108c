package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lifecycle} and {@code depends_on}, {@code -target} and {@code -replace}, and a failing
 * change, through {@code kplan plan}/{@code apply}/{@code destroy} on real folders.
 */
class LifecycleCommandTest {
  @TempDir Path dir;

  CliRun kplan(String... args) {
    return CliRun.in(dir, args);
  }

  void write(String hcl) throws IOException {
    Files.writeString(dir.resolve("main.kp.hcl"), hcl);
  }

  CliRun applied(String... extra) {
    String[] args = new String[extra.length + 2];
    args[0] = "apply";
    args[1] = "-auto-approve";
    System.arraycopy(extra, 0, args, 2, extra.length);
    CliRun r = kplan(args);
    assertEquals(0, r.exitCode(), r.out() + r.err());
    return r;
  }

  static void before(String out, String first, String then) {
    int a = out.indexOf(first);
    int b = out.indexOf(then);
    assertTrue(a >= 0 && b >= 0 && a < b, "expected \"" + first + "\" before \"" + then + "\" in:\n" + out);
  }

  static final String REPLACED = """
      resource "local_file" "f" {
        filename = "%s"
        content  = "x"
        lifecycle {
          create_before_destroy = %s
        }
      }
      """;

  @Test
  void createBeforeDestroyCreatesTheReplacementBeforeDestroyingTheOldObject() throws IOException {
    write(REPLACED.formatted("one.txt", "true"));
    applied();
    write(REPLACED.formatted("two.txt", "true"));
    CliRun plan = kplan("plan");
    assertTrue(plan.out().contains("+/- create replacement and then destroy"), plan.out());
    assertTrue(plan.out().contains("# local_file.f must be replaced"), plan.out());
    CliRun r = applied();
    // by then the old object is deposed, and the lines name it so, as Terraform's
    before(r.out(), "local_file.f: Creation complete after ", "local_file.f (deposed object ");
    assertTrue(r.out().matches("(?s).*local_file\\.f \\(deposed object [0-9a-f]{8}\\): Destroying\\.\\.\\..*"), r.out());
    assertTrue(Files.exists(dir.resolve("two.txt")));
    assertFalse(Files.exists(dir.resolve("one.txt")));

    write(REPLACED.formatted("three.txt", "false"));
    CliRun d = applied();
    before(d.out(), "local_file.f: Destruction complete after ", "local_file.f: Creating...");
    assertTrue(Files.exists(dir.resolve("three.txt")));
    assertFalse(Files.exists(dir.resolve("two.txt")));
  }

  static final String GUARDED = """
      resource "local_file" "keep" {
        filename = "%s"
        content  = "precious"
        lifecycle {
          prevent_destroy = true
        }
      }
      """;

  @Test
  void preventDestroyRefusesDestroyAndReplacementAndTouchesNothing() throws IOException {
    write(GUARDED.formatted("keep.txt"));
    applied();
    CliRun destroy = kplan("destroy", "-auto-approve");
    assertEquals(1, destroy.exitCode(), destroy.out());
    assertTrue(destroy.err().contains("Error: Instance cannot be destroyed"), destroy.err());
    assertTrue(destroy.err().contains("local_file.keep has lifecycle.prevent_destroy set"), destroy.err());
    assertTrue(destroy.err().contains("on main.kp.hcl line 1"), destroy.err());
    assertTrue(Files.exists(dir.resolve("keep.txt")));

    write(GUARDED.formatted("moved.txt"));
    CliRun replace = kplan("apply", "-auto-approve");
    assertEquals(1, replace.exitCode(), replace.out());
    assertTrue(replace.err().contains("Error: Instance cannot be destroyed"), replace.err());
    assertTrue(Files.exists(dir.resolve("keep.txt")));
    assertFalse(Files.exists(dir.resolve("moved.txt")));
  }

  static final String IGNORING = """
      resource "local_file" "f" {
        filename        = "f.txt"
        content         = "%s"
        file_permission = "%s"
        lifecycle {
          ignore_changes = [content]
        }
      }
      """;

  @Test
  void ignoreChangesKeepsTheIgnoredArgumentAsAppliedButNotTheOthers() throws IOException {
    write(IGNORING.formatted("first", "0644"));
    applied();
    write(IGNORING.formatted("second", "0644"));
    CliRun none = kplan("plan", "-detailed-exitcode");
    assertEquals(0, none.exitCode(), none.out() + none.err());
    assertTrue(none.out().contains("No changes."), none.out());
    applied();
    assertEquals("first", Files.readString(dir.resolve("f.txt")));

    write(IGNORING.formatted("second", "0600"));
    CliRun changed = kplan("plan", "-detailed-exitcode");
    assertEquals(2, changed.exitCode(), changed.out() + changed.err());
    assertTrue(changed.out().contains("file_permission      = \"0644\" -> \"0600\" # forces replacement"), changed.out());
    assertFalse(changed.out().contains("\"second\""), changed.out());
  }

  @Test
  void dependsOnOrdersCreatesAndReversesDestroysWithoutAReference() throws IOException {
    write("""
        resource "local_file" "first" {
          filename = "first.txt"
          content  = "1"
        }
        resource "kplan_data" "second" {
          input      = "2"
          depends_on = [local_file.first]
        }
        """);
    CliRun r = applied();
    before(r.out(), "local_file.first: Creation complete after ", "kplan_data.second: Creating...");
    CliRun d = kplan("destroy", "-auto-approve");
    assertEquals(0, d.exitCode(), d.err());
    before(d.out(), "kplan_data.second: Destruction complete after ", "local_file.first: Destroying...");
  }

  static final String CHAIN = """
      resource "local_file" "base" {
        filename = "base.txt"
        content  = "base"
      }
      resource "local_file" "uses_base" {
        filename = "uses-base.txt"
        content  = local_file.base.id
      }
      resource "local_file" "other" {
        filename = "other.txt"
        content  = "other"
      }
      """;

  @Test
  void targetAppliesTheTargetAndWhatItDependsOnOnly() throws IOException {
    write(CHAIN);
    CliRun r = applied("-target=local_file.uses_base");
    assertTrue(r.out().contains("Apply complete! Resources: 2 added, 0 changed, 0 destroyed."), r.out());
    assertTrue(Files.exists(dir.resolve("base.txt")));
    assertTrue(Files.exists(dir.resolve("uses-base.txt")));
    assertFalse(Files.exists(dir.resolve("other.txt")));
    assertTrue(kplan("plan").out().contains("Plan: 1 to add, 0 to change, 0 to destroy."));
  }

  @Test
  void replaceRecreatesAnUnchangedInstanceAndOnlyIt() throws IOException {
    write(CHAIN);
    applied();
    CliRun r = applied("-replace=local_file.other");
    assertTrue(r.out().contains("# local_file.other will be replaced, as requested"), r.out());
    before(r.out(), "local_file.other: Destruction complete after ", "local_file.other: Creating...");
    assertTrue(r.out().contains("Apply complete! Resources: 1 added, 0 changed, 1 destroyed."), r.out());
    assertFalse(r.out().contains("local_file.base:"), r.out());
    assertEquals("other", Files.readString(dir.resolve("other.txt")));
  }

  @Test
  void aFailedCreateStopsOnlyWhatDependsOnIt() throws IOException {
    Files.writeString(dir.resolve("blocker"), "a file where a folder is needed\n");
    write("""
        resource "local_file" "bad" {
          filename = "blocker/bad.txt"
          content  = "never"
        }
        resource "kplan_data" "needs_bad" {
          input = local_file.bad.id
        }
        resource "local_file" "good" {
          filename = "good.txt"
          content  = "fine"
        }
        resource "kplan_data" "needs_good" {
          input = local_file.good.id
        }
        """);
    CliRun r = kplan("apply", "-auto-approve");
    assertEquals(1, r.exitCode(), r.out());
    assertTrue(r.err().contains("Error: Cannot write"), r.err());
    assertTrue(r.out().contains("kplan_data.needs_good: Creation complete"), r.out());
    assertFalse(r.out().contains("kplan_data.needs_bad: Creating..."), r.out());
    assertTrue(Files.exists(dir.resolve("good.txt")));
    CliRun next = kplan("plan");
    assertTrue(next.out().contains("Plan: 2 to add, 0 to change, 0 to destroy."), next.out());
    assertTrue(next.out().contains("# kplan_data.needs_bad will be created"), next.out());
    assertTrue(next.out().contains("# local_file.bad will be created"), next.out());
  }
}
