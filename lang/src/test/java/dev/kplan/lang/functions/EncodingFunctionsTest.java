package dev.kplan.lang.functions;

import static dev.kplan.lang.functions.FnencTesting.n;
import static dev.kplan.lang.functions.FnencTesting.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncodingFunctionsTest {
  private final FnencTesting fns = new FnencTesting();

  @Test
  void jsonencodeWritesNullAsNullAndCarriesMarks() throws FunctionException {
    assertEquals(s("null"), fns.call("jsonencode", Value.nullOf(Type.STRING)));
    Value secret = Value.object(Map.of("p", s("x").mark(Marks.SENSITIVE)));
    Value out = fns.call("jsonencode", secret);
    assertEquals("{\"p\":\"x\"}", ((dev.kplan.lang.value.StringValue) out).value());
    assertTrue(out.isSensitive());
  }

  @Test
  void jsonencodeOfPartlyUnknownValueIsUnknownString() throws FunctionException {
    Value v = fns.call("jsonencode", Value.tuple(List.of(Value.unknownOf(Type.NUMBER))));
    assertEquals(Value.unknownOf(Type.STRING), v);
  }

  @Test
  void jsondecodeReportsGoSyntaxErrorsAsCallErrors() {
    fns.assertFails("invalid character 'x' looking for beginning of value", -1, "jsondecode", s("x"));
    fns.assertFails("unexpected EOF", -1, "jsondecode", s("{\"a\": \"b"));
  }

  @Test
  void base64RoundTripsUtf8() throws FunctionException {
    assertEquals("4pyTIMOgIGxhIG1vZGU=", fns.string("base64encode", s("✓ à la mode")));
    assertEquals("✓ à la mode", fns.string("base64decode", s("4pyTIMOgIGxhIG1vZGU=")));
  }

  @Test
  void base64decodeRejectsBadInputAndRedactsSensitiveInput() {
    fns.assertFails("failed to decode base64 data \"abc\"", -1, "base64decode", s("abc"));
    fns.assertFails("failed to decode base64 data (sensitive value)", -1, "base64decode",
        s("a!").mark(Marks.SENSITIVE));
    fns.assertFails("the result of decoding the provided string is not valid UTF-8", -1, "base64decode", s("/w=="));
  }

  @Test
  void base64decodeKeepsMarksOfItsArgument() throws FunctionException {
    assertTrue(fns.call("base64decode", s("aGk=").mark(Marks.SENSITIVE)).isSensitive());
  }

  @Test
  void base64gzipFramesAsGoAndDecompressesBack() throws FunctionException {
    String gz = fns.string("base64gzip", s("hello hello hello"));
    byte[] raw = Base64.getDecoder().decode(gz);
    assertEquals(0x1f, raw[0] & 0xff);
    assertEquals(0xff, raw[9] & 0xff);
    assertEquals("hello hello hello", fns.string("base64gunzip", s(gz)));
  }

  @Test
  void urlencodeEscapesAsGoQueryEscape() throws FunctionException {
    assertEquals("a+b%26c%2Fd~e-f_g.h%3D%C3%A9", fns.string("urlencode", s("a b&c/d~e-f_g.h=é")));
  }

  @Test
  void urldecodeRejectsBadEscapes() throws FunctionException {
    assertEquals("a b+", fns.string("urldecode", s("a+b%2B")));
    fns.assertFails("failed to decode URL '': invalid URL escape \"%zz\"", -1, "urldecode", s("x%zz"));
    fns.assertFails("failed to decode URL '': invalid URL escape \"%4\"", -1, "urldecode", s("%4"));
  }

  @Test
  void textencodingsRejectUnknownEncodingsAndUnrepresentableText() {
    fns.assertFails("\"bogus\" is not a supported IANA encoding name or alias in this OpenTofu version", 1,
        "textencodebase64", s("x"), s("bogus"));
    fns.assertFails("the given string contains characters that cannot be represented in US-ASCII", 0,
        "textencodebase64", s("é"), s("US-ASCII"));
    fns.assertFails("the given value is has an invalid base64 symbol at offset 2", 0,
        "textdecodebase64", s("ab!d"), s("UTF-8"));
  }

  @Test
  void yamlencodeUsesBlockStyleQuotedStringsAndLiteralBlocks() throws FunctionException {
    assertEquals("\"hello\"\n", fns.string("yamlencode", s("hello")));
    assertEquals("1\n...\n", fns.string("yamlencode", n(1)));
    assertEquals("[]\n", fns.string("yamlencode", Value.tuple(List.of())));
    assertEquals("{}\n", fns.string("yamlencode", Value.object(Map.of())));
    assertEquals("\"a\": |-\n  x\n  y\n\"b\": null\n\"c\": []\n",
        fns.string("yamlencode", Value.object(Map.of("a", s("x\ny"), "b", Value.nullOf(Type.STRING),
            "c", Value.tuple(List.of())))));
    assertEquals("|\n  x\n  y\n", fns.string("yamlencode", s("x\ny\n")));
    assertEquals("- - 1\n  - 2\n- - 3\n", fns.string("yamlencode", Value.tuple(List.of(
        Value.tuple(List.of(n(1), n(2))), Value.tuple(List.of(n(3)))))));
    assertEquals("\"tab\\there \\U0001F600 \\\"q\\\"\"\n", fns.string("yamlencode", s("tab\there 😀 \"q\"")));
  }

  @Test
  void yamldecodeResolvesScalarsAsGoCtyYaml() throws FunctionException {
    Value v = fns.call("yamldecode", s("""
        a: yes
        b: 0x1F
        c: "true"
        d: 2001-12-14
        e: ~
        f: 1.5e3
        g: 0o17
        h: 1_000
        """));
    assertEquals(Value.object(Map.of(
        "a", Value.bool(true), "b", n(31), "c", s("true"), "d", s("2001-12-14T00:00:00Z"),
        "e", Value.nullOf(Type.DYNAMIC), "f", n(1500), "g", n(15), "h", s("1_000"))), v);
  }

  @Test
  void yamldecodeAppliesMergeKeys() throws FunctionException {
    Value v = fns.call("yamldecode", s("base: &b\n  x: 1\nderived:\n  <<: *b\n  z: 2\n"));
    assertEquals(Value.object(Map.of("x", n(1), "z", n(2))), ((dev.kplan.lang.value.ObjectValue) v).get("derived"));
  }

  @Test
  void yamldecodeTurnsYaml11BooleanKeysIntoTrueAndFalseAsTerraformDoes() throws FunctionException {
    assertEquals(Value.object(Map.of("true", s("push"), "false", n(1))), fns.call("yamldecode", s("on: push\nn: 1\n")));
  }

  @Test
  void yamldecodeRefusesRecursiveAnchorsCustomTagsAndSecondDocuments() {
    assertTrue(fns.failure("yamldecode", s("{a: &foo [1, *foo, 3]}")).getMessage()
        .endsWith("cannot refer to anchor \"foo\" from inside its own definition"));
    assertTrue(fns.failure("yamldecode", s("{a: !not-supported foo}")).getMessage()
        .endsWith("unsupported tag \"!not-supported\""));
    assertTrue(fns.failure("yamldecode", s("a: 1\n---\nb: 2\n")).getMessage()
        .endsWith("unexpected extra content after value"));
  }

  @Test
  void yamldecodeNeedsADocumentButAcceptsAnEmptyOne() throws FunctionException {
    fns.assertFails("on line 1, column 1: missing start of document", -1, "yamldecode", s(""));
    assertEquals(Value.nullOf(Type.DYNAMIC), fns.call("yamldecode", s("---\n")));
  }

  @Test
  void yamldecodeallReadsEveryNonEmptyDocument() throws FunctionException {
    Value v = fns.call("yamldecodeall", s("---\nkind: A\n---\n---\nkind: B\n"));
    assertEquals(Value.tuple(List.of(Value.object(Map.of("kind", s("A"))), Value.object(Map.of("kind", s("B"))))), v);
  }

  @Test
  void yamlRoundTripsLongFoldedStrings() throws FunctionException {
    String longText = "word ".repeat(40).trim();
    String yaml = fns.string("yamlencode", Value.object(Map.of("k", s(longText))));
    assertTrue(yaml.lines().allMatch(l -> l.length() <= 90), yaml);
    assertTrue(yaml.lines().count() > 1, yaml);
    assertEquals(Value.object(Map.of("k", s(longText))), fns.call("yamldecode", s(yaml)));
  }

  @Test
  void csvdecodeReadsRowsAsObjects() throws FunctionException {
    Value v = fns.call("csvdecode", s("a,b\n1,\"x,\"\"y\"\"\"\n\n3,4\n"));
    assertEquals(List.of(
            Value.object(Map.of("a", s("1"), "b", s("x,\"y\""))),
            Value.object(Map.of("a", s("3"), "b", s("4")))),
        ((dev.kplan.lang.value.ListValue) v).elements());
    fns.assertFails("CSV parse error on line 2: wrong number of fields", -1, "csvdecode", s("a,b\n1\n"));
    fns.assertFails("duplicate column name \"a\"", -1, "csvdecode", s("a,a\n1,2\n"));
    fns.assertFails("missing header line", -1, "csvdecode", s(""));
  }
}
