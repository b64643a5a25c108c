package dev.kplan.lang.functions;

import static dev.kplan.lang.functions.TestingStringCalls.call;
import static dev.kplan.lang.functions.TestingStringCalls.num;
import static dev.kplan.lang.functions.TestingStringCalls.sensitive;
import static dev.kplan.lang.functions.TestingStringCalls.str;
import static dev.kplan.lang.functions.TestingStringCalls.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.TupleType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behaviour of the string functions, including unknown, null and sensitive arguments. */
class StringFunctionsTest {
  private static final Type LIST_OF_STRING = new ListType(Type.STRING);

  private static Value unknownString() {
    return Value.unknownOf(Type.STRING);
  }

  private static Value list(Value... elems) {
    return Value.list(Type.STRING, List.of(elems));
  }

  @Test
  void changesCaseRuneByRuneAsGoDoes() throws FunctionException {
    assertEquals(str("STRAßE"), call("upper", str("straße")));
    assertEquals(str("алло!"), call("lower", str("АЛЛО!")));
    assertEquals(str("Hello_world Foo-Bar 1st Élan O'Neil"), call("title", str("hello_world foo-bar 1st élan o'neil")));
    assertEquals(str("ǅemal"), call("title", str("ǆemal")));
  }

  @Test
  void trimsWhitespaceAsGoDefinesIt() throws FunctionException {
    assertEquals(str("x"), call("trimspace", str("\u00a0 x \u2003\n")));
    assertEquals(str("\u200bx"), call("trimspace", str("\u200bx")));
    assertEquals(str("hello! world."), call("trim", str("   hello! world.!  "), str("! ")));
    assertEquals(str("a\n b"), call("chomp", str("a\n b\r\n\n\r")));
  }

  @Test
  void indentsEveryLineButTheFirst() throws FunctionException {
    assertEquals(str("a\n  b\n  "), call("indent", num(2), str("a\nb\n")));
    FunctionException e = assertThrows(FunctionException.class, () -> call("indent", num("1.5"), str("a")));
    assertEquals("value must be a whole number, between -9223372036854775808 and 9223372036854775807", e.getMessage());
  }

  @Test
  void countsSubstringsInGraphemeClusters() throws FunctionException {
    assertEquals(str("👨‍👩‍👧‍👦"), call("substr", str("👨‍👩‍👧‍👦ab"), num(0), num(1)));
    assertEquals(str("world"), call("substr", str("hello world"), num(-5), num(-1)));
    assertEquals(str("he"), call("substr", str("hello"), num(-10), num(2)));
    assertEquals(str(""), call("substr", str("hello"), num(10), num(2)));
    // cty's seek never stops on a zero length when the offset was negative
    assertEquals(str("llo"), call("substr", str("hello"), num(-3), num(0)));
    assertEquals(str(""), call("substr", str("hello"), num(1), num(0)));
    assertEquals(str("x👍🏽!"), call("strrev", str("!👍🏽x")));
  }

  @Test
  void splitsOnEverySeparatorAndIntoRunesOnAnEmptyOne() throws FunctionException {
    assertEquals(list(str("a"), str(""), str("b"), str("")), call("split", str(","), str("a,,b,")));
    assertEquals(list(str("日"), str("本")), call("split", str(""), str("日本")));
    assertEquals(Value.list(Type.STRING, List.of()), call("split", str(""), str("")));
  }

  @Test
  void joinsListElementsWithSeparator() throws FunctionException {
    assertEquals(str("a-b-c"), call("join", str("-"), strings("a"), strings("b", "c")));
    FunctionException none = assertThrows(FunctionException.class, () -> call("join", str("-")));
    assertEquals("at least one list is required", none.getMessage());
  }

  @Test
  void refusesToJoinNullElements() {
    FunctionException one = assertThrows(FunctionException.class,
        () -> call("join", str(","), list(str("a"), Value.nullOf(Type.STRING))));
    assertEquals(1, one.argIndex());
    assertEquals("element 1 is null; cannot concatenate null values", one.getMessage());
    FunctionException two = assertThrows(FunctionException.class,
        () -> call("join", str(","), list(str("a")), list(Value.nullOf(Type.STRING))));
    assertEquals(2, two.argIndex());
    assertEquals("element 0 of list 2 is null; cannot concatenate null values", two.getMessage());
  }

  @Test
  void joinWithAnUnknownElementIsUnknown() throws FunctionException {
    assertEquals(unknownString(), call("join", str(","), list(str("a"), unknownString())));
  }

