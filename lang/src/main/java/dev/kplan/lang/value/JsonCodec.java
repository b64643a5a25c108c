package dev.kplan.lang.value;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON as Terraform's {@code jsonencode}/{@code jsondecode} write and read it (go-cty's
 * {@code cty/json} over Go's encoding/json). Hand-written rather than delegated to a JSON library
 * because the exact bytes matter: object keys sorted by code point, compact, {@code <>&} and
 * U+2028/U+2029 escaped, numbers printed exactly; and decoding errors carry Go's wording.
 */
public final class JsonCodec {
  private JsonCodec() {}

  /**
   * The JSON text for {@code value}: lists, sets and tuples as arrays, maps and objects as objects,
   * nulls of any type as {@code null}. Marks are ignored (callers carry them on the result).
   *
   * @throws JsonCodecException when the value is not wholly known
   */
  public static String encode(Value value) {
    StringBuilder sb = new StringBuilder();
    write(value, sb);
    return sb.toString();
  }

  /**
   * The value {@code json} denotes: objects as object values, arrays as tuples, numbers with
   * arbitrary precision, {@code null} as a null of type {@code any}.
   *
   * @throws JsonCodecException with Go's message when the text is not valid JSON
   */
  public static Value decode(String json) {
    return new Reader(json).readDocument();
  }

  /**
   * The value {@code json} denotes, read as type {@code type} (as go-cty's {@code json.Unmarshal}
   * with a type): object attributes missing from the text are null, arrays become lists, sets or
   * tuples and objects maps or objects as the type says, primitives convert (e.g. {@code "1"} to a
   * number); an attribute the type does not have is an error. State attributes are read this way.
   *
   * @throws JsonCodecException when the text is not valid JSON or does not fit the type
   */
  public static Value decode(String json, dev.kplan.lang.types.Type type) {
    return conform(decode(json), type, Path.ROOT);
  }

  /**
   * The JSON text for {@code value} as a value of type {@code type} (go-cty's {@code json.Marshal}
   * with a type): where {@code type} has {@code any} (at any depth), the value there is written as
   * {@code {"value":<json>,"type":<type json>}} so that {@link #decode(String, dev.kplan.lang.types.Type)}
   * restores its exact type; a list must come back a list, not a tuple, or every plan would see a
   * change. Elsewhere the text is that of {@link #encode(Value)}. State attributes and outputs are
   * written this way.
   *
   * @throws JsonCodecException when the value is not wholly known
   */
  public static String encode(Value value, dev.kplan.lang.types.Type type) {
    StringBuilder sb = new StringBuilder();
    writeTyped(value, type, sb);
    return sb.toString();
  }

  /** cty's {@code json.MarshalType}: {@code "string"}, {@code ["list","string"]}, {@code ["object",{"a":"number"}]}... */
  public static String encodeType(dev.kplan.lang.types.Type type) {
    StringBuilder sb = new StringBuilder();
    writeType(type, sb);
    return sb.toString();
  }

  /** The type {@link #encodeType} wrote. */
  public static dev.kplan.lang.types.Type decodeType(String json) {
    return readType(decode(json), Path.ROOT);
  }

  private static void writeTyped(Value v, dev.kplan.lang.types.Type t, StringBuilder sb) {
    if (t instanceof dev.kplan.lang.types.DynamicType && !(v.type() instanceof dev.kplan.lang.types.DynamicType)) {
      sb.append("{\"value\":");
      writeTyped(v, v.type(), sb);
      sb.append(",\"type\":");
      writeType(v.type(), sb);
      sb.append('}');
      return;
    }
    if (v instanceof NullValue) {
      sb.append("null");
      return;
    }
    if (v instanceof UnknownValue) {
      throw new JsonCodecException("value is not known");
    }
    if (v instanceof ListValue l) {
      writeTypedArray(l.elements(), i -> elementOf(t, l.elementType()), sb);
    } else if (v instanceof SetValue s) {
      writeTypedArray(s.elements(), i -> elementOf(t, s.elementType()), sb);
    } else if (v instanceof TupleValue tv) {
      writeTypedArray(tv.elements(), i -> t instanceof dev.kplan.lang.types.TupleType tt && i < tt.elements().size()
          ? tt.elements().get(i) : tv.elements().get(i).type(), sb);
    } else if (v instanceof MapValue m) {
      dev.kplan.lang.types.Type et = elementOf(t, m.elementType());
      writeTypedObject(m.entries(), k -> et, sb);
    } else if (v instanceof ObjectValue o) {
      writeTypedObject(o.attributes(), k -> {
        dev.kplan.lang.types.Type at = t instanceof dev.kplan.lang.types.ObjectType ot ? ot.attributeType(k) : null;
        return at != null ? at : o.attributes().get(k).type();
      }, sb);
    } else {
      write(v, sb);
    }
  }

