package dev.kplan.lang.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.ast.Traverser;
import org.junit.jupiter.api.Test;

/** The streaming first stage of a file parse, and the pieces it is built from. */
class StreamingParseTest {
  private static void assertSameAsSecondStage(String text) {
    ParseResult<Body> first = Parser.parseFile(text, "s.kp.hcl");
    ParseResult<Body> second = Parser.parseFileSecondStageOnly(text, "s.kp.hcl");
    assertEquals(second.diagnostics(), first.diagnostics());
    assertEquals(second.value(), first.value());
  }

  @Test
  void textWithSurrogatePairsCommentsAndHeredocsParsesAsTheSecondStageDoes() {
    assertSameAsSecondStage("""
        # a comment 😀
        a = "😀 ${var.x} é" // trailing
        b = <<-EOT
          line 😀 ${upper("x")}
          %{ for p in [1, 2] ~}
          p=${p}
          %{ endfor ~}
        EOT
        c = { for k, v in var.m : k => v if v != null }
        """);
  }

  @Test
  void invalidCharactersAndSyntaxErrorsAreReportedAsBefore() {
    assertSameAsSecondStage("a = 1\nb = §\nc = [1,\n");
    assertSameAsSecondStage("a = \"unterminated\nb = 2\n");
    assertTrue(Parser.parseFile("a = (1\n", "s.kp.hcl").hasErrors());
  }

  @Test
  void repeatedNamesShareOneString() {
    Body body = Parser.parseFile("first = var.region\nsecond = var.region\n", "s.kp.hcl").value();
    TraversalExpr a = (TraversalExpr) ((Attribute) body.items().get(0)).expr();
    TraversalExpr b = (TraversalExpr) ((Attribute) body.items().get(1)).expr();
    assertSame(a.root(), b.root());
    assertSame(((Traverser.GetAttr) a.steps().get(0)).name(), ((Traverser.GetAttr) b.steps().get(0)).name());
  }

  @Test
  void namePoolKeepsOneCopyOfEachTextAcrossGrowth() {
    NamePool pool = new NamePool();
    String source = "xx app-00001 yy";
    String first = pool.intern(source, 3, 12);
    for (int i = 0; i < 5000; i++) {
      pool.intern(String.format("app-%05d", i));
    }
    assertEquals("app-00001", first);
    assertSame(first, pool.intern("app-00001"));
    assertSame(first, pool.intern(source, 3, 12));
  }

  @Test
  void childListHoldsChildrenInOrderThroughAddAndRemove() {
    ChildList list = new ChildList();
    HclParser.BodyContext[] kids = new HclParser.BodyContext[7];
    for (int i = 0; i < kids.length; i++) {
      kids[i] = new HclParser.BodyContext(null, 0);
      list.add(kids[i]);
    }
    assertEquals(7, list.size());
    assertSame(kids[6], list.remove(6));
    assertSame(kids[1], list.remove(1));
    assertEquals(java.util.List.of(kids[0], kids[2], kids[3], kids[4], kids[5]), list);
    list.clear();
    assertTrue(list.isEmpty());
  }

  @Test
  void stringCharStreamReadsLikeAntlrsCodePointStream() {
    String text = "ab\ncd";
    StringCharStream s = new StringCharStream(text, "f");
    org.antlr.v4.runtime.CharStream reference = org.antlr.v4.runtime.CharStreams.fromString(text, "f");
    for (int i = 0; i <= text.length(); i++) {
      for (int k : new int[] {-1, 1, 2}) {
        assertEquals(reference.LA(k), s.LA(k), "LA(" + k + ") at " + i);
      }
      if (i < text.length()) {
        s.consume();
        reference.consume();
      }
    }
    assertEquals(reference.getText(org.antlr.v4.runtime.misc.Interval.of(1, 3)),
        s.getText(org.antlr.v4.runtime.misc.Interval.of(1, 3)));
    s.seek(0);
    assertEquals('a', s.LA(1));
    assertFalse(s.getSourceName().isEmpty());
  }
}