  @Test
  void replacesPlainSubstringsAndSlashDelimitedPatterns() throws FunctionException {
    assertEquals(str("-a-b-"), call("replace", str("ab"), str(""), str("-")));
    assertEquals(str("world hello"), call("replace", str("hello world"), str("/(\\w+) (\\w+)/"), str("$2 $1")));
    assertEquals(str("a[b]c"), call("replace", str("abc"), str("/(?P<x>b)/"), str("[${x}]")));
    assertEquals(str("a-b"), call("replace", str("a/b"), str("/"), str("-")));
    FunctionException e = assertThrows(FunctionException.class, () -> call("replace", str("a"), str("/(/"), str("")));
    assertEquals(-1, e.argIndex());
    assertEquals("error parsing regexp: missing closing ): `(`", e.getMessage());
  }

  @Test
  void startswithAnUnknownStringIsTrueOnlyForTheEmptyPrefix() throws FunctionException {
    assertEquals(Value.bool(true), call("startswith", unknownString(), str("")));
    assertEquals(Value.unknownOf(Type.BOOL), call("startswith", unknownString(), str("a")));
    assertEquals(Value.unknownOf(Type.BOOL), call("endswith", unknownString(), str("")));
  }

  @Test
  void unknownArgumentsGiveAnUnknownOfTheReturnType() throws FunctionException {
    assertEquals(unknownString(), call("upper", unknownString()));
    assertEquals(Value.unknownOf(LIST_OF_STRING), call("split", str(","), unknownString()));
    assertEquals(Value.unknownOf(Type.BOOL), call("strcontains", str("abc"), unknownString()));
  }

  @Test
  void nullArgumentsAreRejected() {
    FunctionException e = assertThrows(FunctionException.class, () -> call("upper", Value.nullOf(Type.STRING)));
    assertEquals(0, e.argIndex());
    assertEquals("argument must not be null", e.getMessage());
    assertThrows(FunctionException.class, () -> call("replace", str("a"), str("a"), Value.nullOf(Type.STRING)));
  }

  @Test
  void sensitiveArgumentsMakeASensitiveResult() throws FunctionException {
    Value upper = call("upper", sensitive(str("a")));
    assertEquals(str("A").mark(Marks.SENSITIVE), upper);
    Value joined = call("join", str(","), Value.tuple(List.of(sensitive(str("a")), str("b"))));
    assertTrue(joined.isSensitive());
    assertEquals(str("a,b"), joined.unmarked());
    Value split = call("split", sensitive(str(",")), str("a,b"));
    assertTrue(split.isSensitive());
    assertFalse(((dev.kplan.lang.value.ListValue) split).elements().get(0).isSensitive());
  }

  @Test
  void formatsWithGoVerbs() throws FunctionException {
    assertEquals(str("Hello, Ander!"), call("format", str("Hello, %s!"), str("Ander")));
    assertEquals(str("{\"a\":1}"), call("format", str("%#v"), Value.object(Map.of("a", num(1)))));
    assertEquals(str("null"), call("format", str("%#v"), Value.nullOf(Type.DYNAMIC)));
    assertEquals(str("1e+06"), call("format", str("%v"), num(1000000)));
  }

  @Test
  void formatWithAnUnknownOrPartlyUnknownArgumentIsUnknown() throws FunctionException {
    assertEquals(unknownString(), call("format", str("%s"), unknownString()));
    assertEquals(unknownString(), call("format", str("%v"), Value.tuple(List.of(str("a"), unknownString()))));
    assertEquals(unknownString(), call("format", str("%v"), Value.unknownOf(Type.DYNAMIC)));
  }

  @Test
  void formatOfSensitiveArgumentIsSensitive() throws FunctionException {
    Value v = call("format", str("%s-%s"), sensitive(str("a")), str("b"));
    assertEquals(str("a-b").mark(Marks.SENSITIVE), v);
  }

  @Test
  void formatlistIteratesSequencesInLockstepAndRepeatsScalars() throws FunctionException {
    assertEquals(list(str("Salutations, Valentina!"), str("Salutations, Ander!")),
        call("formatlist", str("%s, %s!"), str("Salutations"), strings("Valentina", "Ander")));
    assertEquals(list(str("x")), call("formatlist", str("x")));
    assertEquals(Value.list(Type.STRING, List.of()), call("formatlist", str("%s"), strings()));
    FunctionException e = assertThrows(FunctionException.class,
        () -> call("formatlist", str("%s %s"), strings("a"), strings("b", "c")));
    assertEquals(2, e.argIndex());
    assertEquals("argument 2 has length 2, which is inconsistent with argument 1 of length 1", e.getMessage());
  }

