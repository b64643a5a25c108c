package dev.kplan.lang.functions;

import static dev.kplan.lang.functions.FnencTesting.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilesystemFunctionsTest {
  @TempDir
  Path dir;

  private final List<String> rendered = new ArrayList<>();
  private FnencTesting fns;

  @BeforeEach
  void setUp() throws IOException {
    fns = new FnencTesting(dir, (text, fileName, vars) -> {
      rendered.add(fileName + ":" + text + ":" + vars.keySet());
      return Value.string(text.replace("${name}", ((dev.kplan.lang.value.StringValue) vars.get("name")).value()));
    });
    Files.writeString(dir.resolve("hello.txt"), "Hello World");
    Files.createDirectories(dir.resolve("conf/a/b"));
    Files.writeString(dir.resolve("conf/x.yaml"), "x");
    Files.writeString(dir.resolve("conf/a/y.yaml"), "y");
    Files.writeString(dir.resolve("conf/a/b/z.yaml"), "z");
    Files.writeString(dir.resolve("conf/a/b/notes.txt"), "n");
    Files.writeString(dir.resolve("conf/.hidden.yaml"), "h");
    Files.write(dir.resolve("binary.bin"), new byte[] {(byte) 0xff, 0x00});
    Files.writeString(dir.resolve("greeting.tftpl"), "Hi ${name}");
  }

  @Test
  void fileReadsRelativeToTheBaseFolder() throws FunctionException {
    assertEquals("Hello World", fns.string("file", s("hello.txt")));
    assertEquals("Hello World", fns.string("file", s(dir.resolve("hello.txt").toString())));
    assertEquals("Hello World", fns.string("file", s("conf/../hello.txt")));
  }

  @Test
  void fileKeepsTheMarksOfItsPath() throws FunctionException {
    assertTrue(fns.call("file", s("hello.txt").mark(Marks.SENSITIVE)).isSensitive());
  }

  @Test
  void fileExplainsMissingFilesAndRefusesBinaryContent() {
    FunctionException e = fns.failure("file", s("missing.txt"));
    assertEquals(0, e.argIndex());
    assertTrue(e.getMessage().startsWith("no file exists at \"missing.txt\"; this function works only with files"),
        e.getMessage());
    FunctionException secret = fns.failure("file", s("missing.txt").mark(Marks.SENSITIVE));
    assertTrue(secret.getMessage().startsWith("no file exists at (sensitive value);"), secret.getMessage());
    FunctionException bin = fns.failure("file", s("binary.bin"));
    assertTrue(bin.getMessage().startsWith("contents of \"binary.bin\" are not valid UTF-8; use the filebase64"),
        bin.getMessage());
  }

  @Test
  void filebase64AndFileHashesReadRawBytes() throws FunctionException {
    assertEquals("/wA=", fns.string("filebase64", s("binary.bin")));
    assertEquals("a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e",
        fns.string("filesha256", s("hello.txt")));
    assertEquals("b10a8db164e0754105b7a99be72e3fe5", fns.string("filemd5", s("hello.txt")));
    assertEquals("0a4d55a8d778e5022fab701977c5d840bbc486d0", fns.string("filesha1", s("hello.txt")));
    assertEquals("pZGm1Av0IEBKARczz7exkNYsZb8LzaMrV7J32a2fFG4=", fns.string("filebase64sha256", s("hello.txt")));
    FunctionException e = fns.failure("filesha256", s("nope"));
    assertEquals("open " + dir.toAbsolutePath().normalize() + "/nope: no such file or directory", e.getMessage());
  }

  @Test
  void fileexistsIsFalseForMissingFilesAndAnErrorForFolders() throws FunctionException {
    assertEquals(Value.bool(true), fns.call("fileexists", s("hello.txt")));
    assertEquals(Value.bool(false), fns.call("fileexists", s("nope.txt")));
    FunctionException e = fns.failure("fileexists", s("conf"));
    assertEquals("\"" + dir.toAbsolutePath().normalize() + "/conf\" is a directory, not a file", e.getMessage());
  }

  @Test
  void filesetMatchesWithDoublestarRules() throws FunctionException {
    assertEquals(Value.set(Type.STRING, List.of(s(".hidden.yaml"), s("a/b/z.yaml"), s("a/y.yaml"), s("x.yaml"))),
        fns.call("fileset", s("conf"), s("**/*.yaml")));
    assertEquals(Value.set(Type.STRING, List.of(s(".hidden.yaml"), s("x.yaml"))),
        fns.call("fileset", s("conf"), s("*.yaml")));
    assertEquals(Value.set(Type.STRING, List.of(s("a/b/notes.txt"), s("a/b/z.yaml"))),
        fns.call("fileset", s("conf"), s("a/b/*")));
    assertEquals(Value.set(Type.STRING, List.of(s("conf/a/b/notes.txt"), s("conf/a/y.yaml"))),
        fns.call("fileset", s("."), s("conf/a/{y.yaml,b/n?tes.txt}")));
    assertEquals(Value.set(Type.STRING, List.of(s("a/b/notes.txt"), s("a/b/z.yaml"), s("a/y.yaml"))),
        fns.call("fileset", s("conf"), s("a/**")));
    assertEquals(Value.set(Type.STRING, List.of()), fns.call("fileset", s("nowhere"), s("*")));
  }

  @Test
  void filesetRejectsBadPatterns() {
    FunctionException e = fns.failure("fileset", s("conf"), s("[a"));
    assertEquals("failed to glob pattern \"" + dir.toAbsolutePath().normalize() + "/conf/[a\": syntax error in pattern",
        e.getMessage());
  }

  @Test
  void templatefileReadsTheFileAndRendersWithTheVariables() throws FunctionException {
    assertEquals(s("Hi Ada"), fns.call("templatefile", s("greeting.tftpl"), Value.object(Map.of("name", s("Ada")))));
    assertEquals(List.of("greeting.tftpl:Hi ${name}:[name]"), rendered);
  }

  @Test
  void templatefileChecksVarsBeforeRendering() {
    fns.assertFails("invalid vars value: must be a map", 1, "templatefile", s("greeting.tftpl"), s("x"));
    fns.assertFails("invalid template variable name \"1x\": must start with a letter, followed by zero or more"
        + " letters, digits, and underscores", 1,
        "templatefile", s("greeting.tftpl"), Value.object(Map.of("1x", s("a"))));
    assertTrue(fns.failure("templatefile", s("nope.tftpl"), Value.object(Map.of())).getMessage()
        .startsWith("no file exists at \"nope.tftpl\""));
    assertTrue(rendered.isEmpty());
  }

  @Test
  void pathFunctionsFollowGoFilepath() throws FunctionException {
    assertEquals("baz.txt", fns.string("basename", s("foo/bar/baz.txt")));
    assertEquals("bar", fns.string("basename", s("foo/bar/")));
    assertEquals("/", fns.string("basename", s("/")));
    assertEquals(".", fns.string("basename", s("")));
    assertEquals("foo/bar", fns.string("dirname", s("foo/bar/baz.txt")));
    assertEquals(".", fns.string("dirname", s("baz.txt")));
    assertEquals("/", fns.string("dirname", s("/baz.txt")));
    assertEquals(dir.toAbsolutePath().normalize() + "/x/y", fns.string("abspath", s("x/./z/../y")));
    assertEquals("/a/b", fns.string("abspath", s("/a//b/")));
    assertEquals("relative/path", fns.string("pathexpand", s("relative/path")));
    assertTrue(fns.string("pathexpand", s("~/x")).endsWith("/x"));
    fns.assertFails("cannot expand user-specific home dir", -1, "pathexpand", s("~bob/x"));
  }
}
