package dev.kplan.lang.functions;

import dev.kplan.lang.value.ValueOrder;

import static dev.kplan.lang.functions.CtyFunctions.elements;
import static dev.kplan.lang.functions.CtyFunctions.equal;
import static dev.kplan.lang.functions.CtyFunctions.param;
import static dev.kplan.lang.functions.CtyFunctions.spec;

import dev.kplan.lang.types.CollectionValues;
import dev.kplan.lang.types.ConversionException;
import dev.kplan.lang.types.Convert;
import dev.kplan.lang.types.DynamicType;
import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.MapType;
import dev.kplan.lang.types.MismatchMessage;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.TupleType;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.types.Unify;
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
import dev.kplan.lang.value.ValueMarks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collection functions, as go-cty's stdlib and OpenTofu's {@code lang/funcs} define them (OpenTofu's
 * versions of length, coalesce, index, lookup, matchkeys, one, sum, transpose, alltrue, anytrue;
 * element accepts negative indexes as OpenTofu's cty does).
 */
public final class CollectionFunctions {
  private static final Type LIST_OF_ANY = new ListType(Type.DYNAMIC);
  private static final Type SET_OF_ANY = new SetType(Type.DYNAMIC);
  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private CollectionFunctions() {}

  public static List<FunctionSpec> functions() {
    return List.of(length(), element(), coalesce(), coalescelist(), compact(), concat(), contains(), distinct(),
        chunklist(), flatten(), index(), keys(), lookup(), matchkeys(), merge(), one(), range(), reverse(),
        setproduct(), setOperation("setunion", true, CollectionFunctions::union),
        setOperation("setintersection", false, CollectionFunctions::intersection),
        setSubtract(), slice(), sort(), sum(), transpose(), values(), zipmap(), alltrue(), anytrue());
  }

  /** The number of grapheme clusters in {@code s}, as cty's {@code strlen} counts them. */
  public static int graphemeCount(String s) {
    Matcher m = GRAPHEME.matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static FunctionException fail(String message) {
    return new FunctionException(message);
  }

  private static FunctionException argFail(int index, String message) {
    return new FunctionException(index, message);
  }

  private static int toIndex(Value v, String prefix, int argIndex) throws FunctionException {
    try {
      long l = CtyFunctions.wholeNumber(v);
      return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, l));
    } catch (IllegalArgumentException e) {
      String msg = prefix + e.getMessage();
      throw argIndex < 0 ? fail(msg) : argFail(argIndex, msg);
    }
  }

  static FunctionSpec length() {
    Param p = new Param("value", Type.DYNAMIC, false, true, true, true);
    return spec("length", List.of(p), null, args -> {
      Type t = args.get(0).type();
      if (t == Type.STRING || t instanceof TupleType || t instanceof ObjectType || t.isCollection()
          || t instanceof DynamicType) {
        return Type.NUMBER;
      }
      throw fail("argument must be a string, a collection type, or a structural type");
    }, (args, ret) -> {
      Value coll = args.get(0);
      Marks marks = coll.marks();
      Type t = coll.type();
      if (t instanceof DynamicType) {
        return Value.unknownOf(Type.NUMBER).mark(marks);
      }
      if (t instanceof TupleType tt) {
        return Value.number(tt.elements().size()).mark(marks);
      }
      if (t instanceof ObjectType ot) {
        return Value.number(ot.attributes().size()).mark(marks);
      }
      if (!coll.isKnown()) {
        return Value.unknownOf(Type.NUMBER).mark(marks);
      }
      Value bare = coll.unmarked();
      if (bare instanceof StringValue s) {
        return Value.number(graphemeCount(s.value())).mark(marks);
      }
      if (bare instanceof SetValue s && !CollectionValues.setLengthKnown(s)) {
        return Value.unknownOf(Type.NUMBER).mark(marks);
      }
      return Value.number(elements(bare).size()).mark(marks);
    });
  }

  static FunctionSpec element() {
    return spec("element", List.of(param("list", Type.DYNAMIC).allowingMarked(), param("index", Type.NUMBER)), null,
        args -> {
          Type t = args.get(0).type();
          if (t instanceof ListType l) {
            return l.element();
          }
          if (t instanceof TupleType tt) {
            if (!args.get(1).isKnown()) {
              return Type.DYNAMIC;
            }
            int index = toIndex(args.get(1), "invalid index: ", -1);
            if (tt.elements().isEmpty()) {
              throw fail("cannot use element function with an empty list");
            }
            return tt.elements().get(wrap(index, tt.elements().size()));
          }
          throw fail("cannot read elements from " + t.friendlyName());
        }, (args, ret) -> {
          int index = toIndex(args.get(1), "invalid index: ", -1);
          Value input = args.get(0);
          Marks marks = input.marks();
          List<Value> elems = elements(input);
          if (elems.isEmpty()) {
            throw fail("cannot use element function with an empty list");
          }
          return elems.get(wrap(index, elems.size())).mark(marks);
        });
  }

  private static int wrap(int index, int length) {
    int i = index % length;
    return i < 0 ? i + length : i;
  }

  static FunctionSpec coalesce() {
    Param vals = new Param("vals", Type.DYNAMIC, true, true, false, true);
    return spec("coalesce", List.of(), vals, args -> {
      Type t = Unify.unifyUnsafe(args.stream().map(Value::type).toList()).orElse(null);
      if (t == null) {
        throw fail("all arguments must have the same type");
      }
      return t;
    }, (args, ret) -> {
      for (Value arg : args) {
        Value v;
        try {
          v = Convert.convert(arg, ret);
        } catch (ConversionException e) {
          v = arg;
        }
        if (!v.isKnown()) {
          return Value.unknownOf(ret);
        }
        if (v.isNull()) {
          continue;
        }
        if (ret == Type.STRING && v instanceof StringValue s && s.value().isEmpty()) {
          continue;
        }
        return v;
      }
      throw fail("no non-null, non-empty-string arguments");
    });
  }

  static FunctionSpec coalescelist() {
    Param vals = new Param("vals", Type.DYNAMIC, true, true, false, true);
    return spec("coalescelist", List.of(), vals, args -> {
      if (args.isEmpty()) {
        throw fail("at least one argument is required");
      }
      List<Type> types = new ArrayList<>();
      for (Value arg : args) {
        if (!arg.isKnown()) {
          return Type.DYNAMIC;
        }
        if (!(arg.type() instanceof ListType) && !(arg.type() instanceof TupleType)) {
          throw fail("coalescelist arguments must be lists or tuples");
        }
        types.add(arg.type());
      }
      for (Type t : types) {
        if (!t.equals(types.get(0))) {
          return Type.DYNAMIC;
        }
      }
      return types.get(0);
    }, (args, ret) -> {
      for (Value arg : args) {
        if (!arg.isKnown()) {
          return Value.unknownOf(ret);
        }
        if (arg.isNull()) {
          continue;
        }
        if (!elements(arg).isEmpty()) {
          return arg;
        }
      }
      throw fail("no non-null arguments");
    });
  }

  static FunctionSpec compact() {
    Type listOfString = new ListType(Type.STRING);
    return spec("compact", List.of(param("list", listOfString).allowingUnknown()), null,
        ReturnType.fixed(listOfString), (args, ret) -> {
          Value list = args.get(0);
          if (!list.isWhollyKnown()) {
            return Value.unknownOf(ret);
          }
          List<Value> out = new ArrayList<>();
          for (Value v : elements(list)) {
            if (v.isNull() || ((StringValue) v.unmarked()).value().isEmpty()) {
              continue;
            }
            out.add(v);
          }
          return CtyFunctions.listOf(out, Type.STRING);
        });
  }

  static FunctionSpec concat() {
    return spec("concat", List.of(), param("seqs", Type.DYNAMIC).allowingMarked(), args -> {
      if (args.isEmpty()) {
        throw fail("at least one argument is required");
      }
      if (args.get(0).type() instanceof ListType) {
        List<Type> tys = new ArrayList<>();
        for (Value v : args) {
          if (!(v.type() instanceof ListType)) {
            tys = null;
            break;
          }
          tys.add(v.type());
        }
        if (tys != null) {
          Type common = Unify.unifyUnsafe(tys).orElse(null);
          if (common != null) {
            return common;
          }
        }
      }
      List<Type> etys = new ArrayList<>();
      for (int i = 0; i < args.size(); i++) {
        Value v = ValueMarks.unmarkDeep(args.get(i));
        Type t = v.type();
        if (t instanceof TupleType tt) {
          etys.addAll(tt.elements());
        } else if (t instanceof ListType lt) {
          if (!v.isKnown()) {
            return Type.DYNAMIC;
          }
          for (int j = 0; j < elements(v).size(); j++) {
            etys.add(lt.element());
          }
        } else {
          throw argFail(i, "all arguments must be lists or tuples; got " + t.friendlyName());
        }
      }
      return new TupleType(etys);
    }, (args, ret) -> {
      List<Value> vals = new ArrayList<>();
      Marks marks = Marks.NONE;
      if (ret instanceof ListType lt) {
        for (int i = 0; i < args.size(); i++) {
          Value list;
          try {
            list = Convert.convert(args.get(i), ret);
          } catch (ConversionException e) {
            throw argFail(i, e.getMessage());
          }
          marks = marks.union(list.marks());
          vals.addAll(elements(list));
        }
        return CtyFunctions.listOf(vals, lt.element()).mark(marks);
      }
      if (ret instanceof TupleType) {
        for (Value seq : args) {
          marks = marks.union(seq.marks());
          vals.addAll(elements(seq));
        }
        return new TupleValue(vals, marks);
      }
      return Value.unknownOf(ret);
    });
  }

  static FunctionSpec contains() {
    return spec("contains", List.of(param("list", Type.DYNAMIC), param("value", Type.DYNAMIC)), null,
        ReturnType.fixed(Type.BOOL), (args, ret) -> {
          Value list = args.get(0);
          Type t = list.type();
          if (!(t instanceof ListType) && !(t instanceof TupleType) && !(t instanceof SetType)) {
            throw fail("argument must be list, tuple, or set");
          }
          if (elements(list).isEmpty()) {
            return Value.bool(false);
          }
          boolean containsUnknown = false;
          for (Value v : elements(list)) {
            Boolean eq = equal(args.get(1), v);
            if (eq == null) {
              containsUnknown = true;
            } else if (eq) {
              return Value.bool(true);
            }
          }
          return containsUnknown ? Value.unknownOf(Type.BOOL) : Value.bool(false);
        });
  }

  static FunctionSpec distinct() {
    return spec("distinct", List.of(param("list", LIST_OF_ANY)), null, args -> args.get(0).type(), (args, ret) -> {
      Value list = args.get(0);
      if (!list.isWhollyKnown()) {
        return Value.unknownOf(ret);
      }
      List<Value> out = new ArrayList<>();
      for (Value v : elements(list)) {
        boolean present = false;
        for (Value o : out) {
          if (Boolean.TRUE.equals(equal(o, v))) {
            present = true;
            break;
          }
        }
        if (!present) {
          out.add(v);
        }
      }
      return CtyFunctions.listOf(out, ret.elementType());
    });
  }

  static FunctionSpec chunklist() {
    return spec("chunklist", List.of(param("list", LIST_OF_ANY).allowingMarked(),
        param("size", Type.NUMBER).allowingMarked()), null, args -> new ListType(args.get(0).type()), (args, ret) -> {
          Value list = args.get(0);
          Marks marks = list.marks().union(args.get(1).marks());
          int size = toIndex(args.get(1).unmarked(), "invalid size: ", -1);
          if (size < 0) {
            throw fail("the size argument must be positive");
          }
          Value bare = list.unmarked();
          List<Value> elems = elements(bare);
          if (elems.isEmpty()) {
            return new ListValue(bare.type(), List.of(), marks);
          }
          List<Value> output = new ArrayList<>();
          if (size == 0) {
            output.add(bare);
            return CollectionValues.list(output).mark(marks);
          }
          for (int i = 0; i < elems.size(); i += size) {
            output.add(CollectionValues.list(elems.subList(i, Math.min(elems.size(), i + size))));
          }
          return CollectionValues.list(output).mark(marks);
        });
  }

  /** What flattening found: the elements, the marks met on the way, and whether it is all known. */
  private record Flattened(List<Value> values, Marks marks, boolean known) {}

  private static Flattened flattener(Value v) {
    Marks marks = v.marks();
    Value list = v.unmarked();
    if (!list.isKnown() || (list instanceof SetValue s && !CollectionValues.setLengthKnown(s))) {
      return new Flattened(List.of(), marks, false);
    }
    List<Value> out = new ArrayList<>();
    boolean known = true;
    for (Value e : elements(list)) {
      if (!e.isKnown() && e.type() instanceof DynamicType && !e.isMarked()) {
        known = false;
      }
      Type t = e.type();
      if (!e.isNull() && (t instanceof ListType || t instanceof SetType || t instanceof TupleType)) {
        if (!e.isKnown()) {
          known = false;
          marks = marks.union(e.marks());
          continue;
        }
        Flattened inner = flattener(e);
        marks = marks.union(inner.marks);
        if (inner.known) {
          out.addAll(inner.values);
        } else {
          known = false;
        }
      } else {
        out.add(e);
      }
    }
    return new Flattened(out, marks, known);
  }

  static FunctionSpec flatten() {
    return spec("flatten", List.of(param("list", Type.DYNAMIC).allowingMarked()), null, args -> {
      Value v = args.get(0);
      if (!v.isWhollyKnown()) {
        return Type.DYNAMIC;
      }
      Type t = v.type();
      if (!(t instanceof ListType) && !(t instanceof SetType) && !(t instanceof TupleType)) {
        throw fail("can only flatten lists, sets and tuples");
      }
      Flattened f = flattener(v);
      if (!f.known) {
        return Type.DYNAMIC;
      }
      return new TupleType(f.values.stream().map(Value::type).toList());
    }, (args, ret) -> {
      Value v = args.get(0);
      Type t = v.type();
      if (!(t instanceof ListType) && !(t instanceof SetType) && !(t instanceof TupleType)) {
        throw fail("can only flatten lists, sets and tuples");
      }
      if (elements(v).isEmpty()) {
        return new TupleValue(List.of(), v.marks());
      }
      Flattened f = flattener(v);
      if (!f.known) {
        return Value.unknownOf(ret).mark(f.marks);
      }
      return new TupleValue(f.values, f.marks);
    });
  }

  static FunctionSpec index() {
    return spec("index", List.of(param("list", Type.DYNAMIC), param("value", Type.DYNAMIC)), null,
        ReturnType.fixed(Type.NUMBER), (args, ret) -> {
          Value list = args.get(0);
          if (!(list.type() instanceof ListType) && !(list.type() instanceof TupleType)) {
            throw fail("argument must be a list or tuple");
          }
          List<Value> elems = elements(list);
          if (elems.isEmpty()) {
            throw fail("cannot search an empty list");
          }
          for (int i = 0; i < elems.size(); i++) {
            Boolean eq = equal(elems.get(i), args.get(1));
            if (eq == null) {
              return Value.unknownOf(Type.NUMBER);
            }
            if (eq) {
              return Value.number(i);
            }
          }
          throw fail("item not found");
        });
  }

  static FunctionSpec keys() {
    Param p = new Param("inputMap", Type.DYNAMIC, false, true, true, false);
    return spec("keys", List.of(p), null, args -> {
      Type t = args.get(0).type();
      if (t instanceof MapType) {
        return new ListType(Type.STRING);
      }
      if (t instanceof ObjectType o) {
        return new TupleType(Collections.nCopies(o.attributes().size(), Type.STRING));
      }
      throw argFail(0, "must have map or object type");
    }, (args, ret) -> {
      Value m = args.get(0);
      Marks marks = m.marks();
      if (m.type() instanceof ObjectType o) {
        List<Value> names = new ArrayList<>();
        for (String name : sortedByBytes(o.attributes().keySet())) {
          names.add(Value.string(name));
        }
        return new TupleValue(names, marks);
      }
      if (!m.isKnown()) {
        return Value.unknownOf(ret).mark(marks);
      }
      List<Value> keys = new ArrayList<>();
      for (String k : sortedByBytes(((MapValue) m.unmarked()).entries().keySet())) {
        keys.add(Value.string(k));
      }
      return CtyFunctions.listOf(keys, Type.STRING).mark(marks);
    });
  }

  /** Keys in cty's order: by their UTF-8 bytes, which is code point order. */
  static List<String> sortedByBytes(java.util.Collection<String> keys) {
    List<String> out = new ArrayList<>(keys);
    out.sort(ValueOrder::compareCodePoints);
    return out;
  }

  static FunctionSpec lookup() {
    Param dflt = new Param("default", Type.DYNAMIC, true, true, true, true);
    return spec("lookup", List.of(param("inputMap", Type.DYNAMIC).allowingMarked(),
        param("key", Type.STRING).allowingMarked()), dflt, args -> {
          if (args.size() > 3) {
            throw fail("lookup() takes two or three arguments, got " + args.size());
          }
          Type t = args.get(0).type();
          if (t instanceof ObjectType o) {
            if (!args.get(1).isKnown()) {
              return Type.DYNAMIC;
            }
            String key = ((StringValue) args.get(1).unmarked()).value();
            if (o.attributes().containsKey(key)) {
              return o.attributeType(key);
            } else if (args.size() == 3) {
              return args.get(2).type();
            }
            throw argFail(0, "the given object has no attribute " + MismatchMessage.quote(key));
          }
          if (t instanceof MapType m) {
            if (args.size() == 3) {
              try {
                Convert.convert(args.get(2), m.element());
              } catch (ConversionException e) {
                throw argFail(2, "the default value must have the same type as the map elements");
              }
            }
            return m.element();
          }
          throw argFail(0, "lookup() requires a map as the first argument");
        }, (args, ret) -> {
          Marks marks = args.get(0).marks();
          Value key = args.get(1);
          Marks keyMarks = key.marks();
          marks = marks.union(keyMarks);
          String lookupKey = ((StringValue) key.unmarked()).value();
          Value map = args.get(0).unmarked();
          if (!map.isKnown()) {
            return Value.unknownOf(ret).mark(marks);
          }
          if (map instanceof ObjectValue o) {
            if (o.attributes().containsKey(lookupKey)) {
              return o.get(lookupKey).mark(marks);
            }
          } else if (map instanceof MapValue m && m.entries().containsKey(lookupKey)) {
            return m.entries().get(lookupKey).mark(marks);
          }
          if (args.size() == 3) {
            try {
              return Convert.convert(args.get(2), ret).mark(marks);
            } catch (ConversionException e) {
              throw fail(e.getMessage());
            }
          }
          String shown = keyMarks.isSensitive() ? "(sensitive value)" : MismatchMessage.quote(lookupKey);
          throw fail("lookup failed to find key " + shown);
        });
  }

  static FunctionSpec matchkeys() {
    return spec("matchkeys", List.of(param("values", LIST_OF_ANY), param("keys", LIST_OF_ANY),
        param("searchset", LIST_OF_ANY)), null, args -> {
          if (Unify.unifyUnsafe(List.of(args.get(1).type(), args.get(2).type())).isEmpty()) {
            throw fail("keys and searchset must be of the same type");
          }
          return args.get(0).type();
        }, (args, ret) -> {
          Value values = args.get(0);
          if (elements(values).size() != elements(args.get(1)).size()) {
            throw fail("length of keys and values should be equal");
          }
          Type ty = Unify.unifyUnsafe(List.of(args.get(1).type(), args.get(2).type())).orElseThrow();
          Value keys;
          Value searchset;
          try {
            keys = Convert.convert(args.get(1), ty);
            searchset = Convert.convert(args.get(2), ty);
          } catch (ConversionException e) {
            throw fail(e.getMessage());
          }
          if (!searchset.isKnown() || !keys.isKnown()) {
            return Value.unknownOf(ret);
          }
          if (elements(searchset).isEmpty()) {
            return new ListValue(ret.elementType(), List.of(), Marks.NONE);
          }
          if (!values.isWhollyKnown() || !keys.isWhollyKnown()) {
            return Value.unknownOf(ret);
          }
          List<Value> output = new ArrayList<>();
          List<Value> keyList = elements(keys);
          for (int i = 0; i < keyList.size(); i++) {
            for (Value search : elements(searchset)) {
              Boolean eq = equal(keyList.get(i), search);
              if (eq == null) {
                return new ListValue(ret.elementType(), List.of(), Marks.NONE);
              }
              if (eq) {
                output.add(elements(values).get(i));
                break;
              }
            }
          }
          return CtyFunctions.listOf(output, ret.elementType());
        });
  }

  static FunctionSpec merge() {
    Param maps = new Param("maps", Type.DYNAMIC, true, false, true, true);
    return spec("merge", List.of(), maps, args -> {
      if (args.isEmpty()) {
        return ObjectType.EMPTY;
      }
      Map<String, Type> attrs = new LinkedHashMap<>();
      Type first = null;
      boolean matching = true;
      boolean attrsKnown = true;
      for (int i = 0; i < args.size(); i++) {
        Value arg = args.get(i);
        Type t = arg.type();
        if (t instanceof DynamicType) {
          return Type.DYNAMIC;
        }
        if (!(t instanceof MapType) && !(t instanceof ObjectType)) {
          throw fail("arguments must be maps or objects, got " + MismatchMessage.quote(t.friendlyName()));
        }
        if (t instanceof ObjectType o && !arg.isNull()) {
          attrs.putAll(o.attributes());
        } else if (t instanceof MapType m) {
          if (arg.isNull()) {
            // nothing to add
          } else if (arg.isKnown()) {
            for (String k : ((MapValue) arg.unmarked()).entries().keySet()) {
              attrs.put(k, m.element());
            }
          } else {
            attrsKnown = false;
          }
        }
        if (i == 0) {
          first = t;
          continue;
        }
        if (!t.equals(first)) {
          matching = false;
        }
      }
      if (matching) {
        return first;
      }
      if (!attrsKnown) {
        return Type.DYNAMIC;
      }
      return new ObjectType(attrs);
    }, (args, ret) -> {
      Map<String, Value> out = new TreeMap<>();
      Marks marks = Marks.NONE;
      for (Value arg : args) {
        if (arg.isNull()) {
          continue;
        }
        marks = marks.union(arg.marks());
        Value bare = arg.unmarked();
        if (bare instanceof MapValue m) {
          out.putAll(m.entries());
        } else if (bare instanceof ObjectValue o) {
          out.putAll(o.attributes());
        } else {
          // reached only after an argument of type any stopped the type check early; cty fails here too
          throw fail("arguments must be maps or objects, got " + MismatchMessage.quote(bare.type().friendlyName()));
        }
      }
      if (ret instanceof MapType m) {
        if (out.isEmpty()) {
          return new MapValue(m.element(), Map.of(), marks);
        }
        return CollectionValues.map(out).mark(marks);
      }
      return new ObjectValue(out, marks);
    });
  }

  static FunctionSpec one() {
    return spec("one", List.of(param("list", Type.DYNAMIC)), null, args -> {
      Type t = args.get(0).type();
      if (t instanceof ListType || t instanceof SetType) {
        return t.elementType();
      }
      if (t instanceof TupleType tt) {
        if (tt.elements().isEmpty()) {
          return Type.DYNAMIC;
        }
        if (tt.elements().size() == 1) {
          return tt.elements().get(0);
        }
      }
      throw argFail(0, "must be a list, set, or tuple value with either zero or one elements");
    }, (args, ret) -> {
      Value v = args.get(0);
      if (v instanceof SetValue s && !CollectionValues.setLengthKnown(s)) {
        return Value.unknownOf(ret);
      }
      List<Value> elems = elements(v);
      if (elems.isEmpty()) {
        return Value.nullOf(ret);
      }
      if (elems.size() == 1) {
        return elems.get(0);
      }
      throw argFail(0, "must be a list, set, or tuple value with either zero or one elements");
    });
  }

  static FunctionSpec range() {
    return spec("range", List.of(), param("params", Type.NUMBER), ReturnType.fixed(new ListType(Type.NUMBER)),
        (args, ret) -> {
          BigDecimal start;
          BigDecimal end;
          BigDecimal step;
          List<BigDecimal> n = args.stream().map(a -> ((NumberValue) a).value()).toList();
          switch (n.size()) {
            case 1:
              start = BigDecimal.ZERO;
              end = n.get(0);
              step = n.get(0).signum() < 0 ? BigDecimal.ONE.negate() : BigDecimal.ONE;
              break;
            case 2:
              start = n.get(0);
              end = n.get(1);
              step = end.compareTo(start) < 0 ? BigDecimal.ONE.negate() : BigDecimal.ONE;
              break;
            case 3:
              start = n.get(0);
              end = n.get(1);
              step = n.get(2);
              break;
            default:
              throw fail("must have one, two, or three arguments");
          }
          // cty means to reject a zero step but compares number values by identity, so a zero
          // step counts up until the 1024-value limit instead
          boolean down = step.signum() < 0;
          if (down && end.compareTo(start) > 0) {
            throw argFail(1, "end must be less than start when step is negative");
          }
          if (!down && end.compareTo(start) < 0) {
            throw argFail(1, "end must be greater than start when step is positive");
          }
          List<Value> vals = new ArrayList<>();
          BigDecimal num = start;
          while (down ? num.compareTo(end) > 0 : num.compareTo(end) < 0) {
            if (vals.size() >= 1024) {
              throw fail("more than 1024 values were generated; either decrease the difference between start and "
                  + "end or use a smaller step");
            }
            vals.add(Value.number(num));
            num = num.add(step);
          }
          return CtyFunctions.listOf(vals, Type.NUMBER);
        });
  }

  static FunctionSpec reverse() {
    return spec("reverse", List.of(param("list", Type.DYNAMIC).allowingMarked()), null, args -> {
      Type t = args.get(0).type();
      if (t instanceof TupleType tt) {
        List<Type> r = new ArrayList<>(tt.elements());
        Collections.reverse(r);
        return new TupleType(r);
      }
      if (t instanceof ListType || t instanceof SetType) {
        return new ListType(t.elementType());
      }
      throw argFail(0, "can only reverse list or tuple values, not " + t.friendlyName());
    }, (args, ret) -> {
      Marks marks = args.get(0).marks();
      List<Value> out = new ArrayList<>(elements(args.get(0)));
      Collections.reverse(out);
      if (ret instanceof TupleType) {
        return new TupleValue(out, marks);
      }
      return CtyFunctions.listOf(out, ret.elementType()).mark(marks);
    });
  }

  static FunctionSpec setproduct() {
    Param sets = new Param("sets", Type.DYNAMIC, false, true, true, false);
    return spec("setproduct", List.of(), sets, args -> {
      if (args.size() < 2) {
        throw fail("at least two arguments are required");
      }
      int listCount = 0;
      List<Type> elemTys = new ArrayList<>();
      for (int i = 0; i < args.size(); i++) {
        Type t = args.get(i).type();
        if (t instanceof SetType) {
          elemTys.add(t.elementType());
        } else if (t instanceof ListType) {
          elemTys.add(t.elementType());
          listCount++;
        } else if (t instanceof TupleType tt) {
          if (tt.elements().isEmpty()) {
            elemTys.add(Type.DYNAMIC);
          } else {
            Type ety = Unify.unifyUnsafe(tt.elements()).orElse(null);
            if (ety == null) {
              throw argFail(i, "all elements must be of the same type");
            }
            elemTys.add(ety);
          }
          listCount++;
        } else {
          throw argFail(i, "a set or a list is required");
        }
      }
      Type tuple = new TupleType(elemTys);
      return listCount == args.size() ? new ListType(tuple) : new SetType(tuple);
    }, (args, ret) -> {
      if (!(ret instanceof ListType) && !(ret instanceof SetType)) {
        return Value.unknownOf(ret);
      }
      TupleType ety = (TupleType) ret.elementType();
      Marks marks = Marks.NONE;
      boolean unknownLength = false;
      List<List<Value>> argVals = new ArrayList<>();
      long total = 1;
      for (Value arg : args) {
        marks = marks.union(arg.marks());
        Value bare = arg.unmarked();
        if (!bare.isKnown() || (bare instanceof SetValue s && !CollectionValues.setLengthKnown(s))) {
          unknownLength = true;
          continue;
        }
        argVals.add(elements(bare));
        total *= elements(bare).size();
      }
      if (unknownLength) {
        return Value.unknownOf(ret).mark(marks);
      }
      if (total == 0) {
        return (ret instanceof ListType ? new ListValue(ety, List.of(), marks) : new SetValue(ety, List.of(), marks));
      }
      List<Value> product = new ArrayList<>();
      int[] idx = new int[args.size()];
      for (long i = 0; i < total; i++) {
        List<Value> tuple = new ArrayList<>();
        for (int j = 0; j < idx.length; j++) {
          Value val = argVals.get(j).get(idx[j]);
          Type want = ety.elements().get(j);
          if (!val.type().equals(want)) {
            try {
              val = Convert.convert(val, want);
            } catch (ConversionException e) {
              throw fail("failed to convert argVals[" + j + "][" + idx[j] + "] to " + want.friendlyName()
                  + "; this is a bug in cty");
            }
          }
          tuple.add(val);
        }
        product.add(new TupleValue(tuple, Marks.NONE));
        for (int j = idx.length - 1; j >= 0; j--) {
          idx[j]++;
          if (idx[j] < argVals.get(j).size()) {
            break;
          }
          idx[j] = 0;
        }
      }
      Value out = ret instanceof ListType ? CollectionValues.list(product) : CollectionValues.set(product);
      return out.mark(marks);
    });
  }

  private static Type setOperationReturnType(List<Value> args) throws FunctionException {
    List<Type> etys = new ArrayList<>();
    for (Value arg : args) {
      Type ety = arg.type().elementType();
      if (arg.isKnown() && elements(arg).isEmpty() && ety instanceof DynamicType) {
        continue;
      }
      etys.add(ety);
    }
    if (etys.isEmpty()) {
      return SET_OF_ANY;
    }
    Type ety = Unify.unifyUnsafe(etys).orElse(null);
    if (ety == null) {
      throw fail("given sets must all have compatible element types");
    }
    return new SetType(ety);
  }

  private static List<Value> union(List<Value> a, List<Value> b) {
    List<Value> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }

  private static List<Value> intersection(List<Value> a, List<Value> b) {
    List<Value> out = new ArrayList<>();
    for (Value v : a) {
      if (b.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  private static List<Value> subtract(List<Value> a, List<Value> b) {
    List<Value> out = new ArrayList<>();
    for (Value v : a) {
      if (!b.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  private static FunctionBody setOperationImpl(BinaryOperator<List<Value>> f, boolean allowUnknowns) {
    return (args, ret) -> {
      SetType st = (SetType) ret;
      List<Value> set = null;
      for (int i = 0; i < args.size(); i++) {
        Value arg;
        try {
          arg = Convert.convert(args.get(i), ret);
        } catch (ConversionException e) {
          throw argFail(i, e.getMessage());
        }
        if (!allowUnknowns && !arg.isWhollyKnown()) {
          return Value.unknownOf(ret);
        }
        List<Value> elems = elements(arg);
        set = set == null ? new ArrayList<>(elems) : f.apply(set, elems);
      }
      return new SetValue(st.element(), set, Marks.NONE);
    };
  }

  static FunctionSpec setOperation(String name, boolean allowUnknowns, BinaryOperator<List<Value>> f) {
    Param first = new Param("first_set", SET_OF_ANY, false, false, false, true);
    Param others = new Param("other_sets", SET_OF_ANY, false, false, false, true);
    return spec(name, List.of(first), others, CollectionFunctions::setOperationReturnType,
        setOperationImpl(f, allowUnknowns));
  }

  static FunctionSpec setSubtract() {
    Param a = new Param("a", SET_OF_ANY, false, false, false, true);
    Param b = new Param("b", SET_OF_ANY, false, false, false, true);
    return spec("setsubtract", List.of(a, b), null, CollectionFunctions::setOperationReturnType,
        setOperationImpl(CollectionFunctions::subtract, false));
  }

  /** Start and end of a slice, checked as cty checks them; null entries when not known yet. */
  private static Integer[] sliceIndexes(List<Value> args) throws FunctionException {
    Value list = args.get(0).unmarked();
    Integer length = null;
    if (list.type() instanceof TupleType tt) {
      length = tt.elements().size();
    } else if (list.isKnown()) {
      length = elements(list).size();
    }
    Integer start = null;
    Integer end = null;
    if (args.get(1).isKnown()) {
      start = toIndex(args.get(1), "invalid start index: ", 1);
      if (start < 0) {
        throw argFail(1, "start index must not be less than zero");
      }
      if (length != null && start > length) {
        throw argFail(1, "start index must not be greater than the length of the list");
      }
    }
    if (args.get(2).isKnown()) {
      end = toIndex(args.get(2), "invalid end index: ", 2);
      if (end < 0) {
        throw argFail(2, "end index must not be less than zero");
      }
      if (length != null && end > length) {
        throw argFail(2, "end index must not be greater than the length of the list");
      }
    }
    if (start != null && end != null && start > end) {
      throw argFail(1, "start index must not be greater than end index");
    }
    return new Integer[] {start, end};
  }

  static FunctionSpec slice() {
    return spec("slice", List.of(param("list", Type.DYNAMIC).allowingMarked(), param("start_index", Type.NUMBER),
        param("end_index", Type.NUMBER)), null, args -> {
          Type t = args.get(0).type();
          if (t instanceof SetType) {
            throw argFail(0, "cannot slice a set, because its elements do not have indices; explicitly convert to a "
                + "list if the ordering of the result is not important");
          }
          if (!(t instanceof ListType) && !(t instanceof TupleType)) {
            throw argFail(0, "must be a list or tuple value");
          }
          Integer[] se = sliceIndexes(args);
          if (t instanceof ListType) {
            return t;
          }
          if (se[0] == null || se[1] == null) {
            return Type.DYNAMIC;
          }
          return new TupleType(((TupleType) t).elements().subList(se[0], se[1]));
        }, (args, ret) -> {
          Marks marks = args.get(0).marks();
          if (ret instanceof DynamicType) {
            return Value.unknownOf(Type.DYNAMIC).mark(marks);
          }
          Integer[] se = sliceIndexes(args);
          List<Value> out = elements(args.get(0)).subList(se[0], se[1]);
          if (ret instanceof TupleType) {
            return new TupleValue(out, marks);
          }
          return CtyFunctions.listOf(out, ret.elementType()).mark(marks);
        });
  }

  static FunctionSpec sort() {
    Type listOfString = new ListType(Type.STRING);
    return spec("sort", List.of(param("list", listOfString).allowingUnknown()), null, ReturnType.fixed(listOfString),
        (args, ret) -> {
          Value list = args.get(0);
          if (!list.isKnown()) {
            return Value.unknownOf(ret);
          }
          if (!list.isWhollyKnown()) {
            // cty knows the length even though the order is not known yet (a length-refined
            // unknown), which OpenTofu shows and iterates as that many unknown elements
            return new ListValue(Type.STRING,
                Collections.nCopies(elements(list).size(), Value.unknownOf(Type.STRING)), Marks.NONE);
          }
          List<Value> elems = elements(list);
          if (elems.isEmpty()) {
            return list;
          }
          List<String> strings = new ArrayList<>();
          for (int i = 0; i < elems.size(); i++) {
            if (elems.get(i).isNull()) {
              throw fail("given list element " + i + " is null; a null string cannot be sorted");
            }
            strings.add(((StringValue) elems.get(i).unmarked()).value());
          }
          List<Value> out = new ArrayList<>();
          for (String s : sortedByBytes(strings)) {
            out.add(Value.string(s));
          }
          return CollectionValues.list(out);
        });
  }

  static FunctionSpec sum() {
    return spec("sum", List.of(param("list", Type.DYNAMIC)), null, ReturnType.fixed(Type.NUMBER), (args, ret) -> {
      Value v = args.get(0);
      Type t = v.type();
      if (!(t.isCollection() || t instanceof TupleType || t instanceof ObjectType)) {
        throw argFail(0, "cannot sum noniterable");
      }
      List<Value> elems = elements(v);
      if (elems.isEmpty()) {
        throw argFail(0, "cannot sum an empty list");
      }
      if (!(t instanceof ListType) && !(t instanceof SetType) && !(t instanceof TupleType)) {
        throw argFail(0, "argument must be list, set, or tuple. Received " + t.friendlyName());
      }
      if (!v.isWhollyKnown()) {
        return Value.unknownOf(Type.NUMBER);
      }
      BigDecimal total = BigDecimal.ZERO;
      for (Value e : elems) {
        if (e.isNull()) {
          throw argFail(0, "argument must be list, set, or tuple of number values");
        }
        try {
          total = total.add(((NumberValue) Convert.convert(e, Type.NUMBER).unmarked()).value());
        } catch (ConversionException | ClassCastException ex) {
          throw argFail(0, "argument must be list, set, or tuple of number values");
        }
      }
      return Value.number(total);
    });
  }

  static FunctionSpec transpose() {
    Type mapOfLists = new MapType(new ListType(Type.STRING));
    return spec("transpose", List.of(param("values", mapOfLists).allowingUnknown()), null,
        ReturnType.fixed(mapOfLists), (args, ret) -> {
          Value input = args.get(0);
          if (!input.isWhollyKnown()) {
            return Value.unknownOf(ret);
          }
          Map<String, List<String>> tmp = new LinkedHashMap<>();
          for (Map.Entry<String, Value> e : ((MapValue) input.unmarked()).entries().entrySet()) {
            for (Value val : elements(e.getValue())) {
              if (val.isNull()) {
                throw fail("input must be a map of lists of strings");
              }
              String outKey = ((StringValue) val.unmarked()).value();
              List<String> outVal = tmp.computeIfAbsent(outKey, k -> new ArrayList<>());
              outVal.add(e.getKey());
              outVal.sort(ValueOrder::compareCodePoints);
            }
          }
          Map<String, Value> out = new LinkedHashMap<>();
          tmp.forEach((k, vs) -> out.put(k, CollectionValues.list(vs.stream().map(s -> (Value) Value.string(s)).toList())));
          if (out.isEmpty()) {
            return new MapValue(new ListType(Type.STRING), Map.of(), Marks.NONE);
          }
          return CollectionValues.map(out);
        });
  }

  static FunctionSpec values() {
    return spec("values", List.of(param("mapping", Type.DYNAMIC).allowingMarked()), null, args -> {
      Type t = args.get(0).type();
      if (t instanceof MapType m) {
        return new ListType(m.element());
      }
      if (t instanceof ObjectType o) {
        List<Type> tys = new ArrayList<>();
        for (String name : sortedByBytes(o.attributes().keySet())) {
          tys.add(o.attributeType(name));
        }
        return new TupleType(tys);
      }
      throw fail("values() requires a map as the first argument");
    }, (args, ret) -> {
      Marks marks = args.get(0).marks();
      Value bare = args.get(0).unmarked();
      Map<String, Value> entries = bare instanceof MapValue m ? m.entries() : ((ObjectValue) bare).attributes();
      List<Value> vals = new ArrayList<>();
      for (String k : sortedByBytes(entries.keySet())) {
        vals.add(entries.get(k));
      }
      if (ret instanceof TupleType) {
        return new TupleValue(vals, marks);
      }
      return CtyFunctions.listOf(vals, ret.elementType()).mark(marks);
    });
  }

  static FunctionSpec zipmap() {
    return spec("zipmap", List.of(param("keys", new ListType(Type.STRING)).allowingMarked(),
        param("values", Type.DYNAMIC).allowingMarked()), null, args -> {
          Value keys = args.get(0);
          Type vt = args.get(1).type();
          if (vt instanceof ListType l) {
            return new MapType(l.element());
          }
          if (vt instanceof TupleType tt) {
            if (!keys.isWhollyKnown()) {
              return Type.DYNAMIC;
            }
            List<Value> raw = elements(keys);
            if (raw.size() != tt.elements().size()) {
              throw fail("number of keys (" + raw.size() + ") does not match number of values ("
                  + tt.elements().size() + ")");
            }
            Map<String, Type> atys = new LinkedHashMap<>();
            for (int i = 0; i < raw.size(); i++) {
              Value k = raw.get(i).unmarked();
              if (k.isNull()) {
                throw fail("keys list has null value at index " + i);
              }
              atys.put(((StringValue) k).value(), tt.elements().get(i));
            }
            return new ObjectType(atys);
          }
          throw fail("values argument must be a list or tuple value");
        }, (args, ret) -> {
          Value keys = args.get(0);
          Value values = args.get(1);
          Marks marks = keys.marks().union(values.marks());
          if (!keys.isWhollyKnown()) {
            return Value.unknownOf(ret).mark(marks);
          }
          List<Value> ks = elements(keys);
          List<Value> vs = elements(values);
          if (ks.size() != vs.size()) {
            throw fail("number of keys (" + ks.size() + ") does not match number of values (" + vs.size() + ")");
          }
          Map<String, Value> out = new LinkedHashMap<>();
          for (int i = 0; i < ks.size(); i++) {
            Value k = ks.get(i);
            marks = marks.union(k.marks());
            if (k.isNull()) {
              throw fail("keys list has null value at index " + i);
            }
            out.put(((StringValue) k.unmarked()).value(), vs.get(i));
          }
          if (ret instanceof MapType m) {
            if (out.isEmpty()) {
              return new MapValue(m.element(), Map.of(), marks);
            }
            return CollectionValues.map(out).mark(marks);
          }
          return new ObjectValue(out, marks);
        });
  }

  static FunctionSpec alltrue() {
    return spec("alltrue", List.of(param("list", new ListType(Type.BOOL))), null, ReturnType.fixed(Type.BOOL),
        (args, ret) -> {
          for (Value v : elements(args.get(0))) {
            if (!v.isKnown()) {
              return Value.unknownOf(Type.BOOL);
            }
            if (v.isNull() || !((BoolValue) v.unmarked()).value()) {
              return Value.bool(false);
            }
          }
          return Value.bool(true);
        });
  }

  static FunctionSpec anytrue() {
    return spec("anytrue", List.of(param("list", new ListType(Type.BOOL))), null, ReturnType.fixed(Type.BOOL),
        (args, ret) -> {
          boolean hasUnknown = false;
          for (Value v : elements(args.get(0))) {
            if (!v.isKnown()) {
              hasUnknown = true;
              continue;
            }
            if (v.isNull()) {
              continue;
            }
            if (((BoolValue) v.unmarked()).value()) {
              return Value.bool(true);
            }
          }
          return hasUnknown ? Value.unknownOf(Type.BOOL) : Value.bool(false);
        });
  }
}
