package dev.kplan.lang.functions;

import dev.kplan.lang.types.DynamicType;
import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.MapType;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.TupleType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Helpers for functions ported from go-cty and OpenTofu: cty's shallow unknown rule, equality,
 * whole-number arguments and type conformance.
 */
final class CtyFunctions {
  private CtyFunctions() {}

  /**
   * A function whose parameters follow cty's rule for unknowns: only an argument that is itself
   * unknown (not one that merely contains unknowns) short-circuits the call. The framework checks
   * for wholly known arguments, so parameters that do not accept unknowns are opened up here and
   * the shallow check is done before the body runs.
   */
  static FunctionSpec spec(String name, List<Param> params, Param varParam, ReturnType returnType, FunctionBody body) {
    List<Param> open = new ArrayList<>();
    boolean[] shallow = new boolean[params.size() + 1];
    for (int i = 0; i < params.size(); i++) {
      Param p = params.get(i);
      shallow[i] = !p.allowUnknown();
      open.add(p.allowUnknown() ? p : p.allowingUnknown());
    }
    Param openVar = null;
    if (varParam != null) {
      shallow[params.size()] = !varParam.allowUnknown();
      openVar = varParam.allowUnknown() ? varParam : varParam.allowingUnknown();
    }
    int fixed = params.size();
    FunctionBody guarded = (args, retType) -> {
      for (int i = 0; i < args.size(); i++) {
        if (shallow[Math.min(i, fixed)] && !args.get(i).isKnown()) {
          return Value.unknownOf(retType);
        }
      }
      return body.call(args, retType);
    };
    return new FunctionSpec(name, open, openVar, returnType, guarded);
  }

  static Param param(String name, Type type) {
    return Param.of(name, type);
  }

  /** A whole number that fits a Go int, or cty's message for one that does not. */
  static long wholeNumber(Value v) throws IllegalArgumentException {
    BigDecimal n = ((NumberValue) v.unmarked()).value();
    try {
      return n.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "value must be a whole number, between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE);
    }
  }

  /**
   * cty's {@code Equals}: true, false, or null when unknown values make the answer unknown.
   * Marks are ignored (callers carry them).
   */
  static Boolean equal(Value a, Value b) {
    a = a.unmarked();
    b = b.unmarked();
    if (!a.isKnown() && !b.isKnown()) {
      return null;
    }
    if (a.isKnown() != b.isKnown()) {
      Value known = a.isKnown() ? a : b;
      Value unknown = a.isKnown() ? b : a;
      if (known.isNull() || unknown.type().hasDynamicTypes()) {
        return null;
      }
      return known.type().equals(unknown.type()) ? null : Boolean.FALSE;
    }
    if (a.isNull() || b.isNull()) {
      return a.isNull() && b.isNull();
    }
    if (a.type().hasDynamicTypes() || b.type().hasDynamicTypes()) {
      if (!conforms(a.type(), b.type()) && !conforms(b.type(), a.type())) {
        return Boolean.FALSE;
      }
      return null;
    }
    if (!a.type().equals(b.type())) {
      return Boolean.FALSE;
    }
    if (a instanceof NumberValue x) {
      return x.value().compareTo(((NumberValue) b).value()) == 0;
    }
    if (a instanceof StringValue x) {
      return x.value().equals(((StringValue) b).value());
    }
    if (a instanceof BoolValue x) {
      return x.value() == ((BoolValue) b).value();
    }
    if (a instanceof SetValue x) {
      SetValue y = (SetValue) b;
      if (!x.isWhollyKnown() || !y.isWhollyKnown()) {
        return null;
      }
      return x.elements().size() == y.elements().size() && equalSequences(x.elements(), y.elements()) == Boolean.TRUE;
    }
    if (a instanceof ListValue || a instanceof TupleValue) {
      List<Value> xs = elements(a);
      List<Value> ys = elements(b);
      if (xs.size() != ys.size()) {
        return Boolean.FALSE;
      }
      return equalSequences(xs, ys);
    }
    Map<String, Value> xm = a instanceof MapValue m ? m.entries() : ((ObjectValue) a).attributes();
    Map<String, Value> ym = b instanceof MapValue m ? m.entries() : ((ObjectValue) b).attributes();
    if (!xm.keySet().equals(ym.keySet())) {
      return Boolean.FALSE;
    }
    return equalSequences(new ArrayList<>(xm.values()), new ArrayList<>(ym.values()));
  }

  private static Boolean equalSequences(List<Value> xs, List<Value> ys) {
    Iterator<Value> ix = xs.iterator();
    Iterator<Value> iy = ys.iterator();
    while (ix.hasNext()) {
      Boolean eq = equal(ix.next(), iy.next());
      if (eq == null) {
        return null;
      }
      if (!eq) {
        return Boolean.FALSE;
      }
    }
    return Boolean.TRUE;
  }

  static List<Value> elements(Value v) {
    Value bare = v.unmarked();
    if (bare instanceof ListValue l) {
      return l.elements();
    }
    if (bare instanceof SetValue s) {
      return s.elements();
    }
    if (bare instanceof TupleValue t) {
      return t.elements();
    }
    if (bare instanceof MapValue m) {
      return new ArrayList<>(m.entries().values());
    }
    if (bare instanceof ObjectValue o) {
      return new ArrayList<>(o.attributes().values());
    }
    throw new IllegalArgumentException("not iterable: " + v.type().friendlyName());
  }

  /** cty's {@code TestConformance}: {@code t} fits {@code want}, where {@code any} in want matches anything. */
  static boolean conforms(Type t, Type want) {
    if (want instanceof DynamicType || t.equals(want)) {
      return true;
    }
    if (t instanceof ListType && want instanceof ListType
        || t instanceof SetType && want instanceof SetType
        || t instanceof MapType && want instanceof MapType) {
      return conforms(t.elementType(), want.elementType());
    }
    if (t instanceof ObjectType o && want instanceof ObjectType w) {
      if (!o.attributes().keySet().equals(w.attributes().keySet())) {
        return false;
      }
      for (Map.Entry<String, Type> e : w.attributes().entrySet()) {
        if (!conforms(o.attributeType(e.getKey()), e.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (t instanceof TupleType tt && want instanceof TupleType wt) {
      if (tt.elements().size() != wt.elements().size()) {
        return false;
      }
      for (int i = 0; i < tt.elements().size(); i++) {
        if (!conforms(tt.elements().get(i), wt.elements().get(i))) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  /** A list of {@code elems}, or an empty list of {@code emptyElementType}. */
  static Value listOf(List<Value> elems, Type emptyElementType) {
    if (elems.isEmpty()) {
      return new ListValue(emptyElementType, List.of(), Marks.NONE);
    }
    return dev.kplan.lang.types.CollectionValues.list(elems);
  }

  /** The length of a known list, set, map, tuple or object. */
  static int length(Value v) {
    return elements(v).size();
  }
}