  @Test
  void formatlistKeepsKnownIterationsWhenOneIsUnknown() throws FunctionException {
    Value v = call("formatlist", str("<%s>"), Value.tuple(List.of(str("a"), unknownString())));
    assertEquals(list(str("<a>"), unknownString()), v);
  }

  @Test
  void formatlistOfAnUnknownListIsUnknownButUnknownTuplesAreLengthChecked() throws FunctionException {
    assertEquals(Value.unknownOf(LIST_OF_STRING), call("formatlist", str("%s"), Value.unknownOf(LIST_OF_STRING)));
    Value unknownPair = Value.unknownOf(new TupleType(List.of(Type.STRING, Type.STRING)));
    assertEquals(Value.unknownOf(LIST_OF_STRING), call("formatlist", str("%s %s"), unknownPair, strings("a", "b")));
    FunctionException e = assertThrows(FunctionException.class,
        () -> call("formatlist", str("%s %s"), unknownPair, strings("a")));
    assertEquals("argument 2 has length 1, which is inconsistent with argument 1 of length 2", e.getMessage());
  }

  @Test
  void formatlistOfSensitiveElementsMarksTheWholeResult() throws FunctionException {
    Value v = call("formatlist", str("%s"), Value.tuple(List.of(sensitive(str("a")), str("b"))));
    assertTrue(v.isSensitive());
    assertEquals(list(str("a"), str("b")), v.unmarked());
  }

  @Test
  void regexResultFollowsTheCaptureGroups() throws FunctionException {
    assertEquals(str("aaabbbccc"), call("regex", str("[a-z]+"), str("53453453.345345aaabbbccc23454")));
    assertEquals(Value.tuple(List.of(str("2019"), str("02"), str("01"))),
        call("regex", str("(\\d\\d\\d\\d)-(\\d\\d)-(\\d\\d)"), str("2019-02-01")));
    assertEquals(Value.object(Map.of("a", str("10"), "b", str("20"))),
        call("regex", str("(?P<a>\\d+)-(?<b>\\d+)"), str("10-20")));
    assertEquals(Value.tuple(List.of(Value.nullOf(Type.STRING), str("b"))), call("regex", str("(a)|(b)"), str("b")));
  }

  @Test
  void regexThatDoesNotMatchFails() {
    FunctionException e = assertThrows(FunctionException.class, () -> call("regex", str("[a-z]+"), str("123")));
    assertEquals(-1, e.argIndex());
    assertEquals("pattern did not match any part of the given string", e.getMessage());
  }

  @Test
  void regexPatternErrorsAreReportedEvenWhenTheStringIsUnknown() {
    FunctionException e = assertThrows(FunctionException.class, () -> call("regex", str("(a)(?P<n>b)"), unknownString()));
    assertEquals(0, e.argIndex());
    assertEquals("invalid regexp pattern: cannot mix both named and unnamed capture groups", e.getMessage());
    FunctionException bad = assertThrows(FunctionException.class, () -> call("regexall", str("a\\1"), str("a")));
    assertEquals("invalid regexp pattern: invalid escape sequence in \\1", bad.getMessage());
  }

  @Test
  void regexWithAnUnknownStringHasThePatternsType() throws FunctionException {
    assertEquals(Value.unknownOf(new ObjectType(Map.of("x", Type.STRING))), call("regex", str("(?P<x>a)"), unknownString()));
    assertEquals(Value.unknownOf(new ListType(Type.STRING)), call("regexall", str("a"), unknownString()));
  }

  @Test
  void regexWithAnUnknownPatternIsUnknownOfUndecidedType() throws FunctionException {
    assertEquals(Value.unknownOf(Type.DYNAMIC), call("regex", unknownString(), str("a")));
    assertEquals(Value.unknownOf(new ListType(Type.DYNAMIC)), call("regexall", unknownString(), str("a")));
  }

  @Test
  void regexallListsEveryMatchAndNothingWhenThereIsNone() throws FunctionException {
    assertEquals(list(str("abcd"), str("efgh")), call("regexall", str("[a-z]+"), str("1234abcd5678efgh9")));
    assertEquals(list(str(""), str("aaa"), str("")), call("regexall", str("a*"), str("baaac")));
    assertEquals(Value.list(Type.STRING, List.of()), call("regexall", str("x"), str("abc")));
  }
}
