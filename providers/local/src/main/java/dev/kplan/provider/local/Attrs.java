package dev.kplan.provider.local;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading and building the object values of a flat schema (all types here have attributes only). */
final class Attrs {
  private Attrs() {}

  /** {@code v} as an object without marks: the engine marks sensitive values, the provider works on plain ones. */
  static ObjectValue plain(Value v) {
    Value u = ValueMarks.unmarkDeep(v);
    if (u instanceof ObjectValue o) {
      return o;
    }
    throw new IllegalArgumentException("expected an object, got " + u.type().friendlyName());
  }

  /** The attribute, or a null of type any when absent. */
  static Value get(ObjectValue o, String name) {
    Value v = o.get(name);
    return v == null ? Value.nullOf(Type.DYNAMIC) : v;
  }

  /** True when the attribute is set: known and not null, or unknown (it will be set). */
  static boolean isSet(ObjectValue o, String name) {
    return !get(o, name).isNull();
  }

  static String string(ObjectValue o, String name) {
    return get(o, name) instanceof StringValue s ? s.value() : null;
  }

  static boolean bool(ObjectValue o, String name, boolean fallback) {
    return get(o, name) instanceof BoolValue b ? b.value() : fallback;
  }

  static Long number(ObjectValue o, String name) {
    return get(o, name) instanceof NumberValue n ? n.value().longValue() : null;
  }

  /** Equal as stored values: two nulls are equal whatever their types (state decoding may lose them). */
  static boolean same(Value a, Value b) {
    if (a.isNull() && b.isNull()) {
      return true;
    }
    return ValueMarks.unmarkDeep(a).equals(ValueMarks.unmarkDeep(b));
  }

  /** An object with every attribute of {@code schema}: those in {@code values}, the rest null of their types. */
  static ObjectValue complete(BlockSchema schema, Map<String, Value> values) {
    Map<String, Value> all = new LinkedHashMap<>();
    for (Map.Entry<String, AttributeSchema> e : schema.attributes().entrySet()) {
      Type type = e.getValue().type();
      Value v = values.get(e.getKey());
      // a dynamic attribute keeps the type its null carries; others get their schema type
      if (v == null || (v.isNull() && !type.hasDynamicTypes())) {
        v = Value.nullOf(type);
      }
      all.put(e.getKey(), v);
    }
    return Value.object(all);
  }

  /** A mutable copy of the attributes, to override some and {@link #complete} again. */
  static Map<String, Value> copy(ObjectValue o) {
    return new LinkedHashMap<>(o.attributes());
  }
}
