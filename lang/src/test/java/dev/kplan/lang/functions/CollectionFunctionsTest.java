package dev.kplan.lang.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.MapType;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.TupleType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectionFunctionsTest {
  private static final FunctionTable TABLE = table();

  private static FunctionTable table() {
    Map<String, FunctionSpec> fns = new HashMap<>();
    for (List<FunctionSpec> family : List.of(CollectionFunctions.functions(), NumericFunctions.functions(),
        ConversionFunctions.functions())) {
      family.forEach(f -> fns.put(f.name(), f));
    }
    return new FunctionTable(fns);
  }

  private static Value eval(String expr) throws FunctionException {
    return TestingExpressions.evaluate(expr, TABLE);
  }

  private static Value call(String name, Value... args) throws FunctionException {
    return TABLE.get(name).call(List.of(args));
  }

  private static String error(String expr) {
    return assertThrows(FunctionException.class, () -> eval(expr)).getMessage();
  }

  private static Value s(String v) {
    return Value.string(v);
  }

  private static ListValue list(Type ety, Value... vs) {
    return new ListValue(ety, List.of(vs), Marks.NONE);
  }

  private static TupleValue tuple(Value... vs) {
    return new TupleValue(List.of(vs), Marks.NONE);
  }

  private static final Value UNKNOWN_STRING = Value.unknownOf(Type.STRING);

  @Test
  void lengthCountsGraphemeClusters() throws Exception {
    assertEquals(Value.number(2), eval("length(\"👾🕹️\")"));
    assertEquals(Value.number(1), eval("length(\"👨‍👩‍👧\")"));
    assertEquals(Value.number(5), eval("length(\"hello\")"));
  }

  @Test
  void lengthOfListWithUnknownElementsIsKnown() throws Exception {
    assertEquals(Value.number(2), call("length", list(Type.STRING, s("a"), UNKNOWN_STRING)));
    assertEquals(Value.unknownOf(Type.NUMBER), call("length", Value.unknownOf(new ListType(Type.STRING))));
    assertEquals(Value.number(2), call("length", Value.object(Map.of("a", UNKNOWN_STRING, "b", s("x")))));
  }

  @Test
  void lengthKeepsTheCollectionsMarkButNotElementMarks() throws Exception {
    assertTrue(call("length", list(Type.STRING, s("a")).mark(Marks.SENSITIVE)).isSensitive());
    assertFalse(call("length", list(Type.STRING, s("a").mark(Marks.SENSITIVE))).isSensitive());
  }

  @Test
  void lengthRejectsNullAndNumbers() {
    assertEquals("argument must not be null", error("length(null)"));
    assertEquals("argument must be a string, a collection type, or a structural type", error("length(1)"));
  }

  @Test
  void concatUnifiesListsAndBuildsTuplesOtherwise() throws Exception {
    Value v = eval("concat(tolist([\"a\"]), tolist([1]))");
    assertEquals(list(Type.STRING, s("a"), s("1")), v);
    Value t = eval("concat([\"a\"], tolist([1]))");
    assertEquals(new TupleType(List.of(Type.STRING, Type.NUMBER)), t.type());
    assertEquals("all arguments must be lists or tuples; got string", error("concat([], \"a\")"));
  }

  @Test
  void concatKeepsKnownElementsBesideUnknownOnes() throws Exception {
    Value v = call("concat", list(Type.STRING, UNKNOWN_STRING), list(Type.STRING, s("b")));
    assertEquals(list(Type.STRING, UNKNOWN_STRING, s("b")), v);
  }

  @Test
  void mergeGivesMapForSameMapTypesAndObjectOtherwise() throws Exception {
    Value maps = eval("merge(tomap({a=\"1\"}), tomap({b=\"2\"}))");
    assertEquals(new MapType(Type.STRING), maps.type());
    Value objects = eval("merge({a=1}, {b=\"x\"})");
    assertEquals(new ObjectType(Map.of("a", Type.NUMBER, "b", Type.STRING)), objects.type());
    assertEquals("arguments must be maps or objects, got \"string\"", error("merge({}, \"x\")"));
    assertEquals(Value.object(Map.of()), eval("merge()"));
    assertEquals("arguments must be maps or objects, got \"tuple\"", error("merge({a = 1}, null, [\"x\"])"));
  }

  @Test
  void elementWrapsAroundAndAcceptsNegativeIndexes() throws Exception {
    assertEquals(s("a"), eval("element([\"a\", \"b\", \"c\"], 3)"));
    assertEquals(s("b"), eval("element([\"a\", \"b\", \"c\"], -2)"));
    assertEquals("cannot use element function with an empty list", error("element([], 0)"));
    assertEquals("invalid index: value must be a whole number, between -9223372036854775808 and 9223372036854775807",
        error("element([\"a\"], 1.5)"));
    assertEquals(s("a"), call("element", list(Type.STRING, s("a"), UNKNOWN_STRING), Value.number(0)));
  }

  @Test
  void lookupFallsBackToDefaultOrFails() throws Exception {
    assertEquals(s("what?"), eval("lookup({a=\"ay\"}, \"c\", \"what?\")"));
    assertEquals("lookup failed to find key \"c\"", error("lookup(tomap({a=\"ay\"}), \"c\")"));
    assertEquals("the given object has no attribute \"c\"", error("lookup({a=\"ay\"}, \"c\")"));
    assertEquals("the default value must have the same type as the map elements",
        error("lookup(tomap({a=\"ay\"}), \"c\", [])"));
  }

  @Test
  void containsIsTrueWhenAKnownElementMatchesDespiteUnknowns() throws Exception {
    assertEquals(Value.bool(true), call("contains", list(Type.STRING, UNKNOWN_STRING, s("a")), s("a")));
    assertEquals(Value.unknownOf(Type.BOOL), call("contains", list(Type.STRING, UNKNOWN_STRING, s("a")), s("b")));
    assertEquals("argument must be list, tuple, or set", error("contains({}, 1)"));
  }

  @Test
  void alltrueAndAnytrueStopAtADecidingElement() throws Exception {
    assertEquals(Value.bool(false), call("alltrue", list(Type.BOOL, Value.bool(false), Value.unknownOf(Type.BOOL))));
    assertEquals(Value.unknownOf(Type.BOOL), call("alltrue", list(Type.BOOL, Value.unknownOf(Type.BOOL), Value.bool(false))));
    assertEquals(Value.bool(true), call("anytrue", list(Type.BOOL, Value.unknownOf(Type.BOOL), Value.bool(true))));
    assertEquals(Value.bool(true), eval("alltrue([])"));
  }

  @Test
  void setFunctionsUnifyElementTypes() throws Exception {
    Value u = eval("setunion([\"a\"], [1])");
    assertEquals(SetValue.of(Type.STRING, List.of(s("1"), s("a"))), u);
    assertEquals(SetValue.of(Type.STRING, List.of(s("b"))), eval("setintersection([\"a\", \"b\"], [\"b\", \"c\"])"));
    assertEquals(new SetType(Type.DYNAMIC), eval("setunion([], [])").type());
    assertEquals("given sets must all have compatible element types", error("setunion([true], [[1]])"));
  }

  @Test
  void setproductOfSetsIsASetOfTuples() throws Exception {
    Value v = eval("setproduct(toset([\"a\"]), [1, 2])");
    assertEquals(new SetType(new TupleType(List.of(Type.STRING, Type.NUMBER))), v.type());
    assertEquals("at least two arguments are required", error("setproduct([1])"));
    assertEquals("a set or a list is required", error("setproduct([1], \"x\")"));
  }

  @Test
  void sliceChecksIndexes() throws Exception {
    assertEquals(tuple(s("b")), eval("slice([\"a\", \"b\"], 1, 2)"));
    assertEquals("start index must not be greater than end index", error("slice([\"a\", \"b\"], 2, 1)"));
    assertEquals("end index must not be greater than the length of the list", error("slice([\"a\"], 0, 2)"));
    assertTrue(error("slice(toset([\"a\"]), 0, 1)").startsWith("cannot slice a set"));
  }

  @Test
  void flattenKeepsUnknownLeavesButNotUnknownLists() throws Exception {
    Value v = call("flatten", list(new ListType(Type.STRING), list(Type.STRING, UNKNOWN_STRING, s("a"))));
    assertEquals(tuple(UNKNOWN_STRING, s("a")), v);
    Value u = call("flatten", tuple(Value.unknownOf(new ListType(Type.STRING)), s("a")));
    assertEquals(Value.unknownOf(Type.DYNAMIC), u);
  }

  @Test
  void keysAndValuesFollowKeyOrder() throws Exception {
    assertEquals(tuple(s("a"), s("b")), eval("keys({b=1, a=2})"));
    assertEquals(tuple(Value.number(2), Value.number(1)), eval("values({b=1, a=2})"));
    assertEquals(Value.unknownOf(new ListType(Type.STRING)), call("keys", Value.unknownOf(new MapType(Type.STRING))));
    assertEquals("must have map or object type", error("keys([])"));
  }

  @Test
  void zipmapMakesObjectsFromTuplesAndMapsFromLists() throws Exception {
    assertEquals(new ObjectType(Map.of("a", Type.NUMBER, "b", Type.STRING)), eval("zipmap([\"a\", \"b\"], [1, \"x\"])").type());
    assertEquals(new MapType(Type.NUMBER), eval("zipmap([\"a\", \"b\"], tolist([1, 2]))").type());
    assertEquals("number of keys (1) does not match number of values (2)", error("zipmap([\"a\"], [1, 2])"));
  }

  @Test
  void coalescePicksFirstNonEmptyOfTheUnifiedType() throws Exception {
    assertEquals(s("1"), eval("coalesce(null, 1, \"a\")"));
    assertEquals("all arguments must have the same type", error("coalesce({}, \"hello\")"));
    assertEquals("no non-null, non-empty-string arguments", error("coalesce(\"\", null)"));
  }

  @Test
  void rangeCountsInEitherDirection() throws Exception {
    assertEquals(list(Type.NUMBER, Value.number(0), Value.number(-1), Value.number(-2)), eval("range(-3)"));
    assertEquals(new ListValue(Type.NUMBER, List.of(), Marks.NONE), eval("range(0)"));
    assertTrue(error("range(1, 4, 0)").startsWith("more than 1024 values were generated"));
    assertEquals("end must be greater than start when step is positive", error("range(4, 1, 1)"));
  }

  @Test
  void sortOrdersByCodePoint() throws Exception {
    assertEquals(list(Type.STRING, s("B"), s("a"), s("é")), eval("sort([\"é\", \"a\", \"B\"])"));
    assertEquals(list(Type.STRING, UNKNOWN_STRING, UNKNOWN_STRING), call("sort", list(Type.STRING, s("b"), UNKNOWN_STRING)));
    assertEquals(Value.unknownOf(new ListType(Type.STRING)), call("sort", Value.unknownOf(new ListType(Type.STRING))));
  }

  @Test
  void distinctKeepsFirstOccurrences() throws Exception {
    assertEquals(list(Type.NUMBER, Value.number(2), Value.number(1)), eval("distinct([2, 1, 2])"));
  }

  @Test
  void smallerListFunctionsBehaveAsCty() throws Exception {
    assertEquals(list(new ListType(Type.STRING), list(Type.STRING, s("a"), s("b"))), eval("chunklist([\"a\", \"b\"], 0)"));
    assertEquals(list(Type.STRING, s("b"), s("a")), eval("reverse(toset([\"a\", \"b\"]))"));
    assertEquals("must be a list, set, or tuple value with either zero or one elements", error("one([1, 2])"));
    assertEquals(Value.number(3), eval("sum([\"1\", 2])"));
    assertEquals("cannot sum an empty list", error("sum([])"));
    assertEquals("item not found", error("index([\"a\"], \"b\")"));
    assertEquals(list(Type.STRING), eval("matchkeys([\"a\"], [\"x\"], [])"));
    assertEquals(list(Type.STRING, s("a"), s("b")), eval("compact([\"a\", \"\", null, \"b\"])"));
  }
}
