package dev.kplan.lang.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.MapType;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.Type;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTypedDecodeTest {
  private static final ObjectType TYPE = new ObjectType(Map.of(
      "id", Type.STRING,
      "size", Type.NUMBER,
      "tags", new MapType(Type.STRING),
      "ports", new ListType(Type.NUMBER),
      "names", new SetType(Type.STRING),
      "missing", Type.BOOL));

  @Test
  void readsStateAttributesWithTheSchemaType() {
    Value v = JsonCodec.decode(
        "{\"id\":\"a\",\"size\":\"3\",\"tags\":{\"k\":\"v\"},\"ports\":[80,443],\"names\":[\"y\",\"x\",\"y\"]}", TYPE);
    assertEquals(Value.object(Map.of(
        "id", Value.string("a"),
        "size", Value.number(3),
        "tags", Value.map(Type.STRING, Map.of("k", Value.string("v"))),
        "ports", Value.list(Type.NUMBER, List.of(Value.number(80), Value.number(443))),
        "names", Value.set(Type.STRING, List.of(Value.string("x"), Value.string("y"))),
        "missing", Value.nullOf(Type.BOOL))), v);
    assertEquals(TYPE.attributes().keySet(), ((ObjectType) v.type()).attributes().keySet());
  }

  @Test
  void nullsKeepTheirType() {
    Value v = JsonCodec.decode("{\"tags\":null}", TYPE);
    assertEquals(Value.nullOf(new MapType(Type.STRING)), ((ObjectValue) v).get("tags"));
    assertEquals(Value.nullOf(TYPE), JsonCodec.decode("null", TYPE));
  }

  @Test
  void rejectsAttributesTheTypeDoesNotHaveAndShapeMismatches() {
    JsonCodecException e = assertThrows(JsonCodecException.class, () -> JsonCodec.decode("{\"other\":1}", TYPE));
    assertTrue(e.getMessage().contains("unsupported attribute \"other\""), e.getMessage());
    JsonCodecException e2 = assertThrows(JsonCodecException.class, () -> JsonCodec.decode("{\"ports\":{}}", TYPE));
    assertTrue(e2.getMessage().startsWith("ports: "), e2.getMessage());
    assertThrows(JsonCodecException.class, () -> JsonCodec.decode("{\"size\":\"x\"}", TYPE));
  }
}
