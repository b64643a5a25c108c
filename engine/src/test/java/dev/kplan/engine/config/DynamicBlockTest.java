package dev.kplan.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.syntax.Parser;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DynamicBlockTest {
  static Body body(String text) {
    return Parser.parseFile(text, "main.kp.hcl").value();
  }

  @Test
  void iteratorNamesAreNotReferencesButForEachAndOuterNamesAre() {
    Body b = body("""
        dynamic "rule" {
          for_each = var.rules
          iterator = r
          labels   = [r.key]
          content {
            port = r.value.port
            zone = local.zone
            dynamic "source" {
              for_each = r.value.sources
              content {
                cidr = "${source.value}/${r.key}"
              }
            }
          }
        }
        """);
    List<String> refs = DynamicBlock.references(b).stream().map(TraversalExpr::root).toList();
    assertEquals(List.of("var", "local"), refs);
  }

  @Test
  void aDynamicBlockNeedsForEachAndOneContentBlock() {
    Block b = (Block) body("""
        dynamic "rule" {
          iterator = r
          extra    = 1
        }
        """).items().get(0);
    List<Diagnostic> diags = new ArrayList<>();
    assertNull(DynamicBlock.parse(b, diags));
    assertEquals(List.of("Unsupported argument", "Missing required argument", "Missing content block"),
        diags.stream().map(Diagnostic::summary).toList());
  }
}
