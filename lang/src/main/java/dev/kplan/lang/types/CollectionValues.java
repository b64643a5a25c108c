package dev.kplan.lang.types;

import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.NullValue;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.UnknownValue;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Building lists, sets and maps from element values the way cty's {@code ListVal}/{@code SetVal}/
 * {@code MapVal} do: the element type is the first one that is not {@code any}, and nulls or
 * unknowns of type {@code any} take that type.
 */
public final class CollectionValues {
  private CollectionValues() {}

  /** The elements of a list, set or tuple, in order. */
  public static List<Value> elements(Value v) {
    if (v instanceof ListValue l) {
      return l.elements();
    }
    if (v instanceof SetValue s) {
      return s.elements();
    }
    if (v instanceof TupleValue t) {
      return t.elements();
    }
    throw new IllegalArgumentException("not a sequence: " + v.type().friendlyName());
  }

  /**
   * Whether a set's length is known: cty treats it as unknown when an unknown element might turn
   * out equal to another one.
   */
  public static boolean setLengthKnown(SetValue s) {
    return s.elements().size() == 1 || s.isWhollyKnown();
  }

  /** True when all values that are not of type {@code any} have one type. */
  public static boolean sameTypes(Collection<Value> values) {
    Type first = null;
    for (Value v : values) {
      Type t = v.type();
      if (t instanceof DynamicType) {
        continue;
      }
      if (first == null) {
        first = t;
      } else if (!first.equals(t)) {
        return false;
      }
    }
    return true;
  }

  /** The element type a collection of these values gets: the first type that is not {@code any}. */
  public static Type elementTypeOf(Collection<Value> values) {
    for (Value v : values) {
      if (!(v.type() instanceof DynamicType)) {
        return v.type();
      }
    }
    return Type.DYNAMIC;
  }

  /** A list of non-empty, same-typed {@code elems}. */
  public static ListValue list(List<Value> elems) {
    Type ety = elementTypeOf(elems);
    return new ListValue(ety, retype(elems, ety), Marks.NONE);
  }

  /** A set of non-empty, same-typed {@code elems}. */
  public static SetValue set(List<Value> elems) {
    Type ety = elementTypeOf(elems);
    return new SetValue(ety, retype(elems, ety), Marks.NONE);
  }

  /** A map of non-empty, same-typed {@code elems}. */
  public static MapValue map(Map<String, Value> elems) {
    Type ety = elementTypeOf(elems.values());
    Map<String, Value> out = new LinkedHashMap<>();
    elems.forEach((k, v) -> out.put(k, retype(v, ety)));
    return new MapValue(ety, out, Marks.NONE);
  }

  private static List<Value> retype(List<Value> elems, Type ety) {
    if (ety instanceof DynamicType) {
      return elems;
    }
    List<Value> out = new ArrayList<>(elems.size());
    for (Value e : elems) {
      out.add(retype(e, ety));
    }
    return out;
  }

  private static Value retype(Value e, Type ety) {
    if (e.type() instanceof DynamicType && !(ety instanceof DynamicType)) {
      if (e instanceof NullValue n) {
        return new NullValue(ety, n.marks());
      }
      if (e instanceof UnknownValue u) {
        return new UnknownValue(ety, u.marks());
      }
    }
    return e;
  }
}
