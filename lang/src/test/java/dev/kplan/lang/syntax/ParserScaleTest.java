package dev.kplan.lang.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.ast.Body;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.junit.jupiter.api.Test;

/**
 * A guard against accidental super-linear work in lexing, prediction or tree building. CPU time
 * (not wall time) is measured so that a busy machine does not make it flaky; the bound is far
 * above the expected ~0.3 s so it only trips on real regressions.
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
  void parsesTenThousandResourceBlocksInLinearTime() {
    String text = resources(10_000);
    Parser.parseFile(resources(2_000), "warm.kp.hcl");
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long start = mx.getCurrentThreadCpuTime();
    ParseResult<Body> r = Parser.parseFile(text, "big.kp.hcl");
    long cpuMillis = (mx.getCurrentThreadCpuTime() - start) / 1_000_000;
    assertTrue(r.diagnostics().isEmpty(), r.diagnostics()::toString);
    assertEquals(10_000, r.value().blocks("resource").size());
    assertTrue(cpuMillis < 4_000, "parsing 10,000 resource blocks took " + cpuMillis + " ms of CPU");
  }
}
