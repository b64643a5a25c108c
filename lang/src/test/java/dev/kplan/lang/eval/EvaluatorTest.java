package dev.kplan.lang.eval;

import static dev.kplan.lang.eval.Ast.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.Operation;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.functions.FunctionException;
import dev.kplan.lang.functions.FunctionSpec;
import dev.kplan.lang.functions.FunctionTable;
import dev.kplan.lang.functions.Param;
import dev.kplan.lang.functions.ReturnType;
import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
  static final Value SECRET = Value.string("s3cr3t").mark(Marks.SENSITIVE);

  static FunctionTable functions() {
    Map<String, FunctionSpec> fns = new LinkedHashMap<>();
    fns.put("upper", new FunctionSpec("upper", List.of(Param.of("str", Type.STRING)), null,
        ReturnType.fixed(Type.STRING),
        (args, rt) -> Value.string(((StringValue) args.get(0)).value().toUpperCase(Locale.ROOT))));
    fns.put("fail", new FunctionSpec("fail", List.of(Param.of("x", Type.DYNAMIC)), null,
        ReturnType.fixed(Type.STRING), (args, rt) -> {
          throw new FunctionException("it broke");
        }));
    fns.put("badarg", new FunctionSpec("badarg", List.of(Param.of("x", Type.DYNAMIC)), null,
        ReturnType.fixed(Type.STRING), (args, rt) -> {
          throw new FunctionException(0, "must be shiny");
        }));
    fns.put("count", new FunctionSpec("count", List.of(), Param.of("items", Type.DYNAMIC),
        ReturnType.fixed(Type.NUMBER), (args, rt) -> Value.number(args.size())));
    return new FunctionTable(fns);
  }

  static EvalContext ctx() {
    Map<String, Value> vars = new LinkedHashMap<>();
    vars.put("var", Value.object(Map.of(
        "name", Value.string("web"),
        "list", Value.list(Type.STRING, List.of(Value.string("a"), Value.string("b"))),
        "map", Value.map(Type.NUMBER, Map.of("x", Value.number(1), "y", Value.number(2))),
        "secret", SECRET,
        "unknown", Value.unknownOf(Type.STRING),
        "nothing", Value.nullOf(Type.STRING),
        "objs", Value.list(new ObjectType(Map.of("id", Type.STRING)), List.of(
            Value.object(Map.of("id", Value.string("i-1"))), Value.object(Map.of("id", Value.string("i-2"))))))));
    return EvalContext.root(functions(), vars);
  }

  static EvalResult eval(Expr e) {
    return Evaluator.evaluate(e, ctx());
  }

  static Value value(Expr e) {
    EvalResult r = eval(e);
    assertFalse(r.hasErrors(), () -> "unexpected errors: " + r.diagnostics());
    return r.value();
  }

  static Diagnostic error(Expr e) {
    EvalResult r = eval(e);
    assertTrue(r.hasErrors(), () -> "expected an error, got " + r.value());
    return r.diagnostics().errors().get(0);
  }

  static Value n(String s) {
    return Value.number(new BigDecimal(s));
  }

  static Value s(String s) {
    return Value.string(s);
  }

  // ---- literals, templates ----

  @Test
  void templatesConvertNumbersAndBoolsToText() {
    assertEquals(s("n=1.5 b=true i=10"), value(template(
        text("n="), interp(num("1.50")), text(" b="), interp(bool(true)), text(" i="), interp(num("1e1")))));
  }

  @Test
  void templateWithNullInterpolationIsAnError() {
    Diagnostic d = error(template(text("x"), interp(nul())));
    assertEquals("Invalid template interpolation value", d.summary());
    assertEquals("The expression result is null. Cannot include a null value in a string template.", d.detail());
  }

  @Test
  void templateWithUnknownPartIsUnknownString() {
    assertEquals(Value.unknownOf(Type.STRING), value(template(text("x"), interp(ref("var", "unknown")))));
  }

  @Test
  void templateCarriesMarksOfItsParts() {
    assertEquals(s("pw=s3cr3t").mark(Marks.SENSITIVE), value(template(text("pw="), interp(ref("var", "secret")))));
  }

  @Test
  void templateRejectsCollections() {
    Diagnostic d = error(template(text("x"), interp(ref("var", "list"))));
    assertEquals("Invalid template interpolation value", d.summary());
    assertTrue(d.detail().startsWith("Cannot include the given value in a string template: "), d.detail());
  }

  @Test
  void templateWrapYieldsTheValueItself() {
    assertEquals(Value.list(Type.STRING, List.of(s("a"), s("b"))), value(wrap(ref("var", "list"))));
  }

  @Test
  void templateIfDirectiveChoosesABranch() {
    assertEquals(s("<yes>"), value(template(text("<"),
        ifPart(bool(true), List.of(text("yes")), List.of(text("no"))), text(">"))));
    assertEquals(s("<>"), value(template(text("<"), ifPart(bool(false), List.of(text("yes")), List.of()), text(">"))));
  }

  @Test
  void templateForDirectiveJoinsItsIterations() {
    assertEquals(s("a,b,"), value(template(forPart(null, "x", ref("var", "list"), List.of(interp(ref("x")), text(","))))));
    assertEquals(s("0a1b"), value(template(forPart("i", "x", ref("var", "list"), List.of(interp(ref("i")), interp(ref("x")))))));
  }

  // ---- references ----

  @Test
  void unknownRootVariableIsReportedWithASuggestion() {
    Diagnostic d = error(ref("vat", "name"));
    assertEquals("Unknown variable", d.summary());
    assertEquals("There is no variable named \"vat\". Did you mean \"var\"?", d.detail());
  }

  @Test
  void missingAttributeIsUnsupported() {
    Diagnostic d = error(ref("var", "nope"));
    assertEquals("Unsupported attribute", d.summary());
    assertEquals("This object does not have an attribute named \"nope\".", d.detail());
  }

  @Test
  void attributeOfNullIsAnError() {
    Diagnostic d = error(ref("var", "nothing", "x"));
    assertEquals("Attempt to get attribute from null value", d.summary());
  }

  @Test
  void attributeOfListOfObjectsSuggestsSplat() {
    Diagnostic d = error(ref("var", "objs", "id"));
    assertEquals("Can't access attributes on a list of objects. Did you mean to access attribute \"id\" for a "
        + "specific element of the list, or across all elements of the list?", d.detail());
  }

  @Test
  void mapElementsByAttributeAndByIndex() {
    assertEquals(n("1"), value(ref("var", "map", "x")));
    assertEquals(n("2"), value(idx(ref("var", "map"), str("y"))));
    assertEquals("Missing map element", error(ref("var", "map", "z")).summary());
  }

  @Test
  void listIndexingByNumberAndNumericString() {
    assertEquals(s("b"), value(ref("var", "list", 1)));
    assertEquals(s("b"), value(idx(ref("var", "list"), str("1"))));
  }

  @Test
  void outOfRangeIndexExplainsWhy() {
    assertEquals("The given key does not identify an element in this collection value: the given index is greater "
        + "than or equal to the length of the collection.", error(idx(ref("var", "list"), num(2))).detail());
    assertEquals("The given key does not identify an element in this collection value: a negative number is not a "
        + "valid index for a sequence.", error(idx(ref("var", "list"), num(-1))).detail());
    assertEquals("The given key does not identify an element in this collection value: indexing a sequence "
        + "requires a whole number, but the given index has a fractional part.",
        error(idx(ref("var", "list"), num("0.5"))).detail());
    assertEquals("The given key does not identify an element in this collection value: the collection has no "
        + "elements.", error(idx(tuple(), num(0))).detail());
  }

  @Test
  void indexingWithUnknownKeyGivesUnknownElement() {
    assertEquals(Value.unknownOf(Type.STRING), value(idx(ref("var", "list"), lit(Value.unknownOf(Type.NUMBER)))));
    assertEquals(Value.unknownOf(Type.DYNAMIC), value(idx(tuple(num(1)), lit(Value.unknownOf(Type.NUMBER)))));
  }

  @Test
  void indexingUnknownCollectionGivesUnknownOfElementType() {
    assertEquals(Value.unknownOf(Type.NUMBER),
        value(idx(lit(Value.unknownOf(new ListType(Type.NUMBER))), num(0))));
  }

  @Test
  void indexingAMarkedCollectionMarksTheElement() {
    Value marked = Value.list(Type.STRING, List.of(s("a"))).mark(Marks.SENSITIVE);
    assertEquals(s("a").mark(Marks.SENSITIVE), value(idx(lit(marked), num(0))));
  }

  @Test
  void setsCannotBeIndexed() {
    Diagnostic d = error(idx(lit(Value.set(Type.STRING, List.of(s("a")))), num(0)));
    assertTrue(d.detail().startsWith("Elements of a set are identified only by their value"), d.detail());
  }

  @Test
  void stringsHaveNoIndices() {
    assertEquals("This value does not have any indices.", error(idx(str("abc"), num(0))).detail());
  }

  @Test
  void objectIndexedByNumberHintsAtAttributes() {
    assertEquals("The given key does not identify an element in this collection value. An object only supports "
        + "looking up attributes by name, not by numeric index.", error(idx(obj(key("a"), num(1)), num(0))).detail());
  }

  @Test
  void diagnosticsNameTheSubjectAndTheWholeExpressionAsContext() {
    Expr attr = ref("var", "nope");
    Expr whole = bin(attr, Operation.ADD, num(1));
    EvalResult r = eval(whole);
    Diagnostic d = r.diagnostics().errors().get(0);
    assertEquals(whole.range(), d.context());
    assertTrue(d.subject() != null && !d.subject().equals(whole.range()));
  }

  // ---- splat ----

  @Test
  void splatOverAListMakesAList() {
    assertEquals(Value.list(Type.STRING, List.of(s("i-1"), s("i-2"))), value(splat(ref("var", "objs"), "id")));
  }

  @Test
  void splatOverASingleValueWrapsItAndOverNullIsEmpty() {
    assertEquals(Value.tuple(List.of(s("web"))), value(splat(ref("var", "name"))));
    assertEquals(Value.tuple(List.of()), value(splat(nul())));
  }

  @Test
  void splatOverUnknownListIsUnknownListOfTheResultType() {
    Value unknownObjs = Value.unknownOf(new ListType(new ObjectType(Map.of("id", Type.STRING))));
    assertEquals(Value.unknownOf(new ListType(Type.STRING)), value(splat(lit(unknownObjs), "id")));
  }

  @Test
  void splatOverAnUnknownSingleValueIsDynamic() {
    assertEquals(Value.unknownOf(Type.DYNAMIC), value(splat(ref("var", "unknown"))));
  }

  // ---- conditional ----

  @Test
  void conditionalChoosesAndIgnoresTheOtherBranchErrors() {
    assertEquals(s("a"), value(cond(bool(true), str("a"), ref("var", "nope"))));
  }

  @Test
  void conditionalNeedsABool() {
    assertEquals("Incorrect condition type", error(cond(num(1), str("a"), str("b"))).summary());
    assertEquals("Null condition", error(cond(nul(), str("a"), str("b"))).summary());
  }

  @Test
  void conditionalWithUnknownConditionIsUnknownOfTheResultType() {
    assertEquals(Value.unknownOf(Type.STRING), value(cond(lit(Value.unknownOf(Type.BOOL)), str("a"), str("b"))));
  }

  @Test
  void conditionalConvertsANullBranchToTheOtherType() {
    assertEquals(Value.nullOf(Type.STRING), value(cond(bool(false), str("a"), nul())));
  }

  @Test
  void conditionalCarriesMarksOfConditionAndBranches() {
    Expr c = bin(ref("var", "secret"), Operation.EQUAL, str("x"));
    assertEquals(s("b").mark(Marks.SENSITIVE), value(cond(c, str("a"), str("b"))));
  }

  @Test
  void conditionalWithIncompatibleBranchTypesExplainsTheMismatch() {
    Diagnostic d = error(cond(bool(true), tuple(num(1)), str("x")));
    assertEquals("Inconsistent conditional result types", d.summary());
    assertEquals("The true and false result expressions must have consistent types. The 'true' value is tuple, "
        + "but the 'false' value is string.", d.detail());
  }

  @Test
  void conditionalUnifiesBranchTypes() {
    assertEquals(s("1"), value(cond(bool(true), num(1), str("a"))));
    assertEquals(Value.list(Type.NUMBER, List.of(n("1"))), value(cond(bool(true), tuple(num(1)), tuple(num(1), num(2)))));
  }

  // ---- operators ----

  @Test
  void arithmeticConvertsNumericStrings() {
    assertEquals(n("3"), value(bin(str("1"), Operation.ADD, num(2))));
  }

  @Test
  void nonNumericOperandIsInvalid() {
    Diagnostic d = error(bin(bool(true), Operation.ADD, num(1)));
    assertEquals("Invalid operand", d.summary());
    assertEquals("Unsuitable value for left operand: number required, but have bool.", d.detail());
    Diagnostic s = error(bin(num(1), Operation.MULTIPLY, str("x")));
    assertEquals("Unsuitable value for right operand: a number is required.", s.detail());
  }

  @Test
  void nullOperandFailsTheOperation() {
    Diagnostic d = error(bin(nul(), Operation.ADD, num(1)));
    assertEquals("Operation failed", d.summary());
    assertEquals("Error during operation: argument must not be null.", d.detail());
  }

  @Test
  void divisionByZeroFailsTheOperation() {
    assertEquals("Operation failed", error(bin(num(1), Operation.DIVIDE, num(0))).summary());
  }

  @Test
  void equalityAcrossTypesIsFalse() {
    assertEquals(Value.bool(false), value(bin(num(1), Operation.EQUAL, str("1"))));
    assertEquals(Value.bool(true), value(bin(num(1), Operation.NOT_EQUAL, str("1"))));
  }

  @Test
  void orWithATrueSideIgnoresErrorsOnTheOtherSide() {
    assertEquals(Value.bool(true), value(bin(bool(true), Operation.OR, ref("nope"))));
  }

  @Test
  void logicWithUnknownSide() {
    Expr unknown = lit(Value.unknownOf(Type.BOOL));
    assertEquals(Value.bool(false), value(bin(unknown, Operation.AND, bool(false))));
    assertEquals(Value.unknownOf(Type.BOOL), value(bin(unknown, Operation.OR, bool(false))));
  }

  @Test
  void unaryOperators() {
    assertEquals(Value.bool(false), value(not(bool(true))));
    assertEquals(n("-2"), value(neg(num(2))));
    assertEquals("Unsuitable value for unary operand: bool required, but have number.", error(not(num(1))).detail());
  }

  @Test
  void operatorsPropagateSensitivity() {
    Expr e = bin(template(interp(ref("var", "secret"))), Operation.EQUAL, str("s3cr3t"));
    assertEquals(Value.bool(true).mark(Marks.SENSITIVE), value(e));
  }

  // ---- for expressions ----

  @Test
  void forTupleWithFilter() {
    Expr e = forTuple("k", "v", obj(key("a"), num(1), key("b"), num(2)),
        template(interp(ref("k")), text("="), interp(ref("v"))), bin(ref("v"), Operation.GREATER, num(1)));
    assertEquals(Value.tuple(List.of(s("b=2"))), value(e));
  }

  @Test
  void forOverListGivesIndexKeys() {
    Expr e = forTuple("i", "v", ref("var", "list"), ref("i"), null);
    assertEquals(Value.tuple(List.of(n("0"), n("1"))), value(e));
  }

  @Test
  void forObjectAndDuplicateKeys() {
    Expr ok = forObject(null, "v", ref("var", "list"), ref("v"), template(interp(ref("v")), text("!")), null, false);
    assertEquals(Value.object(Map.of("a", s("a!"), "b", s("b!"))), value(ok));
    Expr dup = forObject(null, "v", ref("var", "list"), str("k"), ref("v"), null, false);
    Diagnostic d = error(dup);
    assertEquals("Duplicate object key", d.summary());
    assertTrue(d.detail().startsWith("Two different items produced the key \"k\" in this 'for' expression."));
  }

  @Test
  void forObjectGroupsWithEllipsis() {
    Expr e = forObject(null, "v", ref("var", "list"), str("k"), ref("v"), null, true);
    assertEquals(Value.object(Map.of("k", Value.tuple(List.of(s("a"), s("b"))))), value(e));
  }

  @Test
  void forOverSetIteratesValuesInSetOrder() {
    Expr coll = lit(Value.set(Type.STRING, List.of(s("b"), s("a"))));
    assertEquals(Value.tuple(List.of(s("a"), s("b"))), value(forTuple("k", "v", coll, ref("k"), null)));
  }

  @Test
  void forOverNullOrNonIterableIsAnError() {
    assertEquals("Iteration over null value", error(forTuple(null, "v", nul(), ref("v"), null)).summary());
    assertEquals("A value of type string cannot be used as the collection in a 'for' expression.",
        error(forTuple(null, "v", str("x"), ref("v"), null)).detail());
  }

  @Test
  void forConditionMustBeBool() {
    Diagnostic d = error(forTuple(null, "v", ref("var", "list"), ref("v"), num(1)));
    assertEquals("Invalid 'for' condition", d.summary());
    assertEquals("The 'if' clause value is invalid: bool required, but have number.", d.detail());
  }

  @Test
  void forOverUnknownCollectionIsDynamic() {
    assertEquals(Value.unknownOf(Type.DYNAMIC),
        value(forTuple(null, "v", lit(Value.unknownOf(new ListType(Type.STRING))), ref("v"), null)));
  }

  @Test
  void forOverMarkedCollectionMarksTheResult() {
    Value marked = Value.list(Type.STRING, List.of(s("a"))).mark(Marks.SENSITIVE);
    assertEquals(Value.tuple(List.of(s("a"))).mark(Marks.SENSITIVE),
        value(forTuple(null, "v", lit(marked), ref("v"), null)));
  }

  // ---- tuples and objects ----

  @Test
  void objectKeysAreStringsAndNamesAreLiteral() {
    assertEquals(Value.object(Map.of("a", n("1"), "2", n("2"), "web", n("3"))),
        value(obj(key("a"), num(1), num(2), num(2), paren(ref("var", "name")), num(3))));
  }

  @Test
  void objectWithNullKeyIsAnError() {
    assertEquals("Null value as key", error(obj(paren(nul()), num(1))).summary());
  }

  @Test
  void objectWithUnknownKeyIsDynamic() {
    assertEquals(Value.unknownOf(Type.DYNAMIC), value(obj(paren(ref("var", "unknown")), num(1))));
  }

  @Test
  void objectWithDottedBareKeyIsAmbiguous() {
    assertEquals("Ambiguous attribute key", error(obj(ref("a", "b"), num(1))).summary());
  }

  // ---- function calls ----

  @Test
  void callsAFunction() {
    assertEquals(s("WEB"), value(call("upper", ref("var", "name"))));
  }

  @Test
  void unknownFunctionIsReportedWithASuggestion() {
    Diagnostic d = error(call("uper", str("a")));
    assertEquals("Call to unknown function", d.summary());
    assertEquals("There is no function named \"uper\". Did you mean \"upper\"?", d.detail());
  }

  @Test
  void providerFunctionsAreNotAvailable() {
    Diagnostic d = error(call("provider::kubernetes::manifest_decode", str("a")));
    assertEquals("Call to unknown function", d.summary());
    assertTrue(d.detail().contains("provider::kubernetes::manifest_decode"));
  }

  @Test
  void arityErrors() {
    assertEquals("Function \"upper\" expects 1 argument(s). Missing value for \"str\".", error(call("upper")).detail());
    assertEquals("Function \"upper\" expects only 1 argument(s).", error(call("upper", str("a"), str("b"))).detail());
  }

  @Test
  void argumentConversionErrorsNameTheParameter() {
    Diagnostic d = error(call("upper", tuple()));
    assertEquals("Invalid function argument", d.summary());
    assertTrue(d.detail().startsWith("Invalid value for \"str\" parameter: "), d.detail());
  }

  @Test
  void functionErrorsBecomeTerraformDiagnostics() {
    Diagnostic d = error(call("fail", num(1)));
    assertEquals("Error in function call", d.summary());
    assertEquals("Call to function \"fail\" failed: it broke.", d.detail());
    Diagnostic a = error(call("badarg", num(1)));
    assertEquals("Invalid function argument", a.summary());
    assertEquals("Invalid value for \"x\" parameter: must be shiny.", a.detail());
  }

  @Test
  void expandsTheFinalArgument() {
    assertEquals(n("3"), value(callExpand("count", num(1), ref("var", "list"))));
    assertEquals("Invalid expanding argument value", error(callExpand("count", str("x"))).summary());
  }

  @Test
  void functionMarksGoOnTheResult() {
    assertEquals(s("S3CR3T").mark(Marks.SENSITIVE), value(call("upper", ref("var", "secret"))));
  }

  @Test
  void unknownArgumentsGiveUnknownResult() {
    assertEquals(Value.unknownOf(Type.STRING), value(call("upper", ref("var", "unknown"))));
  }

  @Test
  void tryReturnsTheFirstSuccess() {
    assertEquals(s("fallback"), value(call("try", ref("var", "nope"), str("fallback"))));
    assertEquals(s("web"), value(call("try", ref("var", "name"), str("fallback"))));
  }

  @Test
  void tryWithUnknownReferenceIsUnknown() {
    assertEquals(Value.unknownOf(Type.DYNAMIC), value(call("try", ref("var", "unknown"), str("x"))));
  }

  @Test
  void tryAndCanDecideFromTheEvaluatedResultNotFromReferencedUnknowns() {
    Value unknownObj = Value.unknownOf(new ObjectType(Map.of("id", Type.STRING)));
    assertEquals(Value.bool(false), value(call("can", rel(lit(unknownObj), "missing"))));
    assertEquals(s("x"), value(call("try", rel(lit(unknownObj), "missing"), str("x"))));
    assertEquals(Value.unknownOf(Type.DYNAMIC), value(call("try", rel(lit(unknownObj), "id"), str("x"))));
  }

  @Test
  void tryWithNoSuccessListsTheFailures() {
    Diagnostic d = error(call("try", ref("var", "nope")));
    assertEquals("Error in function call", d.summary());
    assertTrue(d.detail().startsWith("Call to function \"try\" failed: no expression succeeded:\n- Unsupported "
        + "attribute (at test.hcl:1,"), d.detail());
    assertTrue(d.detail().endsWith("\n  This object does not have an attribute named \"nope\".\n\nAt least one "
        + "expression must produce a successful result."), d.detail());
  }

  @Test
  void canTellsWhetherAnExpressionSucceeds() {
    assertEquals(Value.bool(true), value(call("can", ref("var", "name"))));
    assertEquals(Value.bool(false), value(call("can", ref("var", "nope"))));
    assertEquals(Value.unknownOf(Type.BOOL), value(call("can", ref("var", "unknown"))));
  }

  @Test
  void scopesShadowTheirParents() {
    EvalContext root = EvalContext.root(functions(), Map.of("x", s("outer"), "y", s("y")));
    EvalContext child = root.child(Map.of("x", s("inner")));
    assertEquals(s("inner"), Evaluator.evaluate(ref("x"), child).value());
    assertEquals(s("y"), Evaluator.evaluate(ref("y"), child).value());
    assertEquals(s("outer"), Evaluator.evaluate(ref("x"), root).value());
  }

  @Test
  void functionsAndVariablesCanBeDisallowed() {
    EvalContext none = EvalContext.root(null, null);
    assertEquals("Variables not allowed", Evaluator.evaluate(ref("x"), none).diagnostics().errors().get(0).summary());
    assertEquals("Function calls not allowed",
        Evaluator.evaluate(call("upper", str("a")), none).diagnostics().errors().get(0).summary());
  }

  @Test
  void attributesOfUnknownObjectsAreUnknownsOfTheAttributeType() {
    Value unknownObj = Value.unknownOf(new ObjectType(Map.of("id", Type.NUMBER)));
    assertEquals(Value.unknownOf(Type.NUMBER), value(rel(lit(unknownObj), "id")));
    assertEquals(Value.unknownOf(Type.DYNAMIC), value(rel(lit(Value.unknownOf(Type.DYNAMIC)), "anything", 3)));
  }

  @Test
  void attributesOfMarkedObjectsAreMarked() {
    Value marked = Value.object(Map.of("id", s("x"))).mark(Marks.SENSITIVE);
    assertEquals(s("x").mark(Marks.SENSITIVE), value(rel(lit(marked), "id")));
  }

  @Test
  void relativeTraversalAppliesToAnyExpression() {
    assertEquals(s("B"), value(rel(tuple(str("A"), call("upper", str("b"))), 1)));
    assertEquals(n("2"), value(rel(paren(ref("var", "map")), "y")));
  }

  @Test
  void traversalStopsAtTheFirstError() {
    EvalResult r = eval(ref("var", "nope", "deeper", 0));
    assertEquals(1, r.diagnostics().size());
    assertEquals(Value.unknownOf(Type.DYNAMIC), r.value());
  }

  @Test
  void independentErrorsAreAllReported() {
    EvalResult r = eval(tuple(ref("var", "nope"), idx(str("x"), num(0)), call("nosuch")));
    assertEquals(3, r.diagnostics().errors().size());
  }

  @Test
  void tupleAndObjectsKeepElementMarks() {
    Value t = value(tuple(ref("var", "secret"), str("a")));
    assertEquals(Value.tuple(List.of(SECRET, s("a"))), t);
  }

  @Test
  void splatCarriesMarksOfTheSource() {
    Value marked = Value.list(Type.STRING, List.of(s("a"))).mark(Marks.SENSITIVE);
    assertEquals(Value.list(Type.STRING, List.of(s("a"))).mark(Marks.SENSITIVE), value(splat(lit(marked))));
  }

  @Test
  void splatOverMarkedNullIsAMarkedEmptyTuple() {
    assertEquals(Value.tuple(List.of()).mark(Marks.SENSITIVE), value(splat(lit(Value.nullOf(Type.DYNAMIC).mark(Marks.SENSITIVE)))));
  }

  @Test
  void splatOverNullListIsAnError() {
    assertEquals("Splat of null value", error(splat(lit(Value.nullOf(new ListType(Type.STRING))))).summary());
  }

  @Test
  void emptyListSplatKeepsTheResultElementType() {
    Value empty = Value.list(new ObjectType(Map.of("id", Type.STRING)), List.of());
    assertEquals(Value.list(Type.STRING, List.of()), value(splat(lit(empty), "id")));
  }
}
