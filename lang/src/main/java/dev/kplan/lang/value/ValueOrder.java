package dev.kplan.lang.value;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The canonical order of set elements, as cty orders them when a set is iterated: known before
 * unknown, non-null before null, numbers ascending, strings by code point, false before true,
 * collections element by element.
 */
public final class ValueOrder implements Comparator<Value> {
  public static final ValueOrder INSTANCE = new ValueOrder();

  private ValueOrder() {}

  @Override
  public int compare(Value a, Value b) {
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    if (a instanceof NumberValue x && b instanceof NumberValue y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof StringValue x && b instanceof StringValue y) {
      return compareCodePoints(x.value(), y.value());
    }
    if (a instanceof BoolValue x && b instanceof BoolValue y) {
      return Boolean.compare(x.value(), y.value());
    }
    if (a instanceof ListValue x && b instanceof ListValue y) {
      return compareLists(x.elements(), y.elements());
    }
    if (a instanceof TupleValue x && b instanceof TupleValue y) {
      return compareLists(x.elements(), y.elements());
    }
    if (a instanceof SetValue x && b instanceof SetValue y) {
      return compareLists(x.elements(), y.elements());
    }
    if (a instanceof MapValue x && b instanceof MapValue y) {
      return compareMaps(x.entries(), y.entries());
    }
    if (a instanceof ObjectValue x && b instanceof ObjectValue y) {
      return compareMaps(x.attributes(), y.attributes());
    }
    return 0;
  }

  private static int rank(Value v) {
    if (v instanceof NumberValue) {
      return 0;
    } else if (v instanceof StringValue) {
      return 1;
    } else if (v instanceof BoolValue) {
      return 2;
    } else if (v instanceof ListValue) {
      return 3;
    } else if (v instanceof TupleValue) {
      return 4;
    } else if (v instanceof SetValue) {
      return 5;
    } else if (v instanceof MapValue) {
      return 6;
    } else if (v instanceof ObjectValue) {
      return 7;
    } else if (v instanceof NullValue) {
      return 8;
    }
    return 9;
  }

  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  private int compareLists(List<Value> a, List<Value> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private int compareMaps(Map<String, Value> a, Map<String, Value> b) {
    Iterator<Map.Entry<String, Value>> ia = a.entrySet().iterator();
    Iterator<Map.Entry<String, Value>> ib = b.entrySet().iterator();
    while (ia.hasNext() && ib.hasNext()) {
      Map.Entry<String, Value> ea = ia.next();
      Map.Entry<String, Value> eb = ib.next();
      int c = compareCodePoints(ea.getKey(), eb.getKey());
      if (c == 0) {
        c = compare(ea.getValue(), eb.getValue());
      }
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(ia.hasNext(), ib.hasNext());
  }
}
