package dev.kplan.lang.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnosticRendererTest {
  static final String SRC = "resource \"kplan_data\" \"x\" {\n  replicsa = 3\n}\n";
  static final SourceRange SUBJECT = new SourceRange("main.kp.hcl", 2, 3, 30, 2, 11, 38);
  static final Diagnostic UNSUPPORTED = Diagnostic.error("Unsupported argument",
      "An argument named \"replicsa\" is not expected here. Did you mean \"replicas\"?", SUBJECT);

  @Test
  void rendersLikeTerraformWithoutColour() {
    String out = DiagnosticRenderer.plain(Map.of("main.kp.hcl", SRC)).render(UNSUPPORTED);
    assertEquals("""
        Error: Unsupported argument

          on main.kp.hcl line 2:
           2:   replicsa = 3

        An argument named "replicsa" is not expected here. Did you mean "replicas"?
        """, out);
  }

  @Test
  void canNameTheColumnToo() {
    String out = DiagnosticRenderer.plain(Map.of("main.kp.hcl", SRC)).withColumns(true).render(UNSUPPORTED);
    assertTrue(out.contains("  on main.kp.hcl line 2, column 3:\n"), out);
  }

  @Test
  void colourModeUnderlinesTheSubjectAndBoldsTheSummary() {
    String out = DiagnosticRenderer.colored(Map.of("main.kp.hcl", SRC)).render(UNSUPPORTED);
    assertTrue(out.startsWith("\u001b[1m\u001b[31mError: \u001b[0m\u001b[1mUnsupported argument\u001b[0m"), out);
    assertTrue(out.contains("   2:   \u001b[4mreplicsa\u001b[0m = 3\n"), out);
  }

  @Test
  void warningsAndMissingSourcesAreShownPlainly() {
    Diagnostic w = Diagnostic.warning("Deprecated", "", new SourceRange("other.hcl", 4, 1, 10, 4, 2, 11));
    assertEquals("Warning: Deprecated\n\n  on other.hcl line 4:\n  (source code not available)\n\n",
        DiagnosticRenderer.plain(Map.of()).render(w));
  }

  @Test
  void contextWidensTheSnippetToWholeLines() {
    String src = "a = [\n  1\n  2\n]\n";
    Diagnostic d = Diagnostic.error("Missing item separator", "Expected a comma.",
        new SourceRange("t.hcl", 3, 3, 12, 3, 4, 13)).withContext(new SourceRange("t.hcl", 1, 5, 4, 3, 4, 13));
    String out = DiagnosticRenderer.plain(Map.of("t.hcl", src)).render(d);
    assertTrue(out.contains("  on t.hcl line 3:\n   1: a = [\n   2:   1\n   3:   2\n"), out);
  }

  @Test
  void rendersTerraformJsonShapeWithByteOffsets() {
    String src = "é = \"x\"\n";
    Diagnostic d = Diagnostic.error("Bad", "Detail <here>", new SourceRange("u.hcl", 1, 5, 4, 1, 8, 7));
    assertEquals("{\"severity\":\"error\",\"summary\":\"Bad\",\"detail\":\"Detail \\u003chere\\u003e\","
        + "\"range\":{\"filename\":\"u.hcl\",\"start\":{\"line\":1,\"column\":5,\"byte\":5},"
        + "\"end\":{\"line\":1,\"column\":8,\"byte\":8}},"
        + "\"snippet\":{\"context\":null,\"code\":\"é = \\\"x\\\"\",\"start_line\":1,"
        + "\"highlight_start_offset\":5,\"highlight_end_offset\":8,\"values\":[]}}",
        DiagnosticRenderer.plain(Map.of("u.hcl", src)).toJson(d));
  }

  @Test
  void separatesSeveralDiagnosticsByABlankLine() {
    Diagnostics ds = Diagnostics.of(Diagnostic.error("A", "one", null), Diagnostic.error("B", "two", null));
    assertEquals("Error: A\n\none\n\nError: B\n\ntwo\n", DiagnosticRenderer.plain(Map.of()).render(ds));
    assertEquals("[{\"severity\":\"error\",\"summary\":\"A\",\"detail\":\"one\"},"
        + "{\"severity\":\"error\",\"summary\":\"B\",\"detail\":\"two\"}]", DiagnosticRenderer.plain(Map.of()).toJson(ds));
  }
}
