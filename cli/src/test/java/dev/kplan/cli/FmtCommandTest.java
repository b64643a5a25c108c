package dev.kplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FmtCommandTest {
  @TempDir Path dir;

  @Test
  void rewritesFilesAndListsTheChangedOnes() throws IOException {
    Files.writeString(dir.resolve("a.kp.hcl"), "x=1\nlong_name=2\n");
    Files.writeString(dir.resolve("b.kp.hcl"), "y = 1\n");
    CliRun r = CliRun.run("", "-chdir=" + dir, "fmt");
    assertEquals(0, r.exitCode(), r.err());
    assertEquals("a.kp.hcl\n", r.out());
    assertEquals("x         = 1\nlong_name = 2\n", Files.readString(dir.resolve("a.kp.hcl")));
  }

  @Test
  void checkExitsThreeWithoutWriting() throws IOException {
    Files.writeString(dir.resolve("a.kp.hcl"), "x=1\n");
    CliRun r = CliRun.run("", "-chdir=" + dir, "fmt", "-check");
    assertEquals(3, r.exitCode());
    assertEquals("x=1\n", Files.readString(dir.resolve("a.kp.hcl")));
  }

  @Test
  void checkExitsZeroWhenFormatted() throws IOException {
    Files.writeString(dir.resolve("a.kp.hcl"), "x = 1\n");
    assertEquals(0, CliRun.run("", "-chdir=" + dir, "fmt", "-check").exitCode());
  }

  @Test
  void showsAUnifiedDiff() throws IOException {
    Files.writeString(dir.resolve("a.kp.hcl"), "x=1\n");
    CliRun r = CliRun.run("", "-chdir=" + dir, "fmt", "-diff", "-write=false", "-list=false");
    assertEquals("--- old/a.kp.hcl\n+++ new/a.kp.hcl\n@@ -1,1 +1,1 @@\n-x=1\n+x = 1\n", r.out());
  }

  @Test
  void recursesIntoSubfoldersOnlyWhenAsked() throws IOException {
    Files.createDirectories(dir.resolve("mod"));
    Files.writeString(dir.resolve("mod/m.kp.hcl"), "x=1\n");
    assertEquals("", CliRun.run("", "-chdir=" + dir, "fmt").out());
    assertEquals("mod/m.kp.hcl\n", CliRun.run("", "-chdir=" + dir, "fmt", "-recursive").out());
  }

  @Test
  void formatsStandardInputToStandardOutput() {
    CliRun r = CliRun.run("a=1\n", "fmt", "-");
    assertEquals("a = 1\n", r.out());
  }

  @Test
  void refusesAFileWithSyntaxErrorsAndExitsTwo() throws IOException {
    Files.writeString(dir.resolve("bad.kp.hcl"), "x = {\n");
    CliRun r = CliRun.run("", "-chdir=" + dir, "fmt");
    assertEquals(2, r.exitCode());
    assertTrue(r.err().contains("bad.kp.hcl"), r.err());
    assertEquals("x = {\n", Files.readString(dir.resolve("bad.kp.hcl")));
  }
}
