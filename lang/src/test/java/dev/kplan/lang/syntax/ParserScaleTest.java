package dev.kplan.lang.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.ast.Body;
import org.junit.jupiter.api.Test;

/**
 * One file of 10,000 resource blocks parses completely, with every block in the tree. How fast is
 * the business of the JMH benchmark in {@code bench/} (docs/benchmarks.md), not of a test.
 */
class ParserScaleTest {
  static String resources(int n) {
    StringBuilder sb = new StringBuilder(n * 260);
    for (int i = 0; i < n; i++) {
      sb.append("resource \"kubernetes_config_map\" \"cm_").append(i).append("\" {\n")
          .append("  metadata {\n    name      = \"cm-${var.env}-").append(i).append("\"\n")
          .append("    namespace = kubernetes_namespace.ns.metadata[0].name\n  }\n")
          .append("  data = { for k, v in var.data : k => upper(v) if v != \"\" }\n")
          .append("  count = var.enabled ? 1 : 0\n}\n\n");
    }
    return sb.toString();
  }

  @Test
  void parsesAFileOfTenThousandResourceBlocksCompletely() {
    ParseResult<Body> r = Parser.parseFile(resources(10_000), "big.kp.hcl");
    assertTrue(r.diagnostics().isEmpty(), r.diagnostics()::toString);
    assertEquals(10_000, r.value().blocks("resource").size());
    assertEquals("cm_9999", r.value().blocks("resource").get(9_999).labels().get(1));
  }
}
