package dev.kplan.engine.planfile;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.JsonCodecException;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.NullValue;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.UnknownValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A value as a JSON tree that reads back as an equal value, marks and unknowns included (plain JSON
 * cannot: it has no unknowns, no marks, no empty list of a given element type, and turns lists into
 * tuples). An unmarked string is a JSON string and an unmarked bool a JSON boolean; everything else
 * is an object naming its kind: {@code {"number":"1.5"}}, {@code {"null":TYPE}},
 * {@code {"unknown":TYPE}}, {@code {"list":ELEMENT_TYPE,"items":[…]}}, {@code {"set":…}},
 * {@code {"map":ELEMENT_TYPE,"entries":{…}}}, {@code {"tuple":[…]}}, {@code {"object":{…}}}, and
 * for marked primitives {@code {"string":"…"}} / {@code {"bool":true}}; marks are a
 * {@code "marks":["sensitive"]} member. Types are cty's type JSON ({@code ["list","string"]}).
 */
final class ValueJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ValueJson() {}

  static JsonNode write(Value v) {
    Marks marks = v.marks();
    if (marks.isEmpty() && v instanceof StringValue s) {
      return NODES.stringNode(s.value());
    }
    if (marks.isEmpty() && v instanceof BoolValue b) {
      return NODES.booleanNode(b.value());
    }
    ObjectNode n = NODES.objectNode();
    if (v instanceof StringValue s) {
      n.put("string", s.value());
    } else if (v instanceof BoolValue b) {
      n.put("bool", b.value());
    } else if (v instanceof NumberValue num) {
      n.put("number", num.value().toString());
    } else if (v instanceof NullValue) {
      n.set("null", type(v.type()));
    } else if (v instanceof UnknownValue) {
      n.set("unknown", type(v.type()));
    } else if (v instanceof ListValue l) {
      n.set("list", type(l.elementType()));
      n.set("items", array(l.elements()));
    } else if (v instanceof SetValue s) {
      n.set("set", type(s.elementType()));
      n.set("items", array(s.elements()));
    } else if (v instanceof MapValue m) {
      n.set("map", type(m.elementType()));
      n.set("entries", object(m.entries()));
    } else if (v instanceof TupleValue t) {
      n.set("tuple", array(t.elements()));
    } else if (v instanceof ObjectValue o) {
      n.set("object", object(o.attributes()));
    } else {
      throw new IllegalStateException("unexpected value " + v.getClass());
    }
    if (!marks.isEmpty()) {
      ArrayNode ms = n.putArray("marks");
      marks.names().forEach(ms::add);
    }
    return n;
  }

  static Value read(JsonNode n, String where) {
    if (n == null) {
      throw new PlanFileException(where + ": a value is missing");
    }
    if (n.isString()) {
      return Value.string(n.stringValue());
    }
    if (n.isBoolean()) {
      return Value.bool(n.booleanValue());
    }
    if (!n.isObject()) {
      throw new PlanFileException(where + ": not a value");
    }
    Marks marks = marks(n.get("marks"), where);
    Value v;
    if (n.has("string")) {
      v = new StringValue(text(n.get("string"), where), marks);
    } else if (n.has("bool")) {
      JsonNode b = n.get("bool");
      if (!b.isBoolean()) {
        throw new PlanFileException(where + ": \"bool\" must be true or false");
      }
      v = new BoolValue(b.booleanValue(), marks);
    } else if (n.has("number")) {
      try {
        v = new NumberValue(new BigDecimal(text(n.get("number"), where)), marks);
      } catch (NumberFormatException e) {
        throw new PlanFileException(where + ": \"number\" is not a number");
      }
    } else if (n.has("null")) {
      v = new NullValue(type(n.get("null"), where), marks);
    } else if (n.has("unknown")) {
      v = new UnknownValue(type(n.get("unknown"), where), marks);
    } else if (n.has("list")) {
      v = new ListValue(type(n.get("list"), where), items(n.get("items"), where), marks);
    } else if (n.has("set")) {
      v = new SetValue(type(n.get("set"), where), items(n.get("items"), where), marks);
    } else if (n.has("map")) {
      v = new MapValue(type(n.get("map"), where), entries(n.get("entries"), where), marks);
    } else if (n.has("tuple")) {
      v = new TupleValue(items(n.get("tuple"), where), marks);
    } else if (n.has("object")) {
      v = new ObjectValue(entries(n.get("object"), where), marks);
    } else {
      throw new PlanFileException(where + ": an object that is no kind of value");
    }
    return v;
  }

  private static JsonNode type(Type t) {
    return JSON.readTree(JsonCodec.encodeType(t));
  }

  private static Type type(JsonNode n, String where) {
    try {
      return JsonCodec.decodeType(JSON.writeValueAsString(n));
    } catch (JsonCodecException | JacksonException e) {
      throw new PlanFileException(where + ": invalid type: " + e.getMessage());
    }
  }

  private static ArrayNode array(List<Value> values) {
    ArrayNode a = NODES.arrayNode();
    values.forEach(e -> a.add(write(e)));
    return a;
  }

  private static ObjectNode object(Map<String, Value> values) {
    ObjectNode o = NODES.objectNode();
    values.forEach((k, e) -> o.set(k, write(e)));
    return o;
  }

  private static List<Value> items(JsonNode n, String where) {
    if (n == null || !n.isArray()) {
      throw new PlanFileException(where + ": expected an array of values");
    }
    List<Value> out = new ArrayList<>();
    int i = 0;
    for (JsonNode e : n.values()) {
      out.add(read(e, where + "[" + i++ + "]"));
    }
    return out;
  }

  private static Map<String, Value> entries(JsonNode n, String where) {
    if (n == null || !n.isObject()) {
      throw new PlanFileException(where + ": expected an object of values");
    }
    Map<String, Value> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      out.put(e.getKey(), read(e.getValue(), where + "." + e.getKey()));
    }
    return out;
  }

  private static Marks marks(JsonNode n, String where) {
    if (n == null) {
      return Marks.NONE;
    }
    if (!n.isArray()) {
      throw new PlanFileException(where + ": \"marks\" must be an array of names");
    }
    TreeSet<String> names = new TreeSet<>();
    for (JsonNode m : n.values()) {
      names.add(text(m, where));
    }
    return new Marks(names);
  }

  static String text(JsonNode n, String where) {
    if (n == null || !n.isString()) {
      throw new PlanFileException(where + ": expected a string");
    }
    return n.stringValue();
  }
}
