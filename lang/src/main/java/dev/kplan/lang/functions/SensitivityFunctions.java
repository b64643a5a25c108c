package dev.kplan.lang.functions;

import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.NullValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sensitive}, {@code nonsensitive} and {@code issensitive}, as OpenTofu defines them: they
 * take any value (null, unknown and marked included) and look at or change only the value's own
 * top-level sensitive mark. {@code ephemeralasnull} replaces every ephemeral part of a value with
 * a null of its type.
 */
public final class SensitivityFunctions {
  private SensitivityFunctions() {}

  public static List<FunctionSpec> functions() {
    return List.of(
        new FunctionSpec("sensitive", List.of(anyValue()), null, args -> args.get(0).type(),
            (args, rt) -> args.get(0).mark(Marks.SENSITIVE)),
        // OpenTofu returns a value that was not sensitive unchanged (Terraform reports an error)
        new FunctionSpec("nonsensitive", List.of(anyValue()), null, args -> args.get(0).type(),
            (args, rt) -> {
              Value v = args.get(0);
              return v.withMarks(v.marks().without(Marks.SENSITIVE_MARK));
            }),
        // an unknown value's sensitivity is not settled until it is known (opentofu#2415)
        new FunctionSpec("issensitive", List.of(anyValue()), null, ReturnType.fixed(Type.BOOL),
            (args, rt) -> args.get(0).isKnown()
                ? Value.bool(args.get(0).isSensitive())
                : Value.unknownOf(Type.BOOL)),
        new FunctionSpec("ephemeralasnull", List.of(anyValue()), null, args -> args.get(0).type(),
            (args, rt) -> ephemeralAsNull(args.get(0))));
  }

  /** The mark OpenTofu puts on ephemeral values. */
  static final String EPHEMERAL_MARK = "ephemeral";

  private static Value ephemeralAsNull(Value v) {
    Marks kept = v.marks().without(EPHEMERAL_MARK);
    if (v.isNull() || !v.isKnown()) {
      return v.withMarks(kept);
    }
    if (v.marks().names().contains(EPHEMERAL_MARK)) {
      return new NullValue(v.type(), kept);
    }
    if (v instanceof ListValue l) {
      return new ListValue(l.elementType(), map(l.elements()), kept);
    } else if (v instanceof SetValue s) {
      return new SetValue(s.elementType(), map(s.elements()), kept);
    } else if (v instanceof TupleValue t) {
      return new TupleValue(map(t.elements()), kept);
    } else if (v instanceof MapValue m) {
      return new MapValue(m.elementType(), map(m.entries()), kept);
    } else if (v instanceof ObjectValue o) {
      return new ObjectValue(map(o.attributes()), kept);
    }
    return v;
  }

  private static List<Value> map(List<Value> values) {
    List<Value> out = new ArrayList<>(values.size());
    values.forEach(e -> out.add(ephemeralAsNull(e)));
    return out;
  }

  private static Map<String, Value> map(Map<String, Value> values) {
    Map<String, Value> out = new LinkedHashMap<>();
    values.forEach((k, e) -> out.put(k, ephemeralAsNull(e)));
    return out;
  }

  private static Param anyValue() {
    return Param.of("value", Type.DYNAMIC).allowingNull().allowingUnknown().allowingMarked().allowingDynamicType();
  }
}
