package dev.kplan.lang.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kplan.lang.types.Type;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

  @Test
  void encodesObjectKeysSortedAndCompact() {
    Map<String, Value> attrs = new LinkedHashMap<>();
    attrs.put("b", Value.number(2));
    attrs.put("a", Value.tuple(List.of(Value.bool(true), Value.nullOf(Type.STRING))));
    assertEquals("{\"a\":[true,null],\"b\":2}", JsonCodec.encode(Value.object(attrs)));
  }

  @Test
  void escapesHtmlAndLineSeparatorsAsGoDoes() {
    assertEquals("\"\\u003ca\\u003e \\u0026 \\u2028\\u2029 \\\"q\\\" \\\\ \\n\\t\\r\\b\\f \\u0001 \u007f é 😀\"",
        JsonCodec.encode(Value.string("<a> & \u2028\u2029 \"q\" \\ \n\t\r\b\f \u0001 \u007f é 😀")));
  }

  @Test
  void printsNumbersExactlyWithoutExponentOrTrailingZeros() {
    assertEquals("[1,1.5,-0.001,100000000000000000000000000000,0.1]",
        JsonCodec.encode(Value.tuple(List.of(
            Value.number(new BigDecimal("1.0")),
            Value.number(new BigDecimal("1.50")),
            Value.number(new BigDecimal("-1E-3")),
            Value.number(new BigDecimal("1E+29")),
            Value.number(new BigDecimal("0.1"))))));
  }

  @Test
  void encodesSetsAsArraysInCanonicalOrderAndMapsAsObjects() {
    Value set = Value.set(Type.STRING, List.of(Value.string("b"), Value.string("a")));
    Value map = Value.map(Type.NUMBER, Map.of("z", Value.number(1), "y", Value.number(2)));
    assertEquals("[[\"a\",\"b\"],{\"y\":2,\"z\":1}]", JsonCodec.encode(Value.tuple(List.of(set, map))));
  }

  @Test
  void sortsKeysByCodePointNotUtf16() {
    Value obj = Value.object(Map.of("\uFF21", Value.number(1), "😀", Value.number(2)));
    assertEquals("{\"\uFF21\":1,\"😀\":2}", JsonCodec.encode(obj));
  }

  @Test
  void refusesUnknownValues() {
    JsonCodecException e = assertThrows(JsonCodecException.class,
        () -> JsonCodec.encode(Value.tuple(List.of(Value.unknownOf(Type.STRING)))));
    assertEquals("value is not known", e.getMessage());
  }

  @Test
  void decodesObjectsToObjectsAndArraysToTuples() {
    Value v = JsonCodec.decode(" {\"a\": [1, \"x\", null, false], \"b\": {}} ");
    assertEquals(Value.object(Map.of(
        "a", Value.tuple(List.of(Value.number(1), Value.string("x"), Value.nullOf(Type.DYNAMIC),
            Value.bool(false))),
        "b", Value.object(Map.of()))), v);
  }

  @Test
  void decodesNumbersWithArbitraryPrecision() {
    Value v = JsonCodec.decode("123456789012345678901234567890.123456789");
    assertEquals(Value.number(new BigDecimal("123456789012345678901234567890.123456789")), v);
  }

  @Test
  void decodesEscapesAndSurrogatePairs() {
    assertEquals(Value.string("a\"\\/\b\f\n\r\té😀\uFFFDx"),
        JsonCodec.decode("\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\\ud800x\""));
  }

  @Test
  void laterDuplicateKeysWin() {
    assertEquals(Value.object(Map.of("a", Value.number(2))), JsonCodec.decode("{\"a\":1,\"a\":2}"));
  }

  @Test
  void reportsSyntaxErrorsWithGoWording() {
    assertDecodeError("", "EOF");
    assertDecodeError("   ", "EOF");
    assertDecodeError("x", "invalid character 'x' looking for beginning of value");
    assertDecodeError("[1,]", "invalid character ']' looking for beginning of value");
    assertDecodeError("[1 2]", "invalid character '2' after array element");
    assertDecodeError("{\"a\" 1}", "invalid character '1' after object key");
    assertDecodeError("{\"a\":1 \"b\"}", "invalid character '\"' after object key:value pair");
    assertDecodeError("{\"a\":1,}", "invalid character '}' looking for beginning of object key string");
    assertDecodeError("{1:2}", "invalid character '1'");
    assertDecodeError("[1", "EOF");
    assertDecodeError("\"abc", "unexpected EOF");
    assertDecodeError("tru", "unexpected EOF");
    assertDecodeError("trux", "invalid character 'x' in literal true (expecting 'e')");
    assertDecodeError("-x", "invalid character 'x' in numeric literal");
    assertDecodeError("1.e", "invalid character 'e' after decimal point in numeric literal");
    assertDecodeError("1ex", "invalid character 'x' in exponent of numeric literal");
    assertDecodeError("\"a\nb\"", "invalid character '\\n' in string literal");
    assertDecodeError("\"\\x\"", "invalid character 'x' in string escape code");
    assertDecodeError("\"\\u12g4\"", "invalid character 'g' in \\u hexadecimal character escape");
    assertDecodeError("1 2", "extraneous data after JSON object");
    assertDecodeError("{} x", "extraneous data after JSON object");
    assertDecodeError("é", "invalid character 'Ã' looking for beginning of value");
  }

  @Test
  void toleratesTrailingCloserAsGoDecoderMoreDoes() {
    assertEquals(Value.number(1), JsonCodec.decode("1 ]"));
  }

  @Test
  void roundTripsThroughEncodeAndDecode() {
    String json = "{\"a\":[1,2.5,\"\\u003c\"],\"b\":null,\"c\":{\"d\":true}}";
    assertEquals(json, JsonCodec.encode(JsonCodec.decode(json)));
  }

  private static void assertDecodeError(String json, String message) {
    JsonCodecException e = assertThrows(JsonCodecException.class, () -> JsonCodec.decode(json));
    assertEquals(message, e.getMessage(), "decoding " + json);
  }
}
