package dev.kplan.lang.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.LiteralExpr;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.UnknownValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParserErrorsTest {
  static final String FILE = "t.hcl";

  static Diagnostics fileErrors(String text) {
    return Parser.parseFile(text, FILE).diagnostics();
  }

  static List<String> summaries(Diagnostics d) {
    return d.items().stream().map(Diagnostic::summary).toList();
  }

  static Diagnostic only(Diagnostics d) {
    assertEquals(1, d.size(), d::toString);
    return d.items().get(0);
  }

  static void assertSubject(String expected, Diagnostic d) {
    assertEquals(FILE + ":" + expected, d.subject().toString());
  }

  @Test
  void reportsEveryIndependentErrorAndKeepsTheValidItems() {
    ParseResult<Body> r = Parser.parseFile(
        "a = 1 +\nb = 2\nc = [1 2]\nblock {\n  d = (3\n  e = 4\n}\nf = \"ok\"\ng = }\nh = 5\n", FILE);
    assertEquals(List.of("Invalid expression", "Missing item separator", "Unbalanced parentheses",
        "Invalid expression"), summaries(r.diagnostics()));
    Body body = r.value();
    assertEquals(List.of("a", "b", "c", "f", "g", "h"), body.attributes().stream().map(a -> a.name()).toList());
    assertEquals(1, body.blocks("block").size());
    assertInstanceOf(UnknownValue.class, ((LiteralExpr) body.attribute("a").expr()).value());
  }

  @Test
  void errorsInNestedBlocksDoNotHideLaterBlocks() {
    ParseResult<Body> r = Parser.parseFile(
        "outer {\n  inner {\n    x = = 1\n  }\n  y = 2\n}\nnext {\n  z = 3 4\n}\nlast {}\n", FILE);
    assertEquals(List.of("Invalid expression", "Missing newline after argument"), summaries(r.diagnostics()));
    assertSubject("3,9-3,10", r.diagnostics().items().get(0));
    assertSubject("8,9-8,10", r.diagnostics().items().get(1));
    assertEquals(List.of("outer", "next", "last"), r.value().blocks().stream().map(b -> b.type()).toList());
    assertEquals(2, r.value().blocks("outer").get(0).body().items().size());
  }

  @Test
  void unclosedBlockPointsAtItsOpeningBrace() {
    Diagnostic d = only(fileErrors("a {\n  b {\n    c = 1\n  }\n"));
    assertEquals("Unclosed configuration block", d.summary());
    assertSubject("1,3-1,4", d);
  }

  @Test
  void commaBetweenArgumentsIsReportedOnTheComma() {
    Diagnostic d = only(fileErrors("a = \"a value\", b = \"b value\"\n"));
    assertEquals("Unexpected comma after argument", d.summary());
    assertSubject("1,14-1,15", d);
    assertEquals("t.hcl:1,1-1,15", d.context().toString());
  }

  @Test
  void argumentWithoutEqualsSignNeedsOne() {
    Diagnostic d = only(fileErrors("name\n"));
    assertEquals("Argument or block definition required", d.summary());
    assertTrue(d.detail().contains("use the equals sign"), d.detail());
    assertSubject("1,1-1,5", d);
  }

  @Test
  void blockHeaderProblems() {
    assertEquals("Invalid block definition", only(fileErrors("resource \"a\"\n{\n}\n")).summary());
    Diagnostic label = only(fileErrors("resource \"a-${x}\" {}\n"));
    assertEquals("Invalid string literal", label.summary());
    assertSubject("1,13-1,15", label);
  }

  @Test
  void invalidCharactersAreReportedEachTime() {
    Diagnostics d = fileErrors("a = 1 ; b = 2\nc = `x`\n");
    assertEquals(List.of("Invalid character", "Invalid character", "Invalid character"), summaries(d));
    assertSubject("1,7-1,8", d.items().get(0));
  }

  @Test
  void stringProblems() {
    assertEquals("Invalid multi-line string", only(fileErrors("a = \"abc\nb = 1\n")).summary());
    Diagnostic esc = only(fileErrors("a = \"\\u12\"\n"));
    assertEquals("The \\u escape sequence must be followed by four hexadecimal digits.", esc.detail());
    assertSubject("1,6-1,10", esc);
    assertEquals("Unterminated template string", only(fileErrors("a = \"abc")).summary());
    assertEquals("Unterminated comment", only(fileErrors("a = 1 /* no end\n")).summary());
  }

  @Test
  void templateDirectiveProblems() {
    assertEquals("Unexpected endif directive", only(fileErrors("a = \"x%{ endif }\"\n")).summary());
    Diagnostic wrong = only(fileErrors("a = \"%{ if c }x%{ endfor }\"\n"));
    assertEquals("Unexpected endfor directive", wrong.summary());
    assertTrue(wrong.detail().startsWith("Expecting an endif directive for the if started at t.hcl:1,6-"), wrong.detail());
    Diagnostic keyword = only(fileErrors("a = \"%{ iff c }x%{ endif }\"\n"));
    assertEquals("Invalid template control keyword", keyword.summary());
    assertEquals("\"iff\" is not a valid template control keyword. Did you mean \"if\"?", keyword.detail());
    assertEquals("Unexpected end of template", only(Parser.parseTemplate("%{ for x in xs }x", FILE).diagnostics())
        .summary());
  }

  @Test
  void unterminatedConstructsAtEndOfFile() {
    assertEquals("Unterminated function call", only(fileErrors("a = f(1, 2")).summary());
    assertEquals("Unterminated tuple constructor expression", only(fileErrors("a = [1, 2")).summary());
    assertEquals("Unterminated object constructor expression", only(fileErrors("a = {\n  b = 1\n")).summary());
    // The quote inside the interpolation opens a new string, which then runs into the newline.
    assertTrue(summaries(fileErrors("a = \"${x\"\n")).contains("Unclosed template interpolation sequence"));
  }

  @Test
  void objectConstructorProblems() {
    Diagnostic sep = only(fileErrors("a = {\n  b = 1 c = 2\n}\n"));
    assertEquals("Missing attribute separator", sep.summary());
    assertSubject("2,9-2,10", sep);
    assertEquals("Missing key/value separator", only(fileErrors("a = { b 1 }\n")).summary());
    assertEquals("Missing attribute value", only(fileErrors("a = { b,\n}\n")).summary());
  }

  @Test
  void traversalProblems() {
    assertEquals("Invalid attribute name", only(fileErrors("a = var.\n")).summary());
    assertEquals("Nested splat expression not allowed", only(fileErrors("a = xs.*.*\n")).summary());
    assertEquals("Missing close bracket on index", only(fileErrors("a = xs[1 2]\n")).summary());
  }

  @Test
  void forExpressionProblems() {
    assertEquals("For expression requires the 'in' keyword after its name declarations.",
        only(fileErrors("a = [for x of xs : x]\n")).detail());
    assertEquals("Extra characters after the end of the 'for' expression.",
        only(fileErrors("a = [for x in xs : x y]\n")).detail());
  }

  @Test
  void repeatedArgumentIsRedefined() {
    Diagnostic d = only(fileErrors("a = 1\nb = 2\na = 3\n"));
    assertEquals("Attribute redefined", d.summary());
    assertEquals("The argument \"a\" was already set at t.hcl:1,1-2. Each argument may be set only once.", d.detail());
    assertSubject("3,1-3,2", d);
  }

  @Test
  void expressionParseRejectsTrailingTokens() {
    ParseResult<Expr> r = Parser.parseExpression("1 + 2 3", FILE);
    assertEquals("Extra characters after expression", only(r.diagnostics()).summary());
    assertEquals("Missing expression", only(Parser.parseExpression("", FILE).diagnostics()).summary());
  }
}
