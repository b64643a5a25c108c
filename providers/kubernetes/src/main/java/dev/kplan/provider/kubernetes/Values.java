package dev.kplan.provider.kubernetes;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers over language values: lookup by attribute names, JSON for the API, digests. */
final class Values {
  private Values() {}

  static final Value NULL = Value.nullOf(Type.DYNAMIC);

  /** {@code v} without marks as an object, or an empty object when it is null or not an object. */
  static ObjectValue object(Value v) {
    Value u = v == null ? NULL : ValueMarks.unmarkDeep(v);
    return u instanceof ObjectValue o ? o : ObjectValue.EMPTY;
  }

  /** The value at {@code names} (object attributes or map keys), or a null value when absent. */
  static Value at(Value v, String... names) {
    Value cur = v;
    for (String n : names) {
      Value next = null;
      if (cur instanceof ObjectValue o) {
        next = o.get(n);
      } else if (cur instanceof MapValue m) {
        next = m.entries().get(n);
      }
      if (next == null) {
        return NULL;
      }
      cur = next;
    }
    return cur;
  }

  static String string(Value v, String... names) {
    return at(v, names) instanceof StringValue s ? s.value() : null;
  }

  static Boolean bool(Value v, String... names) {
    return at(v, names) instanceof BoolValue b ? b.value() : null;
  }

  static Long number(Value v, String... names) {
    return at(v, names) instanceof NumberValue n ? n.value().longValue() : null;
  }

  /** The elements of a list, tuple or set value; empty for anything else. */
  static List<Value> elements(Value v) {
    if (v instanceof TupleValue t) {
      return t.elements();
    }
    if (v instanceof ListValue l) {
      return l.elements();
    }
    if (v instanceof SetValue s) {
      return s.elements();
    }
    return List.of();
  }

  /** Entries of an object or map value; empty for anything else. */
  static Map<String, Value> entries(Value v) {
    if (v instanceof ObjectValue o) {
      return o.attributes();
    }
    if (v instanceof MapValue m) {
      return m.entries();
    }
    return Map.of();
  }

  static boolean isCollection(Value v) {
    return v instanceof TupleValue || v instanceof ListValue || v instanceof SetValue;
  }

  static boolean isStructure(Value v) {
    return v instanceof ObjectValue || v instanceof MapValue;
  }

  /** {@code o} with attribute {@code name} set to {@code v}. */
  static ObjectValue with(ObjectValue o, String name, Value v) {
    Map<String, Value> m = new LinkedHashMap<>(o.attributes());
    m.put(name, v);
    return Value.object(m);
  }

  /** {@code v} without null attributes, map entries and list elements: what kplan sends to the API. */
  static Value withoutNulls(Value v) {
    if (isStructure(v)) {
      Map<String, Value> out = new LinkedHashMap<>();
      entries(v).forEach((k, x) -> {
        if (!x.isNull()) {
          out.put(k, withoutNulls(x));
        }
      });
      return Value.object(out);
    }
    if (isCollection(v)) {
      List<Value> out = new ArrayList<>();
      for (Value x : elements(v)) {
        if (!x.isNull()) {
          out.add(withoutNulls(x));
        }
      }
      return Value.tuple(out);
    }
    return v;
  }

  /** The object the JSON text describes, as language values (arrays become tuples). */
  static Value fromJson(String json) {
    return JsonCodec.decode(json);
  }

  static String toJson(Value v) {
    return JsonCodec.encode(ValueMarks.unmarkDeep(v));
  }

  /** A short, stable digest of a value's JSON, to recognise "what kplan last applied" without storing it twice. */
  static String digest(Value v) {
    if (v == null || !v.isWhollyKnown()) {
      return "";
    }
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(toJson(v).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
