package dev.kplan.lang.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.BinaryOpExpr;
import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.ConditionalExpr;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.ForExpr;
import dev.kplan.lang.ast.FunctionCallExpr;
import dev.kplan.lang.ast.IndexExpr;
import dev.kplan.lang.ast.LiteralExpr;
import dev.kplan.lang.ast.ObjectExpr;
import dev.kplan.lang.ast.Operation;
import dev.kplan.lang.ast.ParenExpr;
import dev.kplan.lang.ast.RelativeTraversalExpr;
import dev.kplan.lang.ast.SplatExpr;
import dev.kplan.lang.ast.SplatItemExpr;
import dev.kplan.lang.ast.TemplateExpr;
import dev.kplan.lang.ast.TemplatePart;
import dev.kplan.lang.ast.TemplateWrapExpr;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.ast.Traverser;
import dev.kplan.lang.ast.TupleExpr;
import dev.kplan.lang.ast.UnaryOpExpr;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.NullValue;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserTest {
  static final String FILE = "t.hcl";

  static Body file(String text) {
    ParseResult<Body> r = Parser.parseFile(text, FILE);
    assertNoErrors(r.diagnostics());
    return r.value();
  }

  static Expr expr(String text) {
    ParseResult<Expr> r = Parser.parseExpression(text, FILE);
    assertNoErrors(r.diagnostics());
    return r.value();
  }

  static void assertNoErrors(Diagnostics d) {
    assertTrue(d.isEmpty(), () -> "unexpected diagnostics: " + d);
  }

  static void assertRange(String expected, SourceRange r) {
    assertEquals(FILE + ":" + expected, r.toString());
  }

  static Value literal(Expr e) {
    return assertInstanceOf(LiteralExpr.class, e).value();
  }

  static String str(Expr e) {
    return assertInstanceOf(StringValue.class, literal(e)).value();
  }

  static TraversalExpr trav(Expr e) {
    return assertInstanceOf(TraversalExpr.class, e);
  }

  static String path(List<Traverser> steps) {
    StringBuilder sb = new StringBuilder();
    for (Traverser t : steps) {
      if (t instanceof Traverser.GetAttr g) {
        sb.append('.').append(g.name());
      } else if (t instanceof Traverser.Index i) {
        Value k = i.key();
        sb.append('[').append(k instanceof StringValue s ? "\"" + s.value() + "\""
            : ((NumberValue) k).value().toPlainString()).append(']');
      }
    }
    return sb.toString();
  }

  // ---- bodies ----

  @Test
  void parsesAttributesInSourceOrderWithRanges() {
    Body body = file("a = 1\nbee = \"x\"\n");
    assertEquals(List.of("a", "bee"), body.attributes().stream().map(Attribute::name).toList());
    Attribute bee = body.attribute("bee");
    assertRange("2,1-2,4", bee.nameRange());
    assertRange("2,1-2,10", bee.range());
    assertRange("2,7-2,10", bee.expr().range());
    assertEquals(15, bee.range().endOffset());
    assertRange("1,1-3,1", body.range());
  }

  @Test
  void parsesBlocksWithQuotedAndBareLabels() {
    Body body = file("resource \"aws_vpc\" main {\n  cidr = \"10.0.0.0/16\"\n\n  nested {\n    x = 1\n  }\n}\n");
    Block b = body.blocks("resource").get(0);
    assertEquals(List.of("aws_vpc", "main"), b.labels());
    assertRange("1,10-1,19", b.labelRanges().get(0));
    assertRange("1,20-1,24", b.labelRanges().get(1));
    assertRange("1,1-1,9", b.typeRange());
    assertRange("1,25-1,26", b.openBraceRange());
    assertRange("1,1-7,2", b.range());
    assertRange("1,1-1,24", b.definitionRange());
    assertEquals("10.0.0.0/16", str(b.body().attribute("cidr").expr()));
    Block nested = b.body().blocks("nested").get(0);
    assertTrue(nested.labels().isEmpty());
    assertEquals(BigDecimal.ONE, ((NumberValue) literal(nested.body().attribute("x").expr())).value());
  }

  @Test
  void parsesOneLineBlocksWithAtMostOneArgument() {
    Body body = file("a { b = \"foo\" }\nempty {}\nalso_empty {\n}\n");
    assertEquals("foo", str(body.blocks("a").get(0).body().attribute("b").expr()));
    assertTrue(body.blocks("empty").get(0).body().items().isEmpty());
    assertTrue(body.blocks("also_empty").get(0).body().items().isEmpty());
  }

  @Test
  void ignoresHashSlashAndMultiLineComments() {
    Body body = file("# hash\na = 1 # trailing\n// slash\n/* multi\nline */ b = 2 // end\n/**/c=3/* x */\n");
    assertEquals(List.of("a", "b", "c"), body.attributes().stream().map(Attribute::name).toList());
  }

  @Test
  void acceptsInputWithoutFinalNewlineAndWithCrlf() {
    assertEquals(2, file("a = 1\r\nb = {\r\n  c = 2\r\n}").attributes().size());
    assertTrue(file("").items().isEmpty());
    assertTrue(file("\n\n# only a comment").items().isEmpty());
  }

  @Test
  void keywordsAreValidArgumentNames() {
    Body body = file("true = true\nfor = null\nif = false\n");
    assertEquals(Value.bool(true), literal(body.attribute("true").expr()));
    assertInstanceOf(NullValue.class, literal(body.attribute("for").expr()));
    assertEquals(BoolValue.FALSE, literal(body.attribute("if").expr()));
  }

  @Test
  void columnsCountCodePointsAndOffsetsCountChars() {
    Body body = file("a = \"\uD83D\uDE00\u00e9\" # x\nb = 1\n");
    Attribute a = body.attribute("a");
    assertRange("1,5-1,9", a.expr().range());
    assertEquals(4, a.expr().range().startOffset());
    assertEquals(9, a.expr().range().endOffset());
    assertRange("2,5-2,6", body.attribute("b").expr().range());
  }

  // ---- literals ----

  @Test
  void parsesNumbersAsArbitraryPrecisionDecimals() {
    assertEquals(new BigDecimal("1000"), ((NumberValue) literal(expr("1e3"))).value().stripTrailingZeros()
        .setScale(0));
    assertEquals(0, new BigDecimal("0.015").compareTo(((NumberValue) literal(expr("1.5E-2"))).value()));
    assertEquals(0, new BigDecimal("3.14159265358979323846264338327950288419716939937510582097494459")
        .compareTo(((NumberValue) literal(expr("3.14159265358979323846264338327950288419716939937510582097494459")))
            .value()));
  }

  @Test
  void decodesStringEscapes() {
    assertEquals("a\nb\tc\rd\"e\\f\u00e9\uD83D\uDE00", str(expr("\"a\\nb\\tc\\rd\\\"e\\\\f\\u00e9\\U0001F600\"")));
  }

  @Test
  void parsesBoolAndNullKeywords() {
    assertEquals(BoolValue.TRUE, literal(expr("true")));
    assertEquals(BoolValue.FALSE, literal(expr("false")));
    assertInstanceOf(NullValue.class, literal(expr("null")));
  }

  // ---- templates ----

  @Test
  void quotedStringWithoutInterpolationIsStringLiteral() {
    Expr e = expr("\"hello $ % world\"");
    assertEquals("hello $ % world", str(e));
    assertRange("1,1-1,18", e.range());
    assertEquals("", str(expr("\"\"")));
  }

  @Test
  void singleInterpolationBecomesTemplateWrap() {
    TemplateWrapExpr w = assertInstanceOf(TemplateWrapExpr.class, expr("\"${var.x}\""));
    assertEquals("var", trav(w.wrapped()).root());
    assertRange("1,1-1,11", w.range());
  }

  @Test
  void mixedTemplateKeepsLiteralAndInterpolationParts() {
    TemplateExpr t = assertInstanceOf(TemplateExpr.class, expr("\"a-${b}-c\""));
    assertFalse(t.heredoc());
    assertEquals(3, t.parts().size());
    TemplatePart.Literal first = assertInstanceOf(TemplatePart.Literal.class, t.parts().get(0));
    assertEquals("a-", first.text());
    assertRange("1,2-1,4", first.range());
    TemplatePart.Interpolation mid = assertInstanceOf(TemplatePart.Interpolation.class, t.parts().get(1));
    assertRange("1,4-1,8", mid.range());
    assertEquals("b", trav(mid.expr()).root());
    assertEquals("-c", ((TemplatePart.Literal) t.parts().get(2)).text());
  }

  @Test
  void templateIfElseDirectiveNestsParts() {
    TemplateExpr t = assertInstanceOf(TemplateExpr.class, expr("\"x%{ if a }yes%{ else }no%{ endif }\""));
    assertEquals(2, t.parts().size());
    TemplatePart.If i = assertInstanceOf(TemplatePart.If.class, t.parts().get(1));
    assertEquals("a", trav(i.condition()).root());
    assertEquals("yes", ((TemplatePart.Literal) i.then().get(0)).text());
    assertEquals("no", ((TemplatePart.Literal) i.otherwise().get(0)).text());
    assertRange("1,3-1,36", i.range());
  }

  @Test
  void templateForDirectiveBindsKeyAndValue() {
    TemplateExpr t = assertInstanceOf(TemplateExpr.class, expr("\"%{ for k, v in m }${k}=${v};%{ endfor }\""));
    TemplatePart.For f = assertInstanceOf(TemplatePart.For.class, t.parts().get(0));
    assertEquals("k", f.keyVar());
    assertEquals("v", f.valueVar());
    assertEquals("m", trav(f.collection()).root());
    assertEquals(4, f.body().size());
    TemplatePart.For single = (TemplatePart.For) ((TemplateExpr) expr("\"%{for x in xs}${x}%{endfor}\"")).parts().get(0);
    assertNull(single.keyVar());
    assertEquals("x", single.valueVar());
  }

  @Test
  void stripMarkersTrimWhitespaceIncludingNewlines() {
    TemplateExpr t = assertInstanceOf(TemplateExpr.class, expr("\"a \\n ${~ x ~} \\n b\""));
    assertEquals("a", ((TemplatePart.Literal) t.parts().get(0)).text());
    assertEquals("b", ((TemplatePart.Literal) t.parts().get(2)).text());
    TemplateExpr d = assertInstanceOf(TemplateExpr.class, expr("\"[ %{~ if c ~} y %{~ endif ~} ]\""));
    assertEquals("[", ((TemplatePart.Literal) d.parts().get(0)).text());
    TemplatePart.If i = (TemplatePart.If) d.parts().get(1);
    assertEquals("y", ((TemplatePart.Literal) i.then().get(0)).text());
    assertEquals("]", ((TemplatePart.Literal) d.parts().get(2)).text());
  }

  @Test
  void escapedSequencesStayLiteral() {
    assertEquals("${a} %{b} $$ %", str(expr("\"$${a} %%{b} $$ %\"")));
  }

  @Test
  void heredocKeepsIndentationAndEndsWithNewline() {
    Body body = file("x = <<EOT\n  a\n    b\n  EOT\ny = 1\n");
    TemplateExpr t = assertInstanceOf(TemplateExpr.class, body.attribute("x").expr());
    assertTrue(t.heredoc());
    assertEquals("  a\n    b\n", ((TemplatePart.Literal) t.parts().get(0)).text());
    assertRange("1,5-4,6", t.range());
    assertEquals(1, body.attributes().indexOf(body.attribute("y")));
  }

  @Test
  void flushHeredocRemovesSmallestIndentation() {
    Body body = file("x = <<-EOT\n    Foo\n      ${bar}\n\n    Baz\n  EOT\n");
    TemplateExpr t = assertInstanceOf(TemplateExpr.class, body.attribute("x").expr());
    assertEquals("Foo\n  ", ((TemplatePart.Literal) t.parts().get(0)).text());
    assertEquals("bar", trav(((TemplatePart.Interpolation) t.parts().get(1)).expr()).root());
    assertEquals("\n\nBaz\n", ((TemplatePart.Literal) t.parts().get(2)).text());
  }

  @Test
  void heredocSupportsDirectivesWithStripMarkers() {
    Body body = file("x = <<EOT\n%{ for s in xs ~}\n- ${s}\n%{ endfor ~}\nEOT\n");
    TemplateExpr t = assertInstanceOf(TemplateExpr.class, body.attribute("x").expr());
    TemplatePart.For f = assertInstanceOf(TemplatePart.For.class, t.parts().get(0));
    assertEquals("- ", ((TemplatePart.Literal) f.body().get(0)).text());
    assertEquals("\n", ((TemplatePart.Literal) f.body().get(2)).text());
    assertEquals("", ((TemplatePart.Literal) t.parts().get(1)).text());
  }

  @Test
  void parseTemplateReadsTemplateFileText() {
    ParseResult<TemplateExpr> r = Parser.parseTemplate("Hello ${name}!\n%{ if admin }root%{ endif }\n", FILE);
    assertNoErrors(r.diagnostics());
    List<TemplatePart> parts = r.value().parts();
    assertEquals("Hello ", ((TemplatePart.Literal) parts.get(0)).text());
    assertInstanceOf(TemplatePart.If.class, parts.get(3));
    TemplateExpr only = Parser.parseTemplate("${x}", FILE).value();
    assertInstanceOf(TemplatePart.Interpolation.class, only.parts().get(0));
    assertEquals("EOT\n", ((TemplatePart.Literal) Parser.parseTemplate("EOT\n", FILE).value().parts().get(0)).text());
  }

  // ---- collections ----

  @Test
  void tupleAllowsNewlinesAndTrailingComma() {
    TupleExpr t = assertInstanceOf(TupleExpr.class, expr("[\n  1,\n  \"two\",\n  [3],\n]"));
    assertEquals(3, t.elements().size());
    assertRange("1,1-5,2", t.range());
    assertTrue(assertInstanceOf(TupleExpr.class, expr("[]")).elements().isEmpty());
  }

  @Test
  void objectItemsSeparatedByCommasOrNewlines() {
    ObjectExpr o = assertInstanceOf(ObjectExpr.class, expr("{\n  a = 1, b = 2,\n\n  c : 3\n  d = 4\n}"));
    assertEquals(List.of("a", "b", "c", "d"), o.items().stream().map(i -> str(i.key())).toList());
    assertRange("2,3-2,8", o.items().get(0).range());
    assertTrue(assertInstanceOf(ObjectExpr.class, expr("{}")).items().isEmpty());
  }

  @Test
  void objectKeysMayBeBareQuotedOrParenthesised() {
    ObjectExpr o = assertInstanceOf(ObjectExpr.class, expr("{ name = 1, \"quoted key\" = 2, (var.k) = 3, null = 4 }"));
    assertEquals("name", str(o.items().get(0).key()));
    assertEquals("quoted key", str(o.items().get(1).key()));
    ParenExpr p = assertInstanceOf(ParenExpr.class, o.items().get(2).key());
    assertEquals("var", trav(p.inner()).root());
    assertEquals("null", str(o.items().get(3).key()));
  }

  @Test
  void nakedTraversalAsObjectKeyIsAmbiguous() {
    ParseResult<Expr> r = Parser.parseExpression("{ foo.bar = 1 }", FILE);
    assertEquals("Ambiguous attribute key", r.diagnostics().items().get(0).summary());
    assertRange("1,3-1,10", r.diagnostics().items().get(0).subject());
  }

  // ---- traversals ----

  @Test
  void traversalsCollectStaticSteps() {
    TraversalExpr t = trav(expr("data.aws_ami.ubuntu.id"));
    assertEquals("data", t.root());
    assertEquals(".aws_ami.ubuntu.id", path(t.steps()));
    assertRange("1,1-1,5", t.rootRange());
    assertRange("1,1-1,23", t.range());
    assertRange("1,20-1,23", t.steps().get(2).range());
    assertEquals(".m.out", path(trav(expr("module.m.out")).steps()));
    assertEquals(".index", path(trav(expr("count.index")).steps()));
  }

  @Test
  void literalIndexesAndLegacyDotIndexStayStatic() {
    TraversalExpr t = trav(expr("local.list[0][\"k\"].x.1"));
    assertEquals(".list[0][\"k\"].x[1]", path(t.steps()));
    assertRange("1,11-1,14", t.steps().get(1).range());
  }

  @Test
  void dynamicIndexBecomesIndexExpr() {
    assertInstanceOf(IndexExpr.class,
        assertInstanceOf(RelativeTraversalExpr.class, expr("var.m[each.key].id")).source());
    IndexExpr i = assertInstanceOf(IndexExpr.class, expr("var.m[each.key]"));
    assertEquals(".m", path(trav(i.collection()).steps()));
    assertEquals(".key", path(trav(i.key()).steps()));
    assertRange("1,1-1,16", i.range());
  }

  @Test
  void stepsAfterNonNameSourceFormRelativeTraversal() {
    RelativeTraversalExpr r = assertInstanceOf(RelativeTraversalExpr.class, expr("f(x).a[1]"));
    assertInstanceOf(FunctionCallExpr.class, r.source());
    assertEquals(".a[1]", path(r.steps()));
    assertRange("1,1-1,10", r.range());
  }

  @Test
  void fullSplatAbsorbsFollowingAttributeAndIndexSteps() {
    SplatExpr s = assertInstanceOf(SplatExpr.class, expr("aws_instance.web[*].tags[\"Name\"]"));
    assertTrue(s.full());
    assertEquals(".web", path(trav(s.source()).steps()));
    RelativeTraversalExpr each = assertInstanceOf(RelativeTraversalExpr.class, s.each());
    assertInstanceOf(SplatItemExpr.class, each.source());
    assertEquals(".tags[\"Name\"]", path(each.steps()));
    assertRange("1,1-1,33", s.range());
    SplatExpr bare = assertInstanceOf(SplatExpr.class, expr("xs[*]"));
    assertInstanceOf(SplatItemExpr.class, bare.each());
  }

  @Test
  void attributeSplatAbsorbsOnlyAttributeSteps() {
    RelativeTraversalExpr r = assertInstanceOf(RelativeTraversalExpr.class, expr("xs.*.a.b[0]"));
    SplatExpr s = assertInstanceOf(SplatExpr.class, r.source());
    assertFalse(s.full());
    assertEquals(".a.b", path(((RelativeTraversalExpr) s.each()).steps()));
    assertEquals("[0]", path(r.steps()));
  }

  @Test
  void chainedLegacyIndexIsAnError() {
    ParseResult<Expr> r = Parser.parseExpression("a.0.1", FILE);
    assertEquals("Invalid legacy index syntax", r.diagnostics().items().get(0).summary());
    assertRange("1,3-1,6", r.diagnostics().items().get(0).subject());
  }

  // ---- operators ----

  static String shape(Expr e) {
    if (e instanceof BinaryOpExpr b) {
      return "(" + shape(b.lhs()) + " " + b.op().token() + " " + shape(b.rhs()) + ")";
    }
    if (e instanceof UnaryOpExpr u) {
      return "(" + u.op().token() + shape(u.operand()) + ")";
    }
    if (e instanceof ConditionalExpr c) {
      return "(" + shape(c.condition()) + " ? " + shape(c.whenTrue()) + " : " + shape(c.whenFalse()) + ")";
    }
    if (e instanceof TraversalExpr t) {
      return t.root() + path(t.steps());
    }
    if (e instanceof LiteralExpr l && l.value() instanceof NumberValue n) {
      return n.value().toPlainString();
    }
    if (e instanceof ParenExpr p) {
      return shape(p.inner());
    }
    return e.getClass().getSimpleName();
  }

  @Test
  void binaryOperatorsFollowHclPrecedence() {
    assertEquals("(a || (b && (c == (d < (e + (f * g))))))", shape(expr("a || b && c == d < e + f * g")));
    assertEquals("((((((a * b) + c) > d) != e) && f) || g)", shape(expr("a * b + c > d != e && f || g")));
    assertEquals("((a % b) - (c / d))", shape(expr("a % b - c / d")));
  }

  @Test
  void sameLevelOperatorsAssociateLeft() {
    assertEquals("((a - b) - c)", shape(expr("a - b - c")));
    assertEquals("((a <= b) >= c)", shape(expr("a <= b >= c")));
  }

  @Test
  void unaryOperatorsBindTighterThanBinary() {
    assertEquals("((-a) * b)", shape(expr("-a * b")));
    assertEquals("((!a) == b)", shape(expr("!a == b")));
    assertEquals("(-(-1))", shape(expr("- -1")));
    assertEquals("(-a.b)", shape(expr("-a.b")));
    UnaryOpExpr u = assertInstanceOf(UnaryOpExpr.class, expr("!x"));
    assertEquals(Operation.NOT, u.op());
    assertRange("1,1-1,3", u.range());
  }

  @Test
  void conditionalIsRightAssociativeAndLowestPrecedence() {
    assertEquals("((a || b) ? (c + 1) : (d ? e : f))", shape(expr("a || b ? c + 1 : d ? e : f")));
    assertRange("1,1-1,10", expr("a ? b : c").range());
  }

  @Test
  void newlinesAreIgnoredInsideParenthesesAndBrackets() {
    Body body = file("x = (\n  1 +\n  2\n)\ny = f(\n  a,\n  b\n)\nz = [\n  1\n  ,2]\n");
    assertEquals("(1 + 2)", shape(body.attribute("x").expr()));
    assertEquals(2, ((FunctionCallExpr) body.attribute("y").expr()).args().size());
    assertEquals(2, ((TupleExpr) body.attribute("z").expr()).elements().size());
  }

  // ---- for expressions ----

  @Test
  void forTupleWithCondition() {
    ForExpr f = assertInstanceOf(ForExpr.class, expr("[for i, x in xs : x.id if i > 0]"));
    assertFalse(f.isObjectForm());
    assertEquals("i", f.keyVar());
    assertEquals("x", f.valueVar());
    assertEquals("xs", trav(f.collection()).root());
    assertEquals("x.id", shape(f.valueExpr()));
    assertEquals("(i > 0)", shape(f.condition()));
    assertRange("1,1-1,33", f.range());
  }

  @Test
  void forObjectWithGroupingAcrossLines() {
    ForExpr f = assertInstanceOf(ForExpr.class, expr("{\n  for k, v in m :\n  v => k...\n  if k != \"\"\n}"));
    assertTrue(f.isObjectForm());
    assertTrue(f.grouped());
    assertEquals("v", shape(f.keyExpr()));
    assertEquals("k", shape(f.valueExpr()));
    assertNull(assertInstanceOf(ForExpr.class, expr("{for v in m : v => v}")).keyVar());
  }

  @Test
  void forTupleWithKeyIsAnError() {
    ParseResult<Expr> r = Parser.parseExpression("[for x in xs : x => x]", FILE);
    assertEquals("Key expression is not valid when building a tuple.", r.diagnostics().items().get(0).detail());
    ParseResult<Expr> o = Parser.parseExpression("{for x in xs : x}", FILE);
    assertEquals("Key expression is required when building an object.", o.diagnostics().items().get(0).detail());
  }

  // ---- function calls ----

  @Test
  void functionCallWithArgumentExpansion() {
    FunctionCallExpr f = assertInstanceOf(FunctionCallExpr.class, expr("concat(a, [1], b...)"));
    assertEquals("concat", f.name());
    assertEquals(3, f.args().size());
    assertTrue(f.expandFinal());
    assertRange("1,1-1,7", f.nameRange());
    assertRange("1,1-1,21", f.range());
    FunctionCallExpr g = assertInstanceOf(FunctionCallExpr.class, expr("f(1,)"));
    assertFalse(g.expandFinal());
    assertEquals(1, g.args().size());
    assertTrue(assertInstanceOf(FunctionCallExpr.class, expr("timestamp()")).args().isEmpty());
  }

  @Test
  void providerNamespacedFunctionKeepsItsNamespace() {
    FunctionCallExpr f = assertInstanceOf(FunctionCallExpr.class, expr("provider::kubernetes::manifest_decode(x)"));
    assertEquals("provider::kubernetes::manifest_decode", f.name());
    assertRange("1,1-1,38", f.nameRange());
  }
}
