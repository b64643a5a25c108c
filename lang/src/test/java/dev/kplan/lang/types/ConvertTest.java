package dev.kplan.lang.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConvertTest {
  private static Value s(String v) {
    return Value.string(v);
  }

  private static Value n(long v) {
    return Value.number(v);
  }

  private static TupleValue tuple(Value... vs) {
    return new TupleValue(List.of(vs), Marks.NONE);
  }

  private static String error(Value v, Type t) {
    return assertThrows(ConversionException.class, () -> Convert.convert(v, t)).getMessage();
  }

  @Test
  void convertsNumbersToPlainDecimalStrings() throws Exception {
    assertEquals(s("1"), Convert.convert(n(1), Type.STRING));
    assertEquals(s("12.5"), Convert.convert(Value.number(new BigDecimal("12.50")), Type.STRING));
    assertEquals(s("1000000"), Convert.convert(Value.number(new BigDecimal("1E+6")), Type.STRING));
    assertEquals(s("true"), Convert.convert(Value.bool(true), Type.STRING));
  }

  @Test
  void parsesDecimalStringsAsNumbers() throws Exception {
    assertEquals(n(12), Convert.convert(s("12"), Type.NUMBER));
    assertEquals(Value.number(new BigDecimal("-1.5")), Convert.convert(s("-1.5"), Type.NUMBER));
    assertEquals(n(1000), Convert.convert(s("1e3"), Type.NUMBER));
    assertEquals("a number is required", error(s("no"), Type.NUMBER));
    assertEquals("a number is required", error(s(" 1"), Type.NUMBER));
    assertEquals("a number is required", error(s("0x10"), Type.NUMBER));
  }

  @Test
  void convertsOnlyExactBoolWordsAndDigits() throws Exception {
    assertEquals(Value.bool(true), Convert.convert(s("true"), Type.BOOL));
    assertEquals(Value.bool(false), Convert.convert(s("0"), Type.BOOL));
    assertEquals("a bool is required", error(s("no"), Type.BOOL));
    assertEquals("a bool is required; to convert from string, use lowercase \"true\"", error(s("True"), Type.BOOL));
    assertEquals("bool required, but have number", error(n(1), Type.BOOL));
  }

  @Test
  void describesMissingConversionsAsCtyDoes() {
    assertEquals("string required, but have tuple", error(tuple(), Type.STRING));
    assertEquals("list of string required, but have string", error(s("x"), new ListType(Type.STRING)));
    assertEquals("element 1: string required, but have tuple",
        error(tuple(s("a"), tuple()), new ListType(Type.STRING)));
    assertEquals("all list elements must have the same type",
        error(tuple(s("a"), tuple()), new ListType(Type.DYNAMIC)));
    ObjectType want = new ObjectType(Map.of("x", Type.STRING, "y", Type.NUMBER), Set.of("y"));
    assertEquals("attribute \"x\" is required", error(ObjectValue.EMPTY, want));
    assertEquals("attributes \"a\" and \"b\" are required",
        error(ObjectValue.EMPTY, new ObjectType(Map.of("a", Type.STRING, "b", Type.STRING))));
    assertEquals("attribute \"x\": string required, but have tuple",
        error(Value.object(Map.of("x", tuple())), want));
    assertEquals("incorrect list element type: string required, but have list of string",
        error(new ListValue(new ListType(Type.STRING), List.of(), Marks.NONE),
            new ListType(Type.STRING)));
  }

  @Test
  void unifiesTupleElementsWhenConvertingToListOfAny() throws Exception {
    Value v = Convert.convert(tuple(s("a"), n(1), Value.bool(true)), new ListType(Type.DYNAMIC));
    assertEquals(new ListValue(Type.STRING, List.of(s("a"), s("1"), s("true")), Marks.NONE), v);
    Value empty = Convert.convert(tuple(), new ListType(Type.DYNAMIC));
    assertEquals(new ListValue(Type.DYNAMIC, List.of(), Marks.NONE), empty);
  }

  @Test
  void convertsTupleToSetDroppingDuplicates() throws Exception {
    Value v = Convert.convert(tuple(s("c"), s("b"), s("b")), new SetType(Type.DYNAMIC));
    assertEquals(SetValue.of(Type.STRING, List.of(s("b"), s("c"))), v);
  }

  @Test
  void convertsObjectToMapWithUnifiedElementType() throws Exception {
    Value v = Convert.convert(Value.object(Map.of("a", s("foo"), "b", Value.bool(true))), new MapType(Type.DYNAMIC));
    assertEquals(new MapValue(Type.STRING, Map.of("a", s("foo"), "b", s("true")), Marks.NONE), v);
  }

  @Test
  void convertsMapToObjectFillingOptionalAttributesWithNull() throws Exception {
    ObjectType want = new ObjectType(Map.of("a", Type.NUMBER, "b", Type.STRING), Set.of("b"));
    Value v = Convert.convert(new MapValue(Type.STRING, Map.of("a", s("1"), "z", s("q")), Marks.NONE), want);
    assertEquals(Value.object(Map.of("a", n(1), "b", Value.nullOf(Type.STRING))), v);
    assertEquals("map has no element for required attribute \"a\"",
        error(new MapValue(Type.STRING, Map.of(), Marks.NONE), want));
  }

  @Test
  void convertsObjectToObjectDroppingExtraAttributes() throws Exception {
    ObjectType want = new ObjectType(Map.of("a", Type.STRING, "b", new ListType(Type.STRING)), Set.of("b"));
    Value v = Convert.convert(Value.object(Map.of("a", n(2), "c", Value.bool(true))), want);
    assertEquals(Value.object(Map.of("a", s("2"), "b", Value.nullOf(new ListType(Type.STRING)))), v);
  }

  @Test
  void keepsNullsAndUnknownsTyped() throws Exception {
    assertEquals(Value.nullOf(Type.STRING), Convert.convert(Value.nullOf(Type.DYNAMIC), Type.STRING));
    assertEquals(Value.unknownOf(new ListType(Type.NUMBER)),
        Convert.convert(Value.unknownOf(new ListType(Type.NUMBER)), new ListType(Type.DYNAMIC)));
    Value v = Convert.convert(tuple(Value.unknownOf(Type.DYNAMIC), s("a")), new ListType(Type.STRING));
    assertEquals(new ListValue(Type.STRING, List.of(Value.unknownOf(Type.STRING), s("a")), Marks.NONE), v);
  }

  @Test
  void typesUnknownsAndNullsAsPreciselyAsTheInputAllows() throws Exception {
    Value unknownTuple = Value.unknownOf(new TupleType(List.of(Type.STRING, Type.NUMBER)));
    assertEquals(Value.unknownOf(new ListType(Type.STRING)), Convert.convert(unknownTuple, new ListType(Type.DYNAMIC)));
    Value nullObject = Value.nullOf(new ObjectType(Map.of("a", Type.BOOL)));
    assertEquals(Value.nullOf(new MapType(Type.BOOL)), Convert.convert(nullObject, new MapType(Type.DYNAMIC)));
    assertEquals(Value.unknownOf(new ObjectType(Map.of("a", Type.STRING))),
        Convert.convert(Value.unknownOf(Type.DYNAMIC), new ObjectType(Map.of("a", Type.STRING), Set.of("a"))));
    assertEquals(Value.unknownOf(Type.STRING).mark(Marks.SENSITIVE),
        Convert.convert(Value.unknownOf(Type.NUMBER).mark(Marks.SENSITIVE), Type.STRING));
  }

  @Test
  void keepsMarksOnConvertedValuesAndElements() throws Exception {
    Value secret = n(1).mark(Marks.SENSITIVE);
    assertEquals(s("1").mark(Marks.SENSITIVE), Convert.convert(secret, Type.STRING));
    Value list = Convert.convert(tuple(secret, s("a")).mark(Marks.SENSITIVE), new ListType(Type.STRING));
    assertTrue(list.isSensitive());
    assertTrue(((ListValue) list).elements().get(0).isSensitive());
  }

  @Test
  void reportsPathOfFailingElement() {
    ConversionException e = assertThrows(ConversionException.class,
        () -> Convert.convert(tuple(s("1"), s("x")), new ListType(Type.NUMBER)));
    assertEquals("a number is required", e.getMessage());
    assertEquals("[1]", e.path().toString());
    ConversionException nested = assertThrows(ConversionException.class, () -> Convert.convert(
        tuple(Value.object(Map.of("n", n(1))), Value.object(Map.of("n", s("x")))),
        new ListType(new ObjectType(Map.of("n", Type.NUMBER)))));
    assertEquals("[1].n: a number is required", nested.messageWithPath());
  }

  @Test
  void unifiesAsCtyDoes() {
    assertEquals(Type.STRING, Unify.unify(List.of(Type.NUMBER, Type.STRING)).orElseThrow());
    assertTrue(Unify.unify(List.of(Type.BOOL, Type.NUMBER)).isEmpty());
    assertEquals(new MapType(Type.STRING), Unify.unify(List.of(
        new ObjectType(Map.of("foo", Type.STRING)), new ObjectType(Map.of("bar", Type.NUMBER)))).orElseThrow());
    assertEquals(new ObjectType(Map.of("foo", Type.STRING)), Unify.unify(List.of(
        new ObjectType(Map.of("foo", Type.STRING)), new ObjectType(Map.of("foo", Type.NUMBER)))).orElseThrow());
    assertEquals(new ListType(Type.STRING), Unify.unify(List.of(
        new TupleType(List.of(Type.STRING)), new TupleType(List.of(Type.STRING, Type.NUMBER)))).orElseThrow());
    assertEquals(new ListType(new MapType(Type.STRING)), Unify.unify(List.of(
        new ListType(new ObjectType(Map.of("a", Type.STRING))),
        new TupleType(List.of(new ObjectType(Map.of("a", Type.STRING, "b", Type.STRING)))))).orElseThrow());
    assertEquals(Type.DYNAMIC, Unify.unify(List.of(Type.DYNAMIC, new TupleType(List.of(Type.NUMBER)))).orElseThrow());
    assertTrue(Unify.unify(List.of(new TupleType(List.of(Type.NUMBER)), Type.DYNAMIC,
        new ObjectType(Map.of("num", Type.NUMBER)))).isEmpty());
    assertEquals(Type.DYNAMIC, Unify.unify(List.of(Type.STRING, Type.DYNAMIC)).orElseThrow());
    assertEquals(Type.STRING, Unify.unifyUnsafe(List.of(Type.STRING, Type.DYNAMIC)).orElseThrow());
    assertEquals(Type.STRING, Unify.unifyUnsafe(List.of(Type.NUMBER, Type.STRING)).orElseThrow());
  }
}
