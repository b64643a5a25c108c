package dev.kplan.lang.functions;

import static dev.kplan.lang.functions.TestingStringCalls.num;
import static dev.kplan.lang.functions.TestingStringCalls.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** go-cty's format verbs, with Go's fmt for numbers. */
class GoFormatTest {

  private static String format(String f, Value... args) throws FunctionException {
    return GoFormat.format(f, List.of(args));
  }

  private static FunctionException fails(String f, Value... args) {
    return assertThrows(FunctionException.class, () -> format(f, args));
  }

  @Test
  void padsStringsByGraphemeClustersAndTruncatesOnlyForPositivePrecision() throws FunctionException {
    assertEquals("   ab|ab   |000ab", format("%5s|%-5s|%05s", str("ab"), str("ab"), str("ab")));
    assertEquals("  日本語|", format("%5s|", str("日本語")));
    assertEquals("hé", format("%.2s", str("héllo")));
    assertEquals("abc", format("%.0s", str("abc")));
    assertEquals("\"\\u003c\"", format("%q", str("<")));
  }

  @Test
  void formatsIntegersAsGoFormatsBigInt() throws FunctionException {
    assertEquals("ff FF 10 101", format("%x %X %o %b", num(255), num(255), num(8), num(5)));
    assertEquals("0xff 0XFF 010 0b101", format("%#x %#X %#o %#b", num(255), num(255), num(8), num(5)));
    assertEquals("+5  5 -5", format("%+d % d %+d", num(5), num(5), num(-5)));
    assertEquals("-0000042|42      |  -00042|", format("%08d|%-08d|%8.5d|", num(-42), num(42), num(-42)));
    assertEquals("", format("%.0d", num(0)));
    assertEquals("12345678901234567890123", format("%d", num("12345678901234567890123")));
  }

  @Test
  void formatsFloatsAsGoFormatsBigFloat() throws FunctionException {
    assertEquals("1.234568e+05", format("%e", num("123456.789")));
    assertEquals("1.23e+03", format("%.3g", num("1234.5678")));
    assertEquals("-003.142", format("%08.3f", num("-3.14159")));
    assertEquals("1e+21 1e-05 1E-07", format("%g %g %G", num("1e21"), num("0.00001"), num("1e-7")));
    assertEquals("0.000000e+00 0", format("%e %g", num(0), num(0)));
  }

  @Test
  void roundsTheBinaryValueCtyHoldsNotTheDecimalLiteral() throws FunctionException {
    // 2.675 is 2.67499999… as a 512-bit float, 0.125 is exact and ties to even
    assertEquals("2.67", format("%.2f", num("2.675")));
    assertEquals("0.12 2 4", format("%.2f %.0f %.0f", num("0.125"), num("2.5"), num("3.5")));
  }

  @Test
  void vUsesShortestFormsAndJsonForEverythingElse() throws FunctionException {
    assertEquals("1e+06 123456 0.0001 1e-05", format("%v %v %v %v", num(1000000), num(123456), num("0.0001"), num("0.00001")));
    assertEquals("[1,\"a\",true]", format("%v", Value.tuple(List.of(num(1), str("a"), Value.bool(true)))));
    assertEquals("null", format("%v", Value.nullOf(Type.DYNAMIC)));
    assertEquals("\"x\"", format("%#v", str("x")));
  }

  @Test
  void explicitArgumentIndexesMoveTheNextArgument() throws FunctionException {
    assertEquals("b a", format("%[2]s %[1]s", str("a"), str("b")));
    assertEquals("b c", format("%[2]s %s", str("a"), str("b"), str("c")));
  }

  @Test
  void reportsArgumentCountErrorsAsCtyWordsThem() {
    assertEquals("not enough arguments for \"%[3]s\" at 0: need index 3 but have 1 total",
        fails("%[3]s", str("a")).getMessage());
    FunctionException none = fails("hello", str("x"));
    assertEquals(1, none.argIndex());
    assertEquals("too many arguments; no verbs in format string", none.getMessage());
    FunctionException some = fails("%s", str("a"), str("b"));
    assertEquals(2, some.argIndex());
    assertEquals("too many arguments; only 1 used by format string", some.getMessage());
  }

  @Test
  void reportsBadFormatStringsWithByteOffsets() {
    assertEquals("unrecognized format character '*' at offset 1", fails("%*d", num(1)).getMessage());
    assertEquals("unrecognized format character 'é' at offset 3", fails("é%é", num(1)).getMessage());
    assertEquals("invalid format string starting at offset 4", fails("abc%").getMessage());
    assertEquals("unsupported format verb 'y' in \"%y\" at offset 0", fails("%y", num(1)).getMessage());
  }

  @Test
  void reportsValuesTheVerbCannotTake() {
    assertEquals("unsupported value for \"%d\" at 0: an integer is required", fails("%d", num("1.5")).getMessage());
    assertEquals("unsupported value for \"%s\" at 0: null value cannot be formatted",
        fails("%s", Value.nullOf(Type.STRING)).getMessage());
  }

  @Test
  void binaryRoundingKeepsExactValuesExactAndMovesOthersToTheNearest512BitFloat() {
    assertEquals(0, new BigDecimal("0.125").compareTo(GoFormat.toBinary(new BigDecimal("0.125"))));
    BigDecimal near = GoFormat.toBinary(new BigDecimal("2.675"));
    assertEquals(-1, near.compareTo(new BigDecimal("2.675")));
    assertEquals(-1, new BigDecimal("2.675").subtract(near).compareTo(new BigDecimal("1e-150")));
  }
}
