package dev.kplan.lang.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.FunctionCallExpr;
import dev.kplan.lang.ast.LiteralExpr;
import dev.kplan.lang.ast.ObjectExpr;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.ast.TupleExpr;
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TypeConstraintsTest {
  private static final SourceRange R = SourceRange.startOf("test.kp.hcl");

  private static Expr kw(String name) {
    return new TraversalExpr(name, R, List.of(), R);
  }

  private static Expr call(String name, Expr... args) {
    return new FunctionCallExpr(name, List.of(args), false, R, R);
  }

  private static Expr lit(Value v) {
    return new LiteralExpr(v, R);
  }

  private static Expr obj(Object... keyValues) {
    List<ObjectExpr.Item> items = new ArrayList<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      items.add(new ObjectExpr.Item(lit(Value.string((String) keyValues[i])), (Expr) keyValues[i + 1], R));
    }
    return new ObjectExpr(items, R);
  }

  private static TypeConstraint ok(Expr e) {
    TypeConstraints.Result r = TypeConstraints.parse(e);
    assertFalse(r.diagnostics().hasErrors(), () -> r.diagnostics().toString());
    return r.constraint();
  }

  private static String errorDetail(Expr e) {
    TypeConstraints.Result r = TypeConstraints.parse(e);
    assertTrue(r.diagnostics().hasErrors());
    assertEquals("Invalid type specification", r.diagnostics().errors().get(0).summary());
    return r.diagnostics().errors().get(0).detail();
  }

  @Test
  void readsPrimitiveKeywordsAndAny() {
    assertEquals(Type.STRING, ok(kw("string")).type());
    assertEquals(Type.NUMBER, ok(kw("number")).type());
    assertEquals(Type.BOOL, ok(kw("bool")).type());
    assertEquals(Type.DYNAMIC, ok(kw("any")).type());
  }

  @Test
  void readsCollectionAndStructuralConstructors() {
    assertEquals(new ListType(Type.STRING), ok(call("list", kw("string"))).type());
    assertEquals(new SetType(new MapType(Type.NUMBER)), ok(call("set", call("map", kw("number")))).type());
    assertEquals(new TupleType(List.of(Type.STRING, Type.BOOL)),
        ok(call("tuple", new TupleExpr(List.of(kw("string"), kw("bool")), R))).type());
    assertEquals(new ObjectType(Map.of("a", Type.STRING, "b", Type.NUMBER), Set.of("b")),
        ok(call("object", obj("a", kw("string"), "b", call("optional", kw("number"))))).type());
  }

  @Test
  void appliesOptionalAttributeDefaultsBeforeConversion() throws Exception {
    TypeConstraint tc = ok(call("object", obj("name", call("optional", kw("string"), lit(Value.string("OpenTofu"))))));
    assertEquals(Value.object(Map.of("name", Value.string("OpenTofu"))), tc.convert(Value.object(Map.of())));
    assertEquals(Value.object(Map.of("name", Value.string("x"))),
        tc.convert(Value.object(Map.of("name", Value.string("x")))));
  }

  @Test
  void appliesNestedDefaultsInsideCollections() throws Exception {
    TypeConstraint tc = ok(call("list", call("object", obj(
        "port", call("optional", kw("number"), lit(Value.number(80))),
        "name", kw("string")))));
    Value in = new TupleValue(List.of(Value.object(Map.of("name", Value.string("a")))), Marks.NONE);
    Value out = tc.convert(in);
    assertEquals(new dev.kplan.lang.value.ListValue(
        new ObjectType(Map.of("port", Type.NUMBER, "name", Type.STRING)),
        List.of(Value.object(Map.of("name", Value.string("a"), "port", Value.number(80)))), Marks.NONE), out);
  }

  @Test
  void convertsDefaultToTheAttributeType() {
    TypeConstraint tc = ok(call("object", obj("n", call("optional", kw("string"), lit(Value.number(5))))));
    assertEquals(Value.string("5"), tc.defaults().defaultValues().get("n"));
    TypeConstraints.Result bad = TypeConstraints.parse(
        call("object", obj("n", call("optional", kw("number"), lit(Value.string("x"))))));
    assertEquals("Invalid default value for optional attribute", bad.diagnostics().errors().get(0).summary());
    assertEquals("This default value is not compatible with the attribute's type constraint: a number is required.",
        bad.diagnostics().errors().get(0).detail());
  }

  @Test
  void reportsInvalidSpecificationsAsHclDoes() {
    assertEquals("The keyword \"foo\" is not a valid type specification.", errorDetail(kw("foo")));
    assertEquals("The list type constructor requires one argument specifying the element type.", errorDetail(kw("list")));
    assertEquals("The map type constructor requires one argument specifying the element type.", errorDetail(call("map")));
    assertEquals("Primitive type keyword \"string\" does not expect arguments.", errorDetail(call("string", kw("x"))));
    assertEquals("Keyword \"optional\" is valid only as a modifier for object type attributes.",
        errorDetail(call("optional", kw("string"))));
    assertEquals("Keyword \"thing\" is not a valid type constructor.", errorDetail(call("thing", kw("string"))));
    assertEquals("A type specification is either a primitive type keyword (bool, number, string) or a complex type "
        + "constructor call, like list(string).", errorDetail(lit(Value.number(1))));
    TypeConstraints.Result exact = TypeConstraints.parseExact(kw("any"));
    assertTrue(exact.diagnostics().hasErrors());
  }
}
