package dev.kplan.lang.value;

import java.util.Comparator;

/**
 * The canonical order of set elements, as cty orders them when a set is iterated: known before
 * unknown and both before null, numbers ascending, strings by code point, false before true,
 * and values of structural types by their set-hash text ({@link SetHash}).
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
    // lists, tuples, sets, maps and objects: cty's byte order of their set-hash texts
    return compareCodePoints(SetHash.of(a), SetHash.of(b));
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
    } else if (v instanceof UnknownValue) {
      // cty's set rules put nulls after everything, unknowns included
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
}
