package dev.kplan.lang.functions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Go's RE2 syntax and matching rules on top of java.util.regex. */
class GoRegexTest {

  private static String replace(String pattern, String s, String template) throws Exception {
    return GoRegex.compile(pattern).replaceAll(s, template);
  }

  private static GoRegex.SyntaxError rejects(String pattern) {
    return assertThrows(GoRegex.SyntaxError.class, () -> GoRegex.compile(pattern));
  }

  @Test
  void dollarIsTheEndOfTextUnlessMultiLine() throws Exception {
    assertNull(GoRegex.compile("a$").find("a\n"));
    assertEquals(">a\n>b\n>", replace("(?m)^", "a\nb\n", ">"));
    assertEquals("a<\nb<\n<", replace("(?m)$", "a\nb\n", "<"));
  }

  @Test
  void dotStopsOnlyAtNewline() throws Exception {
    assertEquals("--\n-", replace(".", "a\r\nb", "-"));
    assertEquals("---", replace("(?s).", "a\nb", "-"));
  }

  @Test
  void perlAndPosixClassesAreAscii() throws Exception {
    assertEquals("αβγ", replace("\\w", "αβγ", "x"));
    assertEquals("a_b_c\u000bd", replace("\\s", "a b\tc\u000bd", "_"));
    assertEquals("a_b_c_d", replace("[[:space:]]", "a b\tc\u000bd", "_"));
  }

  @Test
  void wordBoundaryIgnoresNonAsciiLetters() throws Exception {
    assertEquals("é", replace("\\b", "é", "|"));
    assertEquals("|a| é", replace("\\b", "a é", "|"));
  }

  @Test
  void namedGroupsTakeBothSpellingsAndAnyAsciiWordName() throws Exception {
    GoRegex re = GoRegex.compile("(?P<first_1>a)(?<2nd>b)(c)");
    assertEquals(List.of("", "first_1", "2nd", ""), re.groupNames());
    assertEquals("b-a", re.replaceAll("abc", "${2nd}-$first_1"));
  }

  @Test
  void expandsTemplatesAsGoDoes() throws Exception {
    // "$1x" names a group "1x", which does not exist
    assertEquals("", replace("(b)", "b", "$1x"));
    assertEquals("bx", replace("(b)", "b", "${1}x"));
    assertEquals("$", replace("b", "b", "$$"));
    assertEquals("$", replace("b", "b", "$"));
    assertEquals("${", replace("b", "b", "${"));
  }

  @Test
  void ungreedyFlagSwapsLaziness() throws Exception {
    assertEquals("xxx", replace("(?U)a+", "aaa", "x"));
    assertEquals("x", replace("(?U)a+?", "aaa", "x"));
  }

  @Test
  void braceThatIsNotARepeatIsALiteral() throws Exception {
    assertEquals("y", replace("x{", "x{", "y"));
    assertEquals("-", replace("a{,2}", "a{,2}", "-"));
    assertEquals("-", replace("a{01}", "a{01}", "-"));
    assertEquals("-a", replace("a{2}", "aaa", "-"));
  }

  @Test
  void escapesCountOctalAndHex() throws Exception {
    assertEquals("-b", replace("\\141", "ab", "-"));
    assertEquals("a-", replace("\\x{62}", "ab", "-"));
    assertEquals("a-b", replace("\\0", "a\u0000b", "-"));
  }

  @Test
  void classesTreatJavaMetacharactersLiterally() throws Exception {
    assertEquals("a-b", replace("[&&]", "a&b", "-"));
    assertEquals("a-b", replace("[[]", "a[b", "-"));
    assertEquals("a-b", replace("[]]", "a]b", "-"));
  }

  @Test
  void emptyMatchesRightAfterAMatchAreSkipped() throws Exception {
    List<int[]> all = GoRegex.compile("a*").findAll("baaac");
    assertEquals(3, all.size());
    assertArrayEquals(new int[] {0, 0}, all.get(0));
    assertArrayEquals(new int[] {1, 4}, all.get(1));
    assertArrayEquals(new int[] {5, 5}, all.get(2));
    assertEquals("-b-c-", replace("a*", "baaac", "-"));
    assertEquals("-日-本-", replace("", "日本", "-"));
  }

  @Test
  void unicodeClassNamesAreCaseInsensitiveAndTakeAliases() throws Exception {
    assertEquals("-a", replace("\\p{greek}", "Ωa", "-"));
    assertEquals("--1", replace("\\p{Letter}", "Ωa1", "-"));
    assertEquals("a-", replace("\\pn", "a1", "-"));
    assertEquals("invalid character class range", rejects("\\p{Old_Italic}").code());
  }

  @Test
  void rejectsWhatGoRejectsWithGosCodes() {
    assertEquals("invalid escape sequence", rejects("a\\1").code());
    assertEquals("\\1", rejects("a\\1").expr());
    assertEquals("invalid or unsupported Perl syntax", rejects("a(?=b)").code());
    assertEquals("(?=", rejects("a(?=b)").expr());
    assertEquals("invalid named capture", rejects("(?<=a)b").code());
    assertEquals("invalid nested repetition operator", rejects("a**").code());
    assertEquals("**", rejects("a**").expr());
    assertEquals("missing argument to repetition operator", rejects("*a").code());
    assertEquals("invalid repeat count", rejects("a{1001}").code());
    assertEquals("{600}", rejects("(a{2}){600}").expr());
    assertEquals("missing closing )", rejects("(a").code());
    assertEquals("unexpected )", rejects("a)").code());
    assertEquals("missing closing ]", rejects("[a").code());
    assertEquals("invalid character class range", rejects("[z-a]").code());
    assertEquals("z-a", rejects("[z-a]").expr());
    assertEquals("trailing backslash at end of expression", rejects("\\").code());
    assertEquals("invalid escape sequence", rejects("\\Z").code());
    assertEquals("error parsing regexp: missing closing ): `(`", rejects("(").getMessage());
  }

  @Test
  void capturesFollowGoAcrossLoopsAndFailedOptionalGroups() throws Exception {
    GoRegex loop = GoRegex.compile("(a{0,2})*");
    int[] m = loop.find("aaaaabb");
    assertEquals("a", "aaaaabb".substring(m[2], m[3]));
    assertArrayEquals(new int[] {0, 0, -1, -1, -1, -1}, GoRegex.compile("((.){2})?").find("b"));
    int[] alt = GoRegex.compile("((a?|.+c)*)?").find("abababc");
    assertArrayEquals(new int[] {0, 7, 0, 7, 1, 7}, alt);
  }

  /** Inputs that make a backtracking engine run for hours; the timeout only catches such a hang. */
  @Test
  @org.junit.jupiter.api.Timeout(120)
  void matchesInputsThatWouldMakeABacktrackingEngineHang() throws Exception {
    assertNull(GoRegex.compile("(a*)*b").find("a".repeat(5_000)));
    String s = "ab".repeat(25_000);
    assertEquals("", replace("(?:a|b)*", s, ""));
    assertArrayEquals(new int[] {0, s.length(), s.length() - 1, s.length()}, GoRegex.compile("(a|b)*").find(s));
  }

  @Test
  void caseFoldingUsesGosSimpleFoldingOrbits() throws Exception {
    assertEquals("--\u0130\u0131", replace("(?i)i", "iI\u0130\u0131", "-"));
    assertEquals("--", replace("(?i)k", "\u212aK", "-"));
    assertEquals("k\u212a", replace("(?i)\\W", "k\u212a", "-"));
  }
}
