package dev.kplan.lang.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.diag.SourceRange;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Random and mutated inputs: the parser must never throw, and every diagnostic must point inside
 * the input it was given.
 */
class ParserFuzzTest {
  static final List<String> SNIPPETS = List.of(
      "resource \"kubernetes_manifest\" \"web\" {\n  manifest = {\n    kind = \"Deployment\"\n    spec = { replicas = var.n }\n  }\n  count = length(var.xs) > 0 ? 1 : 0\n}\n",
      "locals {\n  names = [for s in var.services : upper(s.name) if s.enabled]\n  by_id = { for k, v in var.m : v.id => k... }\n}\n",
      "output \"x\" {\n  value = \"${var.a}-%{ if var.b ~}yes%{ else }no%{ endif }\"\n  sensitive = true\n}\n",
      "x = <<-EOT\n    hello ${name}\n    %{ for x in xs }${x}%{ endfor }\n  EOT\ny = <<EOT\nplain\nEOT\n",
      "a = aws_instance.web[*].tags[\"Name\"]\nb = var.list.*.id[0]\nc = f(x...)\nd = provider::k8s::decode(\"x\")\n",
      "e = -1 + 2 * 3 / 4 % 5 - !true == false != null && a || b >= c <= d < e > f\n",
      "lifecycle { ignore_changes = [tags] }\n/* comment */ # hash\n// slash\nz = 1e3 + 1.5E-2\n",
      "s = \"esc \\n \\t \\\" \\\\ \\u00e9 \\U0001F600 $${x} %%{y}\"\nt = {\n  \"k\" : 1,\n  (var.k) = 2\n}\n");

  static final List<String> TOKENS = List.of("{", "}", "[", "]", "(", ")", "\"", "${", "%{", "~}", "}", "=", "==",
      ",", ".", "...", "*", "\n", "\n", " ", "<<EOT\n", "<<-EOT\n", "EOT\n", "for ", " in ", " if ", ":", "=>", "?",
      "#", "//", "/*", "*/", "\\", "'", "x", "var.a", "1", "1.5", "-", "!", "&&", "%", "$", "::", "\t", "\r\n",
      "endif", "endfor", "else", "é", "\uD83D\uDE00", ";", "@");

  @Provide
  Arbitrary<String> mutatedSnippets() {
    Arbitrary<String> snippet = Arbitraries.of(SNIPPETS);
    Arbitrary<List<Tuple.Tuple3<Integer, Double, String>>> edits = Combinators.combine(
        Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 1), Arbitraries.of(TOKENS))
        .as(Tuple::of).list().ofMinSize(1).ofMaxSize(6);
    return Combinators.combine(snippet, edits).as((s, es) -> {
      StringBuilder sb = new StringBuilder(s);
      for (Tuple.Tuple3<Integer, Double, String> e : es) {
        int at = (int) (e.get2() * sb.length());
        at = Math.max(0, Math.min(at, sb.length()));
        switch (e.get1()) {
          case 0 -> sb.insert(at, e.get3());
          case 1 -> sb.delete(at, Math.min(sb.length(), at + 1 + (at % 7)));
          case 2 -> sb.insert(at, sb.substring(at, Math.min(sb.length(), at + 1 + (at % 11))));
          default -> {
            if (at < sb.length()) {
              sb.setCharAt(at, e.get3().isEmpty() ? ' ' : e.get3().charAt(0));
            }
          }
        }
      }
      return sb.toString();
    });
  }

  @Provide
  Arbitrary<String> tokenSoup() {
    return Arbitraries.of(TOKENS).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  @Property(tries = 2500, seed = "20261125")
  void mutatedSnippetsNeverThrowAndDiagnosticsPointInsideTheInput(@ForAll("mutatedSnippets") String input) {
    checkAll(input);
  }

  @Property(tries = 1500, seed = "1125")
  void randomTokenSequencesNeverThrow(@ForAll("tokenSoup") String input) {
    checkAll(input);
  }

  @Property(tries = 500, seed = "7")
  void arbitraryTextNeverThrows(@ForAll String input) {
    checkAll(input);
  }

  static void checkAll(String input) {
    ParseResult<?> file = Parser.parseFile(input, "f.hcl");
    assertNotNull(file.value());
    checkRanges(input, file.diagnostics());
    checkRanges(input, Parser.parseExpression(input, "f.hcl").diagnostics());
    ParseResult<?> template = Parser.parseTemplate(input, "f.hcl");
    assertNotNull(template.value());
    checkRanges(input, template.diagnostics());
  }

  static void checkRanges(String input, Diagnostics diags) {
    for (Diagnostic d : diags) {
      inside(input, d.subject(), d);
      if (d.context() != null) {
        inside(input, d.context(), d);
      }
    }
  }

  static void inside(String input, SourceRange r, Diagnostic d) {
    assertNotNull(r, () -> "diagnostic without subject: " + d);
    assertEquals("f.hcl", r.file());
    assertTrue(r.startOffset() >= 0 && r.startOffset() <= r.endOffset() && r.endOffset() <= input.length(),
        () -> "range " + r + " [" + r.startOffset() + "," + r.endOffset() + ") outside input of length "
            + input.length() + " for " + d);
    assertTrue(r.startLine() >= 1 && r.startCol() >= 1 && r.endLine() >= r.startLine(), () -> "bad position " + r);
  }
}
