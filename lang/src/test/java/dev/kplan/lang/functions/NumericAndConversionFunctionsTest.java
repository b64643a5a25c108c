package dev.kplan.lang.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.MapType;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.types.TypeConstraint;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NumericAndConversionFunctionsTest {
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

  private static String error(String expr) {
    return assertThrows(FunctionException.class, () -> eval(expr)).getMessage();
  }

  private static Value n(String v) {
    return Value.number(new BigDecimal(v));
  }

  @Test
  void roundsAndTakesAbsoluteValues() throws Exception {
    assertEquals(n("5"), eval("ceil(4.1)"));
    assertEquals(n("-5"), eval("floor(-4.1)"));
    assertEquals(n("12.4"), eval("abs(-12.4)"));
    assertTrue(TABLE.get("abs").call(List.of(n("-1").mark(Marks.SENSITIVE))).isSensitive());
  }

  @Test
  void minAndMaxNeedAtLeastOneNumber() throws Exception {
    assertEquals(n("3"), eval("min(12, \"3\", 54)"));
    assertEquals("must pass at least one number", error("max()"));
  }

  @Test
  void logAndPowUseFloatingPoint() throws Exception {
    assertEquals(n("1.6989700043360185"), eval("log(50, 10)"));
    assertEquals(n("2"), eval("pow(4, 0.5)"));
    assertEquals("the result of log is not a finite number", error("log(0, 10)"));
  }

  @Test
  void signumNeedsAWholeNumber() throws Exception {
    assertEquals(n("-1"), eval("signum(-13)"));
    assertEquals(n("0"), eval("signum(0)"));
    assertEquals("value must be a whole number, between -9223372036854775808 and 9223372036854775807",
        error("signum(0.5)"));
  }

  @Test
  void parseintHandlesBigNumbersAndBasesUpTo62() throws Exception {
    assertEquals(n("123456789012345678901234567890"), eval("parseint(\"123456789012345678901234567890\", 10)"));
    assertEquals(n("3843"), eval("parseint(\"ZZ\", 62)"));
    assertEquals(n("2205"), eval("parseint(\"zz\", 62)"));
    assertEquals(n("255"), eval("parseint(\"ff\", 16)"));
    assertEquals("cannot parse \"12\" as a base 2 integer", error("parseint(\"12\", 2)"));
    assertEquals("base must be a whole number between 2 and 62 inclusive", error("parseint(\"1\", 63)"));
    assertEquals("first argument must be a string, not number", error("parseint(1, 10)"));
  }

  @Test
  void toFunctionsExplainFailedConversions() throws Exception {
    assertEquals("cannot convert tuple to string", error("tostring([])"));
    assertEquals("cannot convert \"no\" to bool; only the strings \"true\" or \"false\" are allowed",
        error("tobool(\"no\")"));
    assertEquals("cannot convert \"x\" to number; given string must be a decimal representation of a number",
        error("tonumber(\"x\")"));
    assertEquals("cannot convert number to bool", error("tobool(1)"));
    assertEquals("cannot convert this sensitive string to number", assertThrows(FunctionException.class,
        () -> TABLE.get("tonumber").call(List.of(Value.string("x").mark(Marks.SENSITIVE)))).getMessage());
  }

  @Test
  void toFunctionsConvertNullsAndCollections() throws Exception {
    assertEquals(Value.nullOf(Type.NUMBER), eval("tonumber(null)"));
    assertEquals(new ListValue(Type.STRING, List.of(Value.string("a"), Value.string("1")), Marks.NONE),
        eval("tolist([\"a\", 1])"));
    assertEquals(new MapType(Type.STRING), eval("tomap({a = 1, b = \"x\"})").type());
    assertEquals(new SetType(Type.STRING), eval("toset([\"b\", \"a\", \"b\"])").type());
    assertEquals("cannot convert object to map of any single type", error("tomap({a = [], b = \"x\"})"));
  }

  @Test
  void toFunctionsKeepMarks() throws Exception {
    Value v = TABLE.get("tostring").call(List.of(n("1").mark(Marks.SENSITIVE)));
    assertEquals(Value.string("1").mark(Marks.SENSITIVE), v);
  }

  @Test
  void convertAppliesTypeConstraintDefaults() throws Exception {
    TypeConstraint tc = new TypeConstraint(new ObjectType(Map.of("a", Type.STRING), Set.of("a")), null);
    assertEquals(Value.object(Map.of("a", Value.nullOf(Type.STRING))),
        ConversionFunctions.convert(Value.object(Map.of()), tc));
    FunctionException e = assertThrows(FunctionException.class,
        () -> ConversionFunctions.convert(Value.string("x"), new TypeConstraint(new ListType(Type.STRING), null)));
    assertEquals("list of string required, but have string", e.getMessage());
    assertEquals(0, e.argIndex());
  }
}