  /** The element type the schema declares, or the value's own when the schema has none. */
  private static dev.kplan.lang.types.Type elementOf(dev.kplan.lang.types.Type t, dev.kplan.lang.types.Type own) {
    dev.kplan.lang.types.Type et = t.elementType();
    return et != null ? et : own;
  }

  private static void writeTypedArray(List<Value> elements,
      java.util.function.IntFunction<dev.kplan.lang.types.Type> typeAt, StringBuilder sb) {
    writeArray(elements, (i, v) -> writeTyped(v, typeAt.apply(i), sb), sb);
  }

  private static void writeTypedObject(Map<String, Value> entries,
      java.util.function.Function<String, dev.kplan.lang.types.Type> typeOf, StringBuilder sb) {
    writeObject(entries, (k, v) -> writeTyped(v, typeOf.apply(k), sb), sb);
  }

  private static void writeType(dev.kplan.lang.types.Type t, StringBuilder sb) {
    if (t instanceof dev.kplan.lang.types.DynamicType) {
      sb.append("\"dynamic\"");
    } else if (t instanceof dev.kplan.lang.types.PrimitiveType p) {
      writeString(p.friendlyName(), sb);
    } else if (t instanceof dev.kplan.lang.types.ListType lt) {
      sb.append("[\"list\",");
      writeType(lt.element(), sb);
      sb.append(']');
    } else if (t instanceof dev.kplan.lang.types.SetType st) {
      sb.append("[\"set\",");
      writeType(st.element(), sb);
      sb.append(']');
    } else if (t instanceof dev.kplan.lang.types.MapType mt) {
      sb.append("[\"map\",");
      writeType(mt.element(), sb);
      sb.append(']');
    } else if (t instanceof dev.kplan.lang.types.TupleType tt) {
      sb.append("[\"tuple\",[");
      for (int i = 0; i < tt.elements().size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        writeType(tt.elements().get(i), sb);
      }
      sb.append("]]");
    } else if (t instanceof dev.kplan.lang.types.ObjectType ot) {
      sb.append("[\"object\",{");
      Map<String, dev.kplan.lang.types.Type> sorted = new TreeMap<>(ValueOrder::compareCodePoints);
      sorted.putAll(ot.attributes());
      boolean first = true;
      for (Map.Entry<String, dev.kplan.lang.types.Type> e : sorted.entrySet()) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        writeString(e.getKey(), sb);
        sb.append(':');
        writeType(e.getValue(), sb);
      }
      sb.append('}');
      if (!ot.optional().isEmpty()) {
        sb.append(",[");
        boolean firstOpt = true;
        java.util.Set<String> optional = new java.util.TreeSet<>(ValueOrder::compareCodePoints);
        optional.addAll(ot.optional());
        for (String k : optional) {
          if (!firstOpt) {
            sb.append(',');
          }
          firstOpt = false;
          writeString(k, sb);
        }
        sb.append(']');
      }
      sb.append(']');
    } else {
      throw new IllegalStateException("unexpected type " + t);
    }
  }

  private static dev.kplan.lang.types.Type readType(Value v, Path at) {
    if (v instanceof StringValue s) {
      switch (s.value()) {
        case "string":
          return dev.kplan.lang.types.Type.STRING;
        case "number":
          return dev.kplan.lang.types.Type.NUMBER;
        case "bool":
          return dev.kplan.lang.types.Type.BOOL;
        case "dynamic":
          return dev.kplan.lang.types.Type.DYNAMIC;
        default:
          throw new JsonCodecException(where(at) + "invalid primitive type name \"" + s.value() + "\"");
      }
    }
    if (v instanceof TupleValue tv && tv.elements().size() >= 2 && tv.elements().get(0) instanceof StringValue kind) {
      Value arg = tv.elements().get(1);
      switch (kind.value()) {
        case "list":
          return new dev.kplan.lang.types.ListType(readType(arg, at));
        case "set":
          return new dev.kplan.lang.types.SetType(readType(arg, at));
        case "map":
          return new dev.kplan.lang.types.MapType(readType(arg, at));
        case "tuple": {
          if (!(arg instanceof TupleValue elems)) {
            throw new JsonCodecException(where(at) + "tuple type requires an array of element types");
          }
          List<dev.kplan.lang.types.Type> ts = new ArrayList<>();
          for (Value e : elems.elements()) {
            ts.add(readType(e, at));
          }
          return new dev.kplan.lang.types.TupleType(ts);
        }
        case "object": {
          if (!(arg instanceof ObjectValue attrs)) {
            throw new JsonCodecException(where(at) + "object type requires an object of attribute types");
          }
          Map<String, dev.kplan.lang.types.Type> ts = new LinkedHashMap<>();
          attrs.attributes().forEach((k, e) -> ts.put(k, readType(e, at)));
          java.util.Set<String> optional = new java.util.TreeSet<>();
          if (tv.elements().size() > 2 && tv.elements().get(2) instanceof TupleValue opts) {
            for (Value o : opts.elements()) {
              if (o instanceof StringValue os) {
                optional.add(os.value());
              }
            }
          }
          return new dev.kplan.lang.types.ObjectType(ts, optional);
        }
        default:
          throw new JsonCodecException(where(at) + "invalid type kind \"" + kind.value() + "\"");
      }
    }
    throw new JsonCodecException(where(at) + "invalid type specification");
  }

  private static Value conform(Value v, dev.kplan.lang.types.Type t, Path at) {
    if (v.isNull()) {
      return Value.nullOf(t);
    }
    if (t instanceof dev.kplan.lang.types.DynamicType) {
      // a value whose declared type is any carries its own type, as the typed encode wrote it
      if (!(v instanceof ObjectValue o) || !o.attributes().keySet().equals(java.util.Set.of("value", "type"))) {
        throw new JsonCodecException(where(at) + "dynamic value must be an object with \"value\" and \"type\"");
      }
      dev.kplan.lang.types.Type own = readType(o.attributes().get("type"), at);
      return conform(o.attributes().get("value"), own, at);
    }
    if (t instanceof dev.kplan.lang.types.ObjectType ot) {
      if (!(v instanceof ObjectValue o)) {
        throw mismatch(at, "object");
      }
      for (String k : o.attributes().keySet()) {
        if (!ot.attributes().containsKey(k)) {
          throw new JsonCodecException(where(at) + "unsupported attribute \"" + k + "\"");
        }
      }
      Map<String, Value> out = new LinkedHashMap<>();
      ot.attributes().forEach((k, at2) -> {
        Value e = o.attributes().get(k);
        out.put(k, e == null ? Value.nullOf(at2) : conform(e, at2, at.attr(k)));
      });
      return Value.object(out);
    }
    if (t instanceof dev.kplan.lang.types.MapType mt) {
      if (!(v instanceof ObjectValue o)) {
        throw mismatch(at, "object");
      }
      Map<String, Value> out = new LinkedHashMap<>();
      o.attributes().forEach((k, e) -> out.put(k, conform(e, mt.element(), at.index(Value.string(k)))));
      return Value.map(mt.element(), out);
    }
    if (t instanceof dev.kplan.lang.types.ListType || t instanceof dev.kplan.lang.types.SetType
        || t instanceof dev.kplan.lang.types.TupleType) {
      if (!(v instanceof TupleValue tv)) {
        throw mismatch(at, "array");
      }
      List<Value> out = new ArrayList<>();
      for (int i = 0; i < tv.elements().size(); i++) {
        dev.kplan.lang.types.Type et;
        if (t instanceof dev.kplan.lang.types.TupleType tt) {
          if (tt.elements().size() != tv.elements().size()) {
            throw new JsonCodecException(where(at) + "tuple of " + tt.elements().size() + " elements required");
          }
          et = tt.elements().get(i);
        } else {
          et = t instanceof dev.kplan.lang.types.ListType lt ? lt.element()
              : ((dev.kplan.lang.types.SetType) t).element();
        }
        out.add(conform(tv.elements().get(i), et, at.index(Value.number(i))));
      }
      if (t instanceof dev.kplan.lang.types.ListType lt) {
        return Value.list(lt.element(), out);
      }
      if (t instanceof dev.kplan.lang.types.SetType st) {
        return Value.set(st.element(), out);
      }
      return Value.tuple(out);
    }
    try {
      return dev.kplan.lang.types.Convert.convert(v, t);
    } catch (dev.kplan.lang.types.ConversionException e) {
      throw new JsonCodecException(where(at) + e.getMessage());
    }
  }

  private static JsonCodecException mismatch(Path at, String want) {
    return new JsonCodecException(where(at) + "JSON " + want + " is required");
  }

  private static String where(Path at) {
    return at.steps().isEmpty() ? "" : at + ": ";
  }

  private static void write(Value v, StringBuilder sb) {
    if (v instanceof NullValue) {
      sb.append("null");
    } else if (v instanceof UnknownValue) {
      throw new JsonCodecException("value is not known");
    } else if (v instanceof StringValue s) {
      writeString(s.value(), sb);
    } else if (v instanceof NumberValue n) {
      sb.append(numberText(n.value()));
    } else if (v instanceof BoolValue b) {
      sb.append(b.value() ? "true" : "false");
    } else if (v instanceof ListValue l) {
      writeArray(l.elements(), sb);
    } else if (v instanceof SetValue s) {
      writeArray(s.elements(), sb);
    } else if (v instanceof TupleValue t) {
      writeArray(t.elements(), sb);
    } else if (v instanceof MapValue m) {
      writeObject(m.entries(), sb);
    } else if (v instanceof ObjectValue o) {
      writeObject(o.attributes(), sb);
    } else {
      throw new IllegalStateException("unexpected value " + v);
    }
  }

  /** A number as cty prints it ({@code big.Float.Text('f', -1)}): plain digits, no exponent. */
  public static String numberText(BigDecimal n) {
    if (n.signum() == 0) {
      return "0";
    }
    return n.stripTrailingZeros().toPlainString();
  }

  private static void writeArray(List<Value> elements, StringBuilder sb) {
    writeArray(elements, (i, v) -> write(v, sb), sb);
  }

  /** {@code [e0,e1,…]}, each element written by {@code element} (given its index). */
  private static void writeArray(List<Value> elements, IndexedWriter element, StringBuilder sb) {
    sb.append('[');
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      element.write(i, elements.get(i));
    }
    sb.append(']');
  }

  /** Writes one member of an array or object. */
  @FunctionalInterface
  private interface IndexedWriter {
    void write(int index, Value v);
  }

  private static void writeObject(Map<String, Value> entries, StringBuilder sb) {
    writeObject(entries, (k, v) -> write(v, sb), sb);
  }

  /** {@code {"k":v,…}} with keys in Go's order, each value written by {@code value}. */
  private static void writeObject(
      Map<String, Value> entries, java.util.function.BiConsumer<String, Value> value, StringBuilder sb) {
    // Go sorts keys by their UTF-8 bytes, which is code point order, not Java's UTF-16 order
    Map<String, Value> sorted = new TreeMap<>(ValueOrder::compareCodePoints);
    sorted.putAll(entries);
    sb.append('{');
    boolean first = true;
    for (Map.Entry<String, Value> e : sorted.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      writeString(e.getKey(), sb);
      sb.append(':');
      value.accept(e.getKey(), e.getValue());
    }
    sb.append('}');
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** A JSON string as Go's encoding/json writes it with HTML escaping on (Go 1.22+). */
  public static void writeString(String s, StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '<', '>', '&', '\u2028', '\u2029' -> appendUnicodeEscape(c, sb);
        default -> {
          if (c < 0x20) {
            appendUnicodeEscape(c, sb);
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            sb.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            // not encodable as UTF-8: Go writes the replacement character's escape
            sb.append("\\ufffd");
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  private static void appendUnicodeEscape(char c, StringBuilder sb) {
    sb.append("\\u")
        .append(HEX[(c >> 12) & 0xF])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }

  /**
   * Reads one JSON document the way go-cty does (Go's json.Decoder token by token), so that
   * malformed input fails with the same messages Terraform prints.
   */
  private static final class Reader {
    private enum State {
      TOP, ARRAY_START, ARRAY_VALUE, ARRAY_COMMA, OBJECT_START, OBJECT_KEY, OBJECT_COLON,
      OBJECT_VALUE, OBJECT_COMMA
    }

    private final String text;
    private int pos;

    Reader(String text) {
      this.text = text;
    }

    Value readDocument() {
      Value v = readValue(State.TOP);
      skipSpace();
      // json.Decoder.More(): anything but a closing delimiter counts as more data
      if (pos < text.length() && text.charAt(pos) != ']' && text.charAt(pos) != '}') {
        throw new JsonCodecException("extraneous data after JSON object");
      }
      return v;
    }

    private void skipSpace() {
      while (pos < text.length()) {
        char c = text.charAt(pos);
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
          return;
        }
        pos++;
      }
    }

    /** The next non-space character, or -1 at the end ("EOF" between tokens). */
    private int peekToken() {
      skipSpace();
      if (pos >= text.length()) {
        throw new JsonCodecException("EOF");
      }
      return text.charAt(pos);
    }

    private Value readValue(State state) {
      int c = peekToken();
      if (c == '[') {
        pos++;
        return readArray();
      }
      if (c == '{') {
        pos++;
        return readObject();
      }
      if (c == ']' || c == '}' || c == ':' || c == ',') {
        throw tokenError(c, state);
      }
      if (c == '"') {
        pos++;
        return Value.string(readStringBody());
      }
      return readLiteral();
    }

    private Value readArray() {
      List<Value> elements = new ArrayList<>();
      int c = peekToken();
      if (c == ']') {
        pos++;
        return Value.tuple(elements);
      }
      State state = State.ARRAY_START;
      while (true) {
        elements.add(readValue(state));
        c = peekToken();
        if (c == ']') {
          pos++;
          return Value.tuple(elements);
        }
        if (c != ',') {
          throw tokenError(c, State.ARRAY_COMMA);
        }
        pos++;
        state = State.ARRAY_VALUE;
      }
    }

    private Value readObject() {
      Map<String, Value> attrs = new LinkedHashMap<>();
      State state = State.OBJECT_START;
      while (true) {
        int c = peekToken();
        if (c == '}' && state == State.OBJECT_START) {
          pos++;
          return Value.object(attrs);
        }
        if (c != '"') {
          throw tokenError(c, state);
        }
        pos++;
        String key = new StringValue(readStringBody(), Marks.NONE).value();
        c = peekToken();
        if (c != ':') {
          throw tokenError(c, State.OBJECT_COLON);
        }
        pos++;
        Value v = readValue(State.OBJECT_VALUE);
        attrs.remove(key);
        attrs.put(key, v);
        c = peekToken();
        if (c == '}') {
          pos++;
          return Value.object(attrs);
        }
        if (c != ',') {
          throw tokenError(c, State.OBJECT_COMMA);
        }
        pos++;
        state = State.OBJECT_KEY;
      }
    }

    private static JsonCodecException tokenError(int c, State state) {
      String context = switch (state) {
        case TOP, ARRAY_START, ARRAY_VALUE, OBJECT_VALUE -> " looking for beginning of value";
        case ARRAY_COMMA -> " after array element";
        case OBJECT_KEY -> " looking for beginning of object key string";
        case OBJECT_COLON -> " after object key";
        case OBJECT_COMMA -> " after object key:value pair";
        case OBJECT_START -> "";
      };
      return invalid(c, context);
    }

    private static JsonCodecException invalid(int c, String context) {
      return new JsonCodecException("invalid character " + quoteChar(c) + context);
    }

    private static JsonCodecException unexpectedEof() {
      return new JsonCodecException("unexpected EOF");
    }

    /** The character Go names in a syntax error: the first UTF-8 byte, quoted as Go quotes it. */
    static String quoteChar(int c) {
      int b = c < 0x80 ? c : firstUtf8Byte(c);
      if (b == '\'') {
        return "'\\''";
      }
      if (b == '"') {
        return "'\"'";
      }
      String inner = switch (b) {
        case 0x07 -> "\\a";
        case 0x08 -> "\\b";
        case 0x0c -> "\\f";
        case 0x0a -> "\\n";
        case 0x0d -> "\\r";
        case 0x09 -> "\\t";
        case 0x0b -> "\\v";
        case '\\' -> "\\\\";
        default -> {
          if (b < 0x20 || b == 0x7f) {
            yield String.format("\\x%02x", b);
          } else if (b >= 0x80 && (b <= 0xa0 || b == 0xad)) {
            yield String.format("\\u%04x", b);
          }
          yield String.valueOf((char) b);
        }
      };
      return "'" + inner + "'";
    }

    private static int firstUtf8Byte(int codePoint) {
      if (codePoint < 0x800) {
        return 0xC0 | (codePoint >> 6);
      } else if (codePoint < 0x10000) {
        return 0xE0 | (codePoint >> 12);
      }
      return 0xF0 | (codePoint >> 18);
    }

    private int codePointAt(int i) {
      return text.codePointAt(i);
    }

    /** The rest of a string literal after its opening quote, with escapes resolved. */
    private String readStringBody() {
      StringBuilder sb = new StringBuilder();
      while (true) {
        if (pos >= text.length()) {
          throw unexpectedEof();
        }
        char c = text.charAt(pos);
        if (c == '"') {
          pos++;
          return sb.toString();
        }
        if (c < 0x20) {
          throw invalid(c, " in string literal");
        }
        if (c != '\\') {
          sb.append(c);
          pos++;
          continue;
        }
        pos++;
        if (pos >= text.length()) {
          throw unexpectedEof();
        }
        char e = text.charAt(pos++);
        switch (e) {
          case '"', '\\', '/' -> sb.append(e);
          case 'b' -> sb.append('\b');
          case 'f' -> sb.append('\f');
          case 'n' -> sb.append('\n');
          case 'r' -> sb.append('\r');
          case 't' -> sb.append('\t');
          case 'u' -> sb.append(readUnicodeEscape());
          default -> throw invalid(codePointAt(pos - 1), " in string escape code");
        }
      }
    }

    private String readUnicodeEscape() {
      char first = (char) readHex4();
      if (Character.isHighSurrogate(first)
          && pos + 1 < text.length() && text.charAt(pos) == '\\' && text.charAt(pos + 1) == 'u') {
        int save = pos;
        pos += 2;
        char second = (char) readHex4();
        if (Character.isLowSurrogate(second)) {
          return new String(new char[] {first, second});
        }
        // Go's unquote decodes a lone high surrogate as U+FFFD and reads the next escape afresh
        pos = save;
        return "\uFFFD";
      }
      if (Character.isSurrogate(first)) {
        return "\uFFFD";
      }
      return String.valueOf(first);
    }

    private int readHex4() {
      int v = 0;
      for (int i = 0; i < 4; i++) {
        if (pos >= text.length()) {
          throw unexpectedEof();
        }
        char h = text.charAt(pos);
        int d = Character.digit(h, 16);
        if (d < 0 || h > 'f') {
          throw invalid(codePointAt(pos), " in \\u hexadecimal character escape");
        }
        v = v * 16 + d;
        pos++;
      }
      return v;
    }

    /** {@code true}, {@code false}, {@code null} or a number, as Go's scanner reads them. */
    private Value readLiteral() {
      int c = codePointAt(pos);
      switch (c) {
        case 't' -> {
          expectLiteral("true");
          return BoolValue.TRUE;
        }
        case 'f' -> {
          expectLiteral("false");
          return BoolValue.FALSE;
        }
        case 'n' -> {
          expectLiteral("null");
          return Value.nullOf(dev.kplan.lang.types.Type.DYNAMIC);
        }
        default -> {
          if (c == '-' || (c >= '0' && c <= '9')) {
            return readNumber();
          }
          throw invalid(c, " looking for beginning of value");
        }
      }
    }

    private void expectLiteral(String word) {
      for (int i = 1; i < word.length(); i++) {
        int at = pos + i;
        if (at >= text.length()) {
          throw unexpectedEof();
        }
        char c = text.charAt(at);
        if (c != word.charAt(i)) {
          throw invalid(codePointAt(at), " in literal " + word + " (expecting '" + word.charAt(i) + "')");
        }
      }
      pos += word.length();
    }

    private Value readNumber() {
      int start = pos;
      if (text.charAt(pos) == '-') {
        pos++;
        if (pos >= text.length()) {
          throw unexpectedEof();
        }
        char c = text.charAt(pos);
        if (c < '0' || c > '9') {
          throw invalid(codePointAt(pos), " in numeric literal");
        }
      }
      if (text.charAt(pos) == '0') {
        pos++;
      } else {
        skipDigits();
      }
      if (pos < text.length() && text.charAt(pos) == '.') {
        pos++;
        if (pos >= text.length()) {
          throw unexpectedEof();
        }
        char c = text.charAt(pos);
        if (c < '0' || c > '9') {
          throw invalid(codePointAt(pos), " after decimal point in numeric literal");
        }
        skipDigits();
      }
      if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
        pos++;
        if (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
          pos++;
        }
        if (pos >= text.length()) {
          throw unexpectedEof();
        }
        char c = text.charAt(pos);
        if (c < '0' || c > '9') {
          throw invalid(codePointAt(pos), " in exponent of numeric literal");
        }
        skipDigits();
      }
      String digits = text.substring(start, pos);
      try {
        return Value.number(new BigDecimal(digits));
      } catch (NumberFormatException | ArithmeticException e) {
        throw new JsonCodecException("invalid number " + digits);
      }
    }

    private void skipDigits() {
      while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
        pos++;
      }
    }
  }
}
