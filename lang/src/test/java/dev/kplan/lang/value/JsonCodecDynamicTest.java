package dev.kplan.lang.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.MapType;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.TupleType;
import dev.kplan.lang.types.Type;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Values under {@code any} keep their exact type through the state's typed JSON, as cty's marshalling does. */
class JsonCodecDynamicTest {
  private static final List<Value> SAMPLES = List.of(
      Value.string("s"),
      Value.number(3),
      Value.bool(true),
      Value.nullOf(Type.STRING),
      Value.nullOf(Type.DYNAMIC),
      Value.list(Type.STRING, List.of(Value.string("a"), Value.string("b"))),
      Value.list(Type.NUMBER, List.of()),
      Value.set(Type.STRING, List.of(Value.string("x"), Value.string("y"))),
      Value.map(Type.STRING, Map.of("k", Value.string("v"))),
      Value.tuple(List.of(Value.string("a"), Value.number(1))),
      Value.object(Map.of("a", Value.number(1), "b", Value.list(Type.BOOL, List.of(Value.bool(false))))),
      Value.list(new ObjectType(Map.of("n", Type.STRING)),
          List.of(Value.object(Map.of("n", Value.string("z"))))));

  @Test
  void everyTypeUnderAnyRoundTripsWithItsExactType() {
    for (Value v : SAMPLES) {
      Value back = JsonCodec.decode(JsonCodec.encode(v, Type.DYNAMIC), Type.DYNAMIC);
      assertEquals(v, back, () -> "round trip of " + v);
      assertEquals(v.type(), back.type(), () -> "type of " + v);
    }
  }

  @Test
  void anyNestedInASchemaTypeRoundTrips() {
    ObjectType schema = new ObjectType(Map.of("id", Type.STRING, "input", Type.DYNAMIC,
        "list", new ListType(Type.DYNAMIC), "m", new MapType(Type.DYNAMIC)));
    for (Value v : SAMPLES) {
      Value obj = Value.object(Map.of("id", Value.string("i"), "input", Value.object(Map.of("files", v)),
          "list", Value.list(Type.DYNAMIC, List.of(v)), "m", Value.map(Type.DYNAMIC, Map.of("k", v))));
      Value back = JsonCodec.decode(JsonCodec.encode(obj, schema), schema);
      assertEquals(obj, back, () -> "round trip of " + v);
    }
  }

  @Test
  void writesCtyWrappersAtDynamicPositionsOnly() {
    ObjectType schema = new ObjectType(Map.of("id", Type.STRING, "input", Type.DYNAMIC));
    Value obj = Value.object(Map.of("id", Value.string("i"),
        "input", Value.object(Map.of("files", Value.list(Type.STRING, List.of(Value.string("a")))))));
    assertEquals("{\"id\":\"i\",\"input\":{\"value\":{\"files\":[\"a\"]},"
        + "\"type\":[\"object\",{\"files\":[\"list\",\"string\"]}]}}", JsonCodec.encode(obj, schema));
    assertEquals("{\"value\":null,\"type\":\"string\"}", JsonCodec.encode(Value.nullOf(Type.STRING), Type.DYNAMIC));
    assertEquals("null", JsonCodec.encode(Value.nullOf(Type.DYNAMIC), Type.DYNAMIC));
  }

  @Test
  void typeJsonIsCtys() {
    assertEquals("\"dynamic\"", JsonCodec.encodeType(Type.DYNAMIC));
    assertEquals("[\"set\",[\"map\",\"bool\"]]", JsonCodec.encodeType(new SetType(new MapType(Type.BOOL))));
    assertEquals("[\"tuple\",[\"string\",\"number\"]]",
        JsonCodec.encodeType(new TupleType(List.of(Type.STRING, Type.NUMBER))));
    ObjectType withOptional = new ObjectType(Map.of("b", Type.STRING, "a", Type.NUMBER), Set.of("b"));
    assertEquals("[\"object\",{\"a\":\"number\",\"b\":\"string\"},[\"b\"]]", JsonCodec.encodeType(withOptional));
    assertEquals(withOptional, JsonCodec.decodeType(JsonCodec.encodeType(withOptional)));
  }

  @Test
  void plainJsonAtADynamicPositionIsRejected() {
    assertThrows(JsonCodecException.class, () -> JsonCodec.decode("[\"a\"]", Type.DYNAMIC));
    assertThrows(JsonCodecException.class, () -> JsonCodec.decode("{\"value\":1,\"type\":\"text\"}", Type.DYNAMIC));
  }

  @Test
  void untypedEncodeIsUnchanged() {
    assertEquals("[\"a\"]", JsonCodec.encode(Value.list(Type.STRING, List.of(Value.string("a")))));
  }
}
