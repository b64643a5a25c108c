package dev.kplan.lang.ast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.syntax.ParseResult;
import dev.kplan.lang.syntax.Parser;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencesTest {
  static List<String> refs(String text) {
    ParseResult<Expr> r = Parser.parseExpression(text, "r.hcl");
    assertTrue(r.diagnostics().isEmpty(), r.diagnostics()::toString);
    return References.of(r.value()).stream().map(ReferencesTest::text).toList();
  }

  static String text(TraversalExpr t) {
    StringBuilder sb = new StringBuilder(t.root());
    for (Traverser s : t.steps()) {
      if (s instanceof Traverser.GetAttr g) {
        sb.append('.').append(g.name());
      } else {
        sb.append('[').append(((Traverser.Index) s).key() instanceof dev.kplan.lang.value.StringValue sv
            ? "\"" + sv.value() + "\"" : ((dev.kplan.lang.value.NumberValue) ((Traverser.Index) s).key()).value())
            .append(']');
      }
    }
    return sb.toString();
  }

  @Test
  void findsTraversalsInSourceOrderWithTheirStaticSteps() {
    assertEquals(List.of("var.a", "local.b[0]", "aws_vpc.main.id", "data.x.y.z[\"k\"]", "module.m.out"),
        refs("var.a + local.b[0] * length(aws_vpc.main.id) > 0 ? data.x.y.z[\"k\"] : module.m.out"));
  }

  @Test
  void literalsHaveNoReferences() {
    assertEquals(List.of(), refs("[1, \"two\", true, null, { a = 1 }]"));
  }

  @Test
  void lookInsideTemplatesCollectionsAndIndexes() {
    assertEquals(List.of("var.name", "each.key", "count.index", "path.module", "var.m", "var.k"),
        refs("{ x = \"${var.name}-%{ if each.key != \"\" }${count.index}%{ endif }\", (path.module) = var.m[var.k] }"));
  }

  @Test
  void splatSourcesAreReferencesButTheirItemsAreNot() {
    assertEquals(List.of("aws_instance.web", "var.list"), refs("concat(aws_instance.web[*].id, var.list.*.name)"));
  }

  @Test
  void forExpressionNamesAreNotReferences() {
    assertEquals(List.of("var.items", "var.prefix", "local.enabled"),
        refs("{ for k, v in var.items : \"${var.prefix}${k}\" => v.id if v.on && local.enabled }"));
    assertEquals(List.of("var.xs", "x"), refs("[for i in var.xs : [for j in i : j]][0] == x"));
  }

  @Test
  void templateForDirectiveNamesAreNotReferences() {
    assertEquals(List.of("var.users", "var.suffix"),
        refs("\"%{ for i, u in var.users }${i}:${u.name}${var.suffix}%{ endfor }\""));
  }

  @Test
  void relativeTraversalsReferToTheirSource() {
    assertEquals(List.of("var.a"), refs("tolist(var.a)[0].name"));
  }

  @Test
  void collectsReferencesOfAWholeBody() {
    ParseResult<Body> r = Parser.parseFile("a = var.x\nblock {\n  b = local.y\n  inner { c = data.d.e.f }\n}\n", "r.hcl");
    assertEquals(List.of("var.x", "local.y", "data.d.e.f"), References.of(r.value()).stream().map(ReferencesTest::text)
        .toList());
  }
}
