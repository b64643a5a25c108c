package dev.kplan.lang.functions;

import static dev.kplan.lang.functions.TestingStringCalls.call;
import static dev.kplan.lang.functions.TestingStringCalls.num;
import static dev.kplan.lang.functions.TestingStringCalls.sensitive;
import static dev.kplan.lang.functions.TestingStringCalls.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** sensitive, nonsensitive and issensitive, as OpenTofu has them. */
class SensitivityFunctionsTest {

  @Test
  void sensitiveMarksAnyValueIncludingNullAndUnknown() throws FunctionException {
    assertEquals(num(1).mark(Marks.SENSITIVE), call("sensitive", num(1)));
    assertEquals(Value.nullOf(Type.DYNAMIC).mark(Marks.SENSITIVE), call("sensitive", Value.nullOf(Type.DYNAMIC)));
    assertEquals(Value.unknownOf(Type.STRING).mark(Marks.SENSITIVE), call("sensitive", Value.unknownOf(Type.STRING)));
  }

  @Test
  void nonsensitiveRemovesTheTopLevelMarkOnly() throws FunctionException {
    assertEquals(str("x"), call("nonsensitive", sensitive(str("x"))));
    Value nested = Value.tuple(List.of(sensitive(num(1))));
    assertEquals(nested, call("nonsensitive", sensitive(nested)));
    assertTrue(call("nonsensitive", nested).hasMarksDeep());
  }

  @Test
  void nonsensitiveOfAValueThatIsNotSensitiveReturnsItUnchanged() throws FunctionException {
    assertEquals(str("clear"), call("nonsensitive", str("clear")));
    assertEquals(Value.nullOf(Type.DYNAMIC), call("nonsensitive", Value.nullOf(Type.DYNAMIC)));
  }

  @Test
  void issensitiveLooksAtTheValueItself() throws FunctionException {
    assertEquals(Value.bool(true), call("issensitive", sensitive(num(1))));
    assertEquals(Value.bool(false), call("issensitive", str("hello")));
    assertEquals(Value.bool(false), call("issensitive", Value.tuple(List.of(sensitive(num(1))))));
    assertEquals(Value.bool(true), call("issensitive", sensitive(Value.nullOf(Type.STRING))));
    assertFalse(call("issensitive", sensitive(num(1))).isSensitive());
  }

  @Test
  void issensitiveOfAnUnknownValueIsUnknown() throws FunctionException {
    assertEquals(Value.unknownOf(Type.BOOL), call("issensitive", Value.unknownOf(Type.STRING)));
    assertEquals(Value.unknownOf(Type.BOOL), call("issensitive", sensitive(Value.unknownOf(Type.STRING))));
  }

  @Test
  void resultTypeIsTheArgumentType() throws FunctionException {
    Value unknown = Value.unknownOf(Type.NUMBER);
    assertEquals(Type.NUMBER, call("nonsensitive", unknown).type());
    assertEquals(Type.NUMBER, call("sensitive", unknown).type());
  }

  @Test
  void ephemeralasnullReplacesEphemeralPartsWithNullsAndKeepsOtherMarks() throws FunctionException {
    Marks ephemeral = new Marks(java.util.Set.of(SensitivityFunctions.EPHEMERAL_MARK));
    assertEquals(str("Hello World"), call("ephemeralasnull", str("Hello World")));
    Value mixed = Value.tuple(List.of(str("a").mark(ephemeral), sensitive(str("b"))));
    assertEquals(Value.tuple(List.of(Value.nullOf(Type.STRING), sensitive(str("b")))), call("ephemeralasnull", mixed));
    Value both = str("c").mark(ephemeral).mark(Marks.SENSITIVE);
    assertEquals(Value.nullOf(Type.STRING).mark(Marks.SENSITIVE), call("ephemeralasnull", both));
    assertEquals(Value.unknownOf(Type.STRING), call("ephemeralasnull", Value.unknownOf(Type.STRING).mark(ephemeral)));
  }
}
