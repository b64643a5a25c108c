package dev.kplan.lang.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: each {@code NAME.in.kp.hcl} formats to {@code NAME.out.kp.hcl}. The expected outputs
 * were produced by OpenTofu's {@code tofu fmt} from the same inputs, so they pin Terraform's style.
 */
class FormatterTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/fmt");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> s = Files.list(GOLDEN)) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".in.kp.hcl"))
          .map(n -> n.substring(0, n.length() - ".in.kp.hcl".length()))
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest
  @MethodSource("cases")
  void formatsAsTerraformFmtDoes(String name) throws IOException {
    String in = Files.readString(GOLDEN.resolve(name + ".in.kp.hcl"), StandardCharsets.UTF_8);
    String expected = Files.readString(GOLDEN.resolve(name + ".out.kp.hcl"), StandardCharsets.UTF_8);
    FormatResult r = Formatter.format(in, name + ".kp.hcl");
    assertFalse(r.diagnostics().hasErrors(), () -> r.diagnostics().toString());
    assertEquals(expected, r.text());
  }

  @ParameterizedTest
  @MethodSource("cases")
  void formattedOutputIsAFixedPoint(String name) throws IOException {
    String expected = Files.readString(GOLDEN.resolve(name + ".out.kp.hcl"), StandardCharsets.UTF_8);
    assertEquals(expected, Formatter.format(expected, name + ".kp.hcl").text());
  }

  @Test
  void leavesTextThatDoesNotParseUntouchedAndReportsWhy() {
    String broken = "resource \"a\" \"b\" {\n  x = \n";
    FormatResult r = Formatter.format(broken, "broken.kp.hcl");
    assertTrue(r.diagnostics().hasErrors());
    assertEquals(broken, r.text());
  }

  @Test
  void keepsEveryComment() {
    String src = "# one\na=1 # two\n/* three */\nb {\n  // four\n}\n";
    String out = Formatter.format(src, "c.kp.hcl").text();
    for (String c : List.of("# one", "# two", "/* three */", "// four")) {
      assertTrue(out.contains(c), c + " lost in:\n" + out);
    }
  }

  @Test
  void normalisesWindowsLineEndings() {
    assertEquals("a = 1\nbb = 2\n".replace("a =", "a  ="), Formatter.format("a=1\r\nbb=2\r\n", "w.kp.hcl").text());
  }
}
