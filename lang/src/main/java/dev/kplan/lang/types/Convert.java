package dev.kplan.lang.types;

import dev.kplan.lang.value.BoolValue;
import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.NullValue;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.SetValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.UnknownValue;
import dev.kplan.lang.value.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Terraform's automatic type conversions (go-cty's convert package): primitives to and from
 * strings, tuples to lists and sets, objects to maps and back, objects to objects with optional
 * attributes, and unification of element types. Marks survive conversion; nulls and unknowns
 * convert to a null or unknown of the wanted type.
 *
 * <p>A "safe" conversion can never fail for a value of the input type (number to string); an
 * "unsafe" one may ("abc" to number). {@link #convert} allows both, as cty's {@code Convert} does;
 * safe conversions matter for {@link Unify#unify}.
 */
public final class Convert {
  private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private Convert() {}

  /** A conversion from values of one type, reporting failures relative to {@code path}. */
  @FunctionalInterface
  interface Conversion {
    Value apply(Value in, Path path) throws ConversionException;
  }

  /** {@code v} converted to {@code want}, keeping marks, nulls and unknowns (typed as {@code want}). */
  public static Value convert(Value v, Type want) throws ConversionException {
    Type in = v.type();
    if (in.equals(Types.withoutOptionalAttributesDeep(want))) {
      return v;
    }
    Conversion conv = conversion(in, want, true);
    if (conv == null) {
      throw new ConversionException(MismatchMessage.of(in, want));
    }
    return conv.apply(v, Path.ROOT);
  }

  /**
   * Whether values of type {@code in} may convert to {@code out}: safely (always succeeds) or,
   * with {@code unsafe}, possibly failing for some values. As in cty, a type does not "convert"
   * to itself when it is primitive; check equality first.
   */
  public static boolean canConvert(Type in, Type out, boolean unsafe) {
    return conversion(in, out, unsafe) != null;
  }

  static Conversion conversion(Type in, Type out, boolean unsafe) {
    Conversion known = knownConversion(in, out, unsafe);
    return known == null ? null : new Guarded(known, out);
  }

  /** The checks every conversion shares: marks, pass-through to {@code any}, nulls and unknowns. */
  private record Guarded(Conversion known, Type out) implements Conversion {
    @Override
    public Value apply(Value in, Path path) throws ConversionException {
      if (in.isMarked()) {
        Marks marks = in.marks();
        return apply(in.unmarked(), path).mark(marks);
      }
      if (out instanceof DynamicType) {
        return in;
      }
      if (in instanceof UnknownValue || in instanceof NullValue) {
        Type target = dynamicReplace(in.type(), Types.withoutOptionalAttributesDeep(out));
        return in instanceof UnknownValue ? Value.unknownOf(target) : Value.nullOf(target);
      }
      return known.apply(in, path);
    }
  }

  private static Conversion knownConversion(Type in, Type out, boolean unsafe) {
    if (out instanceof DynamicType) {
      return (v, p) -> v;
    }
    if (unsafe && in instanceof DynamicType) {
      // only nulls and unknowns have type any, and the guard handles those; the rest is a late check
      return (v, p) -> {
        try {
          return convert(v, out);
        } catch (ConversionException e) {
          throw new ConversionException(p, e.getMessage());
        }
      };
    }
    if (in instanceof PrimitiveType pin && out instanceof PrimitiveType pout) {
      return primitive(pin, pout, unsafe);
    }
    if (out instanceof ObjectType oo && in instanceof ObjectType oi) {
      return objectToObject(oi, oo, unsafe);
    }
    if (out instanceof TupleType to && in instanceof TupleType ti) {
      return tupleToTuple(ti, to, unsafe);
    }
    if (out instanceof ListType lo && (in instanceof ListType || in instanceof SetType)) {
      Type inEty = in.elementType();
      if (inEty.equals(lo.element())) {
        return collectionToList(lo.element(), null);
      }
      Conversion convEty = conversion(inEty, lo.element(), unsafe);
      return convEty == null ? null : collectionToList(lo.element(), convEty);
    }
    if (out instanceof SetType so && (in instanceof ListType || in instanceof SetType)) {
      if (in instanceof ListType && !unsafe) {
        return null; // a set loses the order and the duplicates
      }
      Type inEty = in.elementType();
      if (inEty.equals(so.element())) {
        return collectionToSet(so.element(), null);
      }
      Conversion convEty = conversion(inEty, so.element(), unsafe);
      return convEty == null ? null : collectionToSet(so.element(), convEty);
    }
    if (out instanceof MapType mo && in instanceof MapType mi) {
      Conversion convEty = conversion(mi.element(), mo.element(), unsafe);
      return convEty == null ? null : collectionToMap(mo.element(), convEty);
    }
    if (out instanceof ListType lo && in instanceof TupleType ti) {
      return tupleToList(ti, lo.element(), unsafe);
    }
    if (out instanceof SetType so && in instanceof TupleType ti) {
      return tupleToSet(ti, so.element(), unsafe);
    }
    if (out instanceof MapType mo && in instanceof ObjectType oi) {
      return objectToMap(oi, mo.element(), unsafe);
    }
    if (out instanceof ObjectType oo && in instanceof MapType mi) {
      return unsafe ? mapToObject(mi, oo, unsafe) : null;
    }
    return null;
  }

  private static Conversion primitive(PrimitiveType in, PrimitiveType out, boolean unsafe) {
    if (in == PrimitiveType.NUMBER && out == PrimitiveType.STRING) {
      return (v, p) -> Value.string(numberToString(((NumberValue) v).value()));
    }
    if (in == PrimitiveType.BOOL && out == PrimitiveType.STRING) {
      return (v, p) -> Value.string(((BoolValue) v).value() ? "true" : "false");
    }
    if (!unsafe) {
      return null;
    }
    if (in == PrimitiveType.STRING && out == PrimitiveType.NUMBER) {
      return (v, p) -> {
        BigDecimal n = parseNumber(((StringValue) v).value());
        if (n == null) {
          throw new ConversionException(p, "a number is required");
        }
        return Value.number(n);
      };
    }
    if (in == PrimitiveType.STRING && out == PrimitiveType.BOOL) {
      return (v, p) -> {
        String s = ((StringValue) v).value();
        switch (s) {
          case "true":
          case "1":
            return Value.bool(true);
          case "false":
          case "0":
            return Value.bool(false);
          default:
            String lower = s.toLowerCase(Locale.ROOT);
            if (lower.equals("true") || lower.equals("false")) {
              throw new ConversionException(
                  p, "a bool is required; to convert from string, use lowercase \"" + lower + "\"");
            }
            throw new ConversionException(p, "a bool is required");
        }
      };
    }
    return null;
  }

  /** A number as cty prints it when converting to string: plain decimal, no exponent, no trailing zeros. */
  public static String numberToString(BigDecimal n) {
    return n.signum() == 0 ? "0" : n.stripTrailingZeros().toPlainString();
  }

  /** A decimal number as cty parses it from a string ({@code 1}, {@code -1.5}, {@code 1e3}); null if not one. */
  public static BigDecimal parseNumber(String s) {
    if (!DECIMAL.matcher(s).matches()) {
      return null;
    }
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Conversion collectionToList(Type ety, Conversion conv) {
    return (v, path) -> {
      if (v instanceof SetValue s && !CollectionValues.setLengthKnown(s)) {
        return Value.unknownOf(new ListType(s.elementType()));
      }
      List<Value> in = CollectionValues.elements(v);
      List<Value> out = new ArrayList<>(in.size());
      for (int i = 0; i < in.size(); i++) {
        Value e = in.get(i);
        if (conv != null) {
          e = conv.apply(e, path.index(Value.number(i)));
        }
        out.add(stripOptionalFromNull(e));
      }
      if (out.isEmpty()) {
        Type et = ety instanceof DynamicType ? v.type().elementType() : Types.withoutOptionalAttributesDeep(ety);
        return new ListValue(et, List.of(), Marks.NONE);
      }
      if (!CollectionValues.sameTypes(out)) {
        throw new ConversionException(path, "element types must all match for conversion to list");
      }
      return CollectionValues.list(out);
    };
  }

  private static Conversion collectionToSet(Type ety, Conversion conv) {
    return (v, path) -> {
      List<Value> in = CollectionValues.elements(v);
      List<Value> out = new ArrayList<>(in.size());
      for (int i = 0; i < in.size(); i++) {
        Value e = in.get(i);
        if (conv != null) {
          e = conv.apply(e, path.index(Value.number(i)));
        }
        out.add(stripOptionalFromNull(e));
      }
      if (out.isEmpty()) {
        Type et = ety instanceof DynamicType ? v.type().elementType() : Types.withoutOptionalAttributesDeep(ety);
        return new SetValue(et, List.of(), Marks.NONE);
      }
      if (!CollectionValues.sameTypes(out)) {
        throw new ConversionException(path, "element types must all match for conversion to set");
      }
      return CollectionValues.set(out);
    };
  }

  private static Conversion collectionToMap(Type ety, Conversion conv) {
    return (v, path) -> {
      Map<String, Value> out = new LinkedHashMap<>();
      for (Map.Entry<String, Value> e : ((MapValue) v).entries().entrySet()) {
        Value val = e.getValue();
        if (conv != null) {
          val = conv.apply(val, path.index(Value.string(e.getKey())));
        }
        out.put(e.getKey(), val);
      }
      if (out.isEmpty()) {
        Type et = ety instanceof DynamicType ? v.type().elementType() : ety;
        return new MapValue(et, Map.of(), Marks.NONE);
      }
      if (ety.isCollection() || ety instanceof ObjectType) {
        out = unifyMapElements(out, path, false);
      }
      if (!CollectionValues.sameTypes(out.values())) {
        throw new ConversionException(path, "element types must all match for conversion to map");
      }
      return CollectionValues.map(out);
    };
  }

  private static Conversion tupleToList(TupleType tupleType, Type listEty, boolean unsafe) {
    List<Type> etys = tupleType.elements();
    if (etys.isEmpty()) {
      Type et = Types.withoutOptionalAttributesDeep(listEty);
      return (v, p) -> new ListValue(et, List.of(), Marks.NONE);
    }
    Type target = listEty;
    if (target instanceof DynamicType) {
      target = Unify.unifyOrNull(etys, unsafe);
      if (target == null) {
        return null;
      }
      if (target instanceof DynamicType && !etys.stream().allMatch(t -> t instanceof DynamicType)) {
        return null;
      }
    }
    List<Conversion> convs = elementConversions(etys, target, unsafe);
    if (convs == null) {
      return null;
    }
    return (v, path) -> {
      List<Value> in = ((TupleValue) v).elements();
      List<Value> out = new ArrayList<>(in.size());
      Path last = path;
      for (int i = 0; i < in.size(); i++) {
        Value e = in.get(i);
        last = path.index(Value.number(i));
        if (convs.get(i) != null) {
          e = convs.get(i).apply(e, last);
        }
        out.add(e);
      }
      out = unifyListElements(out, last, unsafe);
      if (!CollectionValues.sameTypes(out)) {
        throw new ConversionException(path, "element types must all match for conversion to list");
      }
      return CollectionValues.list(out);
    };
  }

  private static Conversion tupleToSet(TupleType tupleType, Type setEty, boolean unsafe) {
    List<Type> etys = tupleType.elements();
    if (etys.isEmpty()) {
      Type et = Types.withoutOptionalAttributesDeep(setEty);
      return (v, p) -> new SetValue(et, List.of(), Marks.NONE);
    }
    Type target = setEty;
    if (target instanceof DynamicType) {
      target = Unify.unifyOrNull(etys, unsafe);
      if (target == null) {
        return null;
      }
      if (target instanceof DynamicType && !etys.stream().allMatch(t -> t instanceof DynamicType)) {
        return null;
      }
    }
    List<Conversion> convs = elementConversions(etys, target, unsafe);
    if (convs == null) {
      return null;
    }
    return (v, path) -> {
      List<Value> in = ((TupleValue) v).elements();
      List<Value> out = new ArrayList<>(in.size());
      for (int i = 0; i < in.size(); i++) {
        Value e = in.get(i);
        if (convs.get(i) != null) {
          e = convs.get(i).apply(e, path.index(Value.number(i)));
        }
        out.add(stripOptionalFromNull(e));
      }
      if (!CollectionValues.sameTypes(out)) {
        throw new ConversionException(path, "element types must all match for conversion to set");
      }
      return CollectionValues.set(out);
    };
  }

  private static List<Conversion> elementConversions(List<Type> etys, Type target, boolean unsafe) {
    List<Conversion> convs = new ArrayList<>(etys.size());
    for (Type ety : etys) {
      if (ety.equals(target)) {
        convs.add(null);
        continue;
      }
      Conversion c = conversion(ety, target, unsafe);
      if (c == null) {
        return null;
      }
      convs.add(c);
    }
    return convs;
  }

  private static Conversion objectToMap(ObjectType objectType, Type mapEty, boolean unsafe) {
    Map<String, Type> atys = objectType.attributes();
    if (atys.isEmpty()) {
      Type et = Types.withoutOptionalAttributesDeep(mapEty);
      return (v, p) -> new MapValue(et, Map.of(), Marks.NONE);
    }
    Type target = mapEty;
    if (target instanceof DynamicType) {
      target = Unify.unifyOrNull(new ArrayList<>(atys.values()), unsafe);
      if (target == null) {
        return null;
      }
    }
    Map<String, Conversion> convs = new LinkedHashMap<>();
    for (Map.Entry<String, Type> a : atys.entrySet()) {
      if (a.getValue().equals(target)) {
        continue;
      }
      Conversion c = conversion(a.getValue(), target, unsafe);
      if (c == null) {
        return null;
      }
      convs.put(a.getKey(), c);
    }
    Type finalTarget = target;
    return (v, path) -> {
      Map<String, Value> out = new LinkedHashMap<>();
      for (Map.Entry<String, Value> a : ((ObjectValue) v).attributes().entrySet()) {
        Value val = a.getValue();
        Conversion c = convs.get(a.getKey());
        if (c != null) {
          val = c.apply(val, path.index(Value.string(a.getKey())));
        }
        out.put(a.getKey(), val);
      }
      if (finalTarget.isCollection() || finalTarget instanceof ObjectType) {
        out = unifyMapElements(out, path, unsafe);
      }
      if (!CollectionValues.sameTypes(out.values())) {
        throw new ConversionException(path, "attribute types must all match for conversion to map");
      }
      return CollectionValues.map(out);
    };
  }

  private static Conversion mapToObject(MapType mapType, ObjectType objType, boolean unsafe) {
    Map<String, Type> atys = objType.attributes();
    Type mapEty = mapType.element();
    // a present key with a null conversion is an optional attribute that cannot convert: an
    // error only when the map actually has that key
    Map<String, Conversion> convs = new LinkedHashMap<>();
    for (Map.Entry<String, Type> a : atys.entrySet()) {
      if (a.getValue().equals(mapEty)) {
        continue;
      }
      Conversion c = conversion(mapEty, a.getValue(), unsafe);
      if (c == null) {
        if (objType.optional().contains(a.getKey()) && unsafe) {
          convs.put(a.getKey(), null);
          continue;
        }
        return null;
      }
      convs.put(a.getKey(), c);
    }
    return (v, path) -> {
      Map<String, Value> out = new LinkedHashMap<>();
      for (Map.Entry<String, Value> e : ((MapValue) v).entries().entrySet()) {
        String name = e.getKey();
        if (!atys.containsKey(name)) {
          continue;
        }
        Value val = e.getValue();
        if (convs.containsKey(name)) {
          Conversion c = convs.get(name);
          if (c == null) {
            throw new ConversionException(path, "map element type is incompatible with attribute "
                + MismatchMessage.quote(name) + ": " + MismatchMessage.of(val.type(), atys.get(name)));
          }
          val = c.apply(val, path.index(Value.string(name)));
        }
        out.put(name, stripOptionalFromNull(val));
      }
      for (Map.Entry<String, Type> a : atys.entrySet()) {
        if (!out.containsKey(a.getKey())) {
          if (objType.optional().contains(a.getKey())) {
            out.put(a.getKey(), Value.nullOf(Types.withoutOptionalAttributesDeep(a.getValue())));
          } else {
            throw new ConversionException(
                path, "map has no element for required attribute " + MismatchMessage.quote(a.getKey()));
          }
        }
      }
      return new ObjectValue(out, Marks.NONE);
    };
  }

  private static Conversion objectToObject(ObjectType in, ObjectType out, boolean unsafe) {
    Map<String, Conversion> convs = new LinkedHashMap<>();
    for (Map.Entry<String, Type> a : out.attributes().entrySet()) {
      String name = a.getKey();
      Type inAty = in.attributeType(name);
      if (inAty == null) {
        if (out.optional().contains(name)) {
          continue;
        }
        return null;
      }
      if (inAty.equals(a.getValue())) {
        convs.put(name, null);
        continue;
      }
      Conversion c = conversion(inAty, a.getValue(), unsafe);
      if (c == null) {
        return null;
      }
      convs.put(name, c);
    }
    return (v, path) -> {
      Map<String, Value> attrs = new LinkedHashMap<>();
      for (Map.Entry<String, Value> a : ((ObjectValue) v).attributes().entrySet()) {
        String name = a.getKey();
        if (!convs.containsKey(name)) {
          continue;
        }
        Value val = a.getValue();
        Conversion c = convs.get(name);
        if (c != null) {
          val = c.apply(val, path.attr(name));
        }
        attrs.put(name, stripOptionalFromNull(val));
      }
      for (String name : out.optional()) {
        if (!attrs.containsKey(name)) {
          attrs.put(name, Value.nullOf(Types.withoutOptionalAttributesDeep(out.attributeType(name))));
        }
      }
      return new ObjectValue(attrs, Marks.NONE);
    };
  }

  private static Conversion tupleToTuple(TupleType in, TupleType out, boolean unsafe) {
    if (in.elements().size() != out.elements().size()) {
      return null;
    }
    List<Conversion> convs = new ArrayList<>();
    for (int i = 0; i < in.elements().size(); i++) {
      Type inEty = in.elements().get(i);
      Type outEty = out.elements().get(i);
      if (inEty.equals(outEty)) {
        convs.add(null);
        continue;
      }
      Conversion c = conversion(inEty, outEty, unsafe);
      if (c == null) {
        return null;
      }
      convs.add(c);
    }
    return (v, path) -> {
      List<Value> elems = new ArrayList<>(((TupleValue) v).elements());
      for (int i = 0; i < elems.size(); i++) {
        if (convs.get(i) != null) {
          elems.set(i, convs.get(i).apply(elems.get(i), path.index(Value.number(i))));
        }
      }
      return new TupleValue(elems, Marks.NONE);
    };
  }

  private static Map<String, Value> unifyMapElements(Map<String, Value> elems, Path path, boolean unsafe)
      throws ConversionException {
    Type unified = Unify.unifyOrNull(elems.values().stream().map(Value::type).toList(), unsafe);
    if (unified == null) {
      throw new ConversionException(path, "cannot find a common base type for all elements");
    }
    Map<String, Value> out = new LinkedHashMap<>();
    for (Map.Entry<String, Value> e : elems.entrySet()) {
      Value val = e.getValue();
      if (!val.type().equals(unified)) {
        Conversion c = conversion(val.type(), unified, unsafe);
        if (c == null) {
          throw new ConversionException(path, "cannot find a common base type for all elements");
        }
        val = c.apply(val, path.index(Value.string(e.getKey())));
      }
      out.put(e.getKey(), val);
    }
    return out;
  }

  private static List<Value> unifyListElements(List<Value> elems, Path path, boolean unsafe)
      throws ConversionException {
    Type unified = Unify.unifyOrNull(elems.stream().map(Value::type).toList(), unsafe);
    if (unified == null) {
      throw new ConversionException(path, "cannot find a common base type for all elements");
    }
    List<Value> out = new ArrayList<>(elems.size());
    for (int i = 0; i < elems.size(); i++) {
      Value val = elems.get(i);
      if (!val.type().equals(unified)) {
        Conversion c = conversion(val.type(), unified, unsafe);
        if (c == null) {
          throw new ConversionException(path, "cannot find a common base type for all elements");
        }
        val = c.apply(val, path.index(Value.number(i)));
      }
      out.add(val);
    }
    return out;
  }

  /** cty re-types null elements without optional-attribute markers; the marks stay. */
  private static Value stripOptionalFromNull(Value v) {
    if (v instanceof NullValue n) {
      return new NullValue(Types.withoutOptionalAttributesDeep(n.type()), n.marks());
    }
    return v;
  }

  /**
   * {@code out} with each {@code any} inside it replaced by the corresponding part of {@code in},
   * so that a null or unknown converted to a partly-dynamic type gets the most precise type.
   */
  static Type dynamicReplace(Type in, Type out) {
    if (in instanceof DynamicType) {
      return out;
    }
    if (out instanceof DynamicType) {
      return in;
    }
    if (out instanceof PrimitiveType) {
      return out;
    }
    if (out instanceof MapType m) {
      Type elem = m.element();
      if (in instanceof MapType mi) {
        elem = dynamicReplace(mi.element(), m.element());
      } else if (in instanceof ObjectType oi) {
        Type unified = Unify.unifyOrNull(new ArrayList<>(oi.attributes().values()), true);
        elem = unified == null ? m.element() : dynamicReplace(unified, m.element());
      }
      return new MapType(elem);
    }
    if (out instanceof ObjectType o) {
      Map<String, Type> attrs = new LinkedHashMap<>();
      for (Map.Entry<String, Type> a : o.attributes().entrySet()) {
        Type inAty = in instanceof MapType mi ? mi.element()
            : in instanceof ObjectType oi ? oi.attributeType(a.getKey()) : null;
        attrs.put(a.getKey(), inAty == null ? a.getValue() : dynamicReplace(inAty, a.getValue()));
      }
      return new ObjectType(attrs);
    }
    if (out instanceof SetType || out instanceof ListType) {
      Type elem = out.elementType();
      if (in instanceof SetType || in instanceof ListType) {
        elem = dynamicReplace(in.elementType(), elem);
      } else if (in instanceof TupleType ti) {
        Type unified = Unify.unifyOrNull(ti.elements(), true);
        elem = unified == null ? elem : dynamicReplace(unified, elem);
      }
      return out instanceof SetType ? new SetType(elem) : new ListType(elem);
    }
    if (out instanceof TupleType to && in instanceof TupleType ti && ti.elements().size() == to.elements().size()) {
      List<Type> elems = new ArrayList<>();
      for (int i = 0; i < to.elements().size(); i++) {
        elems.add(dynamicReplace(ti.elements().get(i), to.elements().get(i)));
      }
      return new TupleType(elems);
    }
    return out;
  }
}
