package dev.kplan.lang.types;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds the one type that several values can all be converted to (go-cty's {@code convert.Unify}
 * and {@code UnifyUnsafe}). Which one Terraform uses where:
 *
 * <ul>
 *   <li>unsafe (conversions may fail for some values, e.g. string to number): HCL's conditional
 *       {@code c ? a : b}; {@code coalesce}, {@code concat} (list arguments), {@code matchkeys},
 *       {@code setproduct} (tuple arguments) and the set functions; optional-attribute defaults;
 *       and {@link Convert#convert}, which always allows unsafe conversions, when it turns a tuple
 *       into a list or set of {@code any} or an object into a map of {@code any};</li>
 *   <li>safe: re-unifying map elements after a map-to-map conversion, and callers that need a
 *       conversion that cannot fail.</li>
 * </ul>
 *
 * <p>An empty list of types has no unified type (cty returns {@code NilType}). Types that are
 * {@code any} take the lowest preference; structural types of one kind unify attribute by
 * attribute or element by element, falling back to a map or list type.
 */
public final class Unify {
  private Unify() {}

  /** The unified type using only conversions that cannot fail, or empty when there is none. */
  public static Optional<Type> unify(List<Type> types) {
    return Optional.ofNullable(unifyOrNull(types, false));
  }

  /** As {@link #unify}, also allowing conversions that may fail for some values (string to number). */
  public static Optional<Type> unifyUnsafe(List<Type> types) {
    return Optional.ofNullable(unifyOrNull(types, true));
  }

  static Type unifyOrNull(List<Type> types, boolean unsafe) {
    if (types.isEmpty()) {
      return null;
    }
    // same structural kinds may unify to a type that is none of the given ones
    int mapCt = 0, listCt = 0, setCt = 0, objectCt = 0, tupleCt = 0, dynamicCt = 0;
    for (Type t : types) {
      if (t instanceof MapType) {
        mapCt++;
      } else if (t instanceof ListType) {
        listCt++;
      } else if (t instanceof SetType) {
        setCt++;
      } else if (t instanceof ObjectType) {
        objectCt++;
      } else if (t instanceof TupleType) {
        tupleCt++;
      } else if (t instanceof DynamicType) {
        dynamicCt++;
      }
    }
    int n = types.size();
    boolean hasDynamic = dynamicCt > 0;
    if (mapCt > 0 && mapCt + dynamicCt == n) {
      return unifyCollections(MapType::new, types, unsafe, hasDynamic);
    } else if (mapCt > 0 && mapCt + objectCt + dynamicCt == n) {
      Type t = unifyObjectsAsMaps(types, unsafe);
      if (t instanceof MapType) {
        return t;
      }
    } else if (listCt > 0 && listCt + dynamicCt == n) {
      return unifyCollections(ListType::new, types, unsafe, hasDynamic);
    } else if (listCt > 0 && listCt + tupleCt + dynamicCt == n) {
      Type t = unifyTuplesAsList(types, unsafe);
      if (t instanceof ListType) {
        return t;
      }
    } else if (setCt > 0 && setCt + dynamicCt == n) {
      return unifyCollections(SetType::new, types, unsafe, hasDynamic);
    } else if (objectCt > 0 && objectCt + dynamicCt == n) {
      return unifyObjects(types, unsafe, hasDynamic);
    } else if (tupleCt > 0 && tupleCt + dynamicCt == n) {
      return unifyTuples(types, unsafe, hasDynamic);
    } else if (objectCt > 0 && tupleCt > 0) {
      return null;
    }

    Preferences:
    for (int wantIdx : sortTypes(types)) {
      Type want = types.get(wantIdx);
      for (int i = 0; i < n; i++) {
        Type t = types.get(i);
        if (i == wantIdx || t.equals(want)) {
          continue;
        }
        if (!Convert.canConvert(t, want, unsafe)) {
          continue Preferences;
        }
      }
      return want;
    }
    return null;
  }

  private static boolean allConvert(List<Type> types, Type target, boolean unsafe) {
    for (Type t : types) {
      if (!t.equals(target) && !Convert.canConvert(t, target, unsafe)) {
        return false;
      }
    }
    return true;
  }

  private static Type unifyTuplesAsList(List<Type> types, boolean unsafe) {
    List<Type> tuples = new ArrayList<>();
    for (Type t : types) {
      if (t instanceof TupleType) {
        tuples.add(t);
      }
    }
    Type list = unifyTuplesToList(tuples, unsafe);
    if (!(list instanceof ListType)) {
      return null;
    }
    List<Type> listed = new ArrayList<>();
    for (Type t : types) {
      listed.add(t instanceof TupleType ? list : t);
    }
    Type t = unifyOrNull(listed, unsafe);
    return t instanceof ListType ? t : null;
  }

  private static Type unifyObjectsAsMaps(List<Type> types, boolean unsafe) {
    List<Type> objects = new ArrayList<>();
    for (Type t : types) {
      if (t instanceof ObjectType) {
        objects.add(t);
      }
    }
    Type map = unifyObjectsToMap(objects, unsafe);
    if (!(map instanceof MapType)) {
      return null;
    }
    List<Type> mapped = new ArrayList<>();
    for (Type t : types) {
      mapped.add(t instanceof ObjectType ? map : t);
    }
    Type t = unifyOrNull(mapped, unsafe);
    return t instanceof MapType ? t : null;
  }

  private static Type unifyCollections(
      UnaryOperator<Type> make, List<Type> types, boolean unsafe, boolean hasDynamic) {
    if (hasDynamic) {
      return Type.DYNAMIC;
    }
    Type ety = unifyOrNull(types.stream().map(Type::elementType).toList(), unsafe);
    if (ety == null) {
      return null;
    }
    Type result = make.apply(ety);
    return allConvert(types, result, unsafe) ? result : null;
  }

  private static Type unifyObjects(List<Type> types, boolean unsafe, boolean hasDynamic) {
    if (hasDynamic) {
      return Type.DYNAMIC;
    }
    // objects with the same attribute names unify attribute by attribute; otherwise as a map
    Map<String, Type> first = ((ObjectType) types.get(0)).attributes();
    for (Type t : types.subList(1, types.size())) {
      Map<String, Type> these = ((ObjectType) t).attributes();
      if (!these.keySet().equals(first.keySet())) {
        return unifyObjectsToMap(types, unsafe);
      }
    }
    Map<String, Type> attrs = new LinkedHashMap<>();
    for (String name : first.keySet()) {
      List<Type> across = types.stream().map(t -> ((ObjectType) t).attributeType(name)).toList();
      Type a = unifyOrNull(across, unsafe);
      if (a == null) {
        return null;
      }
      attrs.put(name, a);
    }
    Type result = new ObjectType(attrs);
    return allConvert(types, result, unsafe) ? result : unifyObjectsToMap(types, unsafe);
  }

  private static Type unifyObjectsToMap(List<Type> types, boolean unsafe) {
    List<Type> atys = new ArrayList<>();
    for (Type t : types) {
      atys.addAll(((ObjectType) t).attributes().values());
    }
    Type ety = unifyOrNull(atys, unsafe);
    if (ety == null) {
      return null;
    }
    Type result = new MapType(ety);
    return allConvert(types, result, unsafe) ? result : null;
  }

  private static Type unifyTuples(List<Type> types, boolean unsafe, boolean hasDynamic) {
    if (hasDynamic) {
      return Type.DYNAMIC;
    }
    int len = ((TupleType) types.get(0)).elements().size();
    for (Type t : types.subList(1, types.size())) {
      if (((TupleType) t).elements().size() != len) {
        return unifyTuplesToList(types, unsafe);
      }
    }
    List<Type> etys = new ArrayList<>();
    for (int i = 0; i < len; i++) {
      int idx = i;
      Type e = unifyOrNull(types.stream().map(t -> ((TupleType) t).elements().get(idx)).toList(), unsafe);
      if (e == null) {
        return null;
      }
      etys.add(e);
    }
    Type result = new TupleType(etys);
    return allConvert(types, result, unsafe) ? result : unifyTuplesToList(types, unsafe);
  }

  private static Type unifyTuplesToList(List<Type> types, boolean unsafe) {
    List<Type> etys = new ArrayList<>();
    for (Type t : types) {
      etys.addAll(((TupleType) t).elements());
    }
    Type ety = unifyOrNull(etys, unsafe);
    if (ety == null) {
      return null;
    }
    Type result = new ListType(ety);
    return allConvert(types, result, unsafe) ? result : null;
  }

  /** Indices of {@code types}, most general first (a topological sort of "more general than"). */
  private static List<Integer> sortTypes(List<Type> types) {
    int n = types.size();
    List<List<Integer>> edges = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      edges.add(new ArrayList<>());
    }
    for (int i = 0; i < n - 1; i++) {
      for (int j = i + 1; j < n; j++) {
        int cmp = compareTypes(types.get(i), types.get(j));
        if (cmp < 0) {
          edges.get(i).add(j);
        } else if (cmp > 0) {
          edges.get(j).add(i);
        }
      }
    }
    int[] inDegree = new int[n];
    for (List<Integer> outs : edges) {
      for (int j : outs) {
        inDegree[j]++;
      }
    }
    List<Integer> result = new ArrayList<>();
    Deque<Integer> queue = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (inDegree[i] == 0) {
        queue.add(i);
      }
    }
    while (!queue.isEmpty()) {
      int i = queue.poll();
      result.add(i);
      for (int j : edges.get(i)) {
        if (--inDegree[j] == 0) {
          queue.add(j);
        }
      }
    }
    return result;
  }

  /** Negative when {@code a} is preferred (more general), positive when {@code b} is. */
  private static int compareTypes(Type a, Type b) {
    // any has the lowest preference: its values are expected to turn out like their neighbours
    if (a instanceof DynamicType || b instanceof DynamicType) {
      if (!(a instanceof DynamicType)) {
        return -1;
      }
      if (!(b instanceof DynamicType)) {
        return 1;
      }
      return 0;
    }
    if (a instanceof PrimitiveType && b instanceof PrimitiveType) {
      // every primitive can be written as a string
      if (a == Type.STRING || b == Type.STRING) {
        if (a != Type.STRING) {
          return 1;
        }
        if (b != Type.STRING) {
          return -1;
        }
        return 0;
      }
    }
    if ((a instanceof ListType && b instanceof ListType) || (a instanceof SetType && b instanceof SetType)
        || (a instanceof MapType && b instanceof MapType)) {
      return compareTypes(a.elementType(), b.elementType());
    }
    int swap = 1;
    if ((a instanceof TupleType && b instanceof ListType) || (a instanceof ObjectType && b instanceof MapType)
        || (a instanceof SetType && b instanceof TupleType) || (a instanceof SetType && b instanceof ListType)) {
      Type tmp = a;
      a = b;
      b = tmp;
      swap = -1;
    }
    if (b instanceof SetType && (a instanceof TupleType || a instanceof ListType)) {
      return -1 * swap;
    }
    if (a instanceof ListType && b instanceof TupleType) {
      return -1 * swap;
    }
    if (a instanceof MapType && b instanceof ObjectType) {
      return -1 * swap;
    }
    if (a instanceof ObjectType oa && b instanceof ObjectType ob) {
      if (oa.attributes().size() != ob.attributes().size()) {
        return 0;
      }
      boolean aSuper = false;
      boolean bSuper = false;
      for (Map.Entry<String, Type> e : oa.attributes().entrySet()) {
        Type bt = ob.attributeType(e.getKey());
        if (bt == null) {
          return 0;
        }
        int cmp = compareTypes(e.getValue(), bt);
        if (cmp < 0) {
          aSuper = true;
        } else if (cmp > 0) {
          bSuper = true;
        }
      }
      return superResult(aSuper, bSuper, swap);
    }
    if (a instanceof TupleType ta && b instanceof TupleType tb) {
      if (ta.elements().size() != tb.elements().size()) {
        return 0;
      }
      boolean aSuper = false;
      boolean bSuper = false;
      for (int i = 0; i < ta.elements().size(); i++) {
        int cmp = compareTypes(ta.elements().get(i), tb.elements().get(i));
        if (cmp < 0) {
          aSuper = true;
        } else if (cmp > 0) {
          bSuper = true;
        }
      }
      return superResult(aSuper, bSuper, swap);
    }
    return 0;
  }

  private static int superResult(boolean aSuper, boolean bSuper, int swap) {
    if (aSuper && bSuper) {
      return 0;
    }
    if (aSuper) {
      return -1 * swap;
    }
    if (bSuper) {
      return swap;
    }
    return 0;
  }
}
