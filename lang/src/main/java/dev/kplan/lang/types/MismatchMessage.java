package dev.kplan.lang.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Says why a value of type {@code got} does not convert to {@code want}, in the words Terraform
 * users see (go-cty 1.16's {@code MismatchMessage}): "string required, but have tuple",
 * {@code attribute "x" is required}, "element 1: number required, but have tuple",
 * "incorrect list element type: string required, but have list of string".
 */
public final class MismatchMessage {
  private MismatchMessage() {}

  public static String of(Type got, Type want) {
    if (got instanceof ObjectType go && want instanceof ObjectType wo) {
      return objects(go, wo);
    }
    if (got instanceof TupleType && want instanceof ListType l && l.element() instanceof DynamicType) {
      return "all list elements must have the same type";
    }
    if (got instanceof TupleType && want instanceof SetType s && s.element() instanceof DynamicType) {
      return "all set elements must have the same type";
    }
    if (got instanceof ObjectType && want instanceof MapType m && m.element() instanceof DynamicType) {
      return "all map elements must have the same type";
    }
    if ((got instanceof TupleType || got instanceof ObjectType) && want.isCollection()) {
      return fromStructural(got, want);
    }
    if (got.isCollection() && want.isCollection()) {
      return fromCollections(got, want);
    }
    if (!likelyToConfuse(got, want)) {
      return want.friendlyName() + " required, but have " + got.friendlyName();
    }
    return Types.friendlyNameForConstraint(want) + " required";
  }

  /**
   * Whether naming both types would mislead (cty's {@code typesAreLikelyToCauseConfusion}): a
   * string that is not a valid number or bool is a wrong value, not a wrong type.
   */
  private static boolean likelyToConfuse(Type got, Type want) {
    if (got.isPrimitive() != want.isPrimitive()) {
      return false;
    }
    if (want == Type.STRING) {
      return false;
    }
    if ((want == Type.BOOL && got == Type.NUMBER) || (got == Type.BOOL && want == Type.NUMBER)) {
      return false;
    }
    if (got.isCollection() && want.isCollection() && !got.elementType().hasDynamicTypes()
        && want.elementType().hasDynamicTypes()) {
      return false;
    }
    // cty also means to exempt object-to-tuple here, but its test for that can never be true
    return !(got instanceof TupleType && want instanceof ObjectType);
  }

  private static String objects(ObjectType got, ObjectType want) {
    List<String> missing = new ArrayList<>();
    String unsafeMismatch = null;
    String safeMismatch = null;
    for (Map.Entry<String, Type> a : want.attributes().entrySet()) {
      String name = a.getKey();
      Type gotAty = got.attributeType(name);
      if (gotAty == null) {
        if (!want.optional().contains(name)) {
          missing.add(name);
        }
        continue;
      }
      if (gotAty.equals(a.getValue())) {
        continue;
      }
      if (unsafeMismatch != null) {
        continue;
      }
      if (!Convert.canConvert(gotAty, a.getValue(), true)) {
        unsafeMismatch = "attribute " + quote(name) + ": " + of(gotAty, a.getValue());
      }
      if (safeMismatch != null) {
        continue;
      }
      if (!Convert.canConvert(gotAty, a.getValue(), false)) {
        safeMismatch = "attribute " + quote(name) + ": " + of(gotAty, a.getValue());
      }
    }
    if (!missing.isEmpty()) {
      if (missing.size() == 1) {
        return "attribute " + quote(missing.get(0)) + " is required";
      }
      if (missing.size() == 2) {
        return "attributes " + quote(missing.get(0)) + " and " + quote(missing.get(1)) + " are required";
      }
      StringBuilder sb = new StringBuilder();
      for (String name : missing.subList(0, missing.size() - 1)) {
        sb.append(quote(name)).append(", ");
      }
      sb.append("and ").append(quote(missing.get(missing.size() - 1)));
      return "attributes " + sb + " are required";
    }
    if (unsafeMismatch != null) {
      return unsafeMismatch;
    }
    if (safeMismatch != null) {
      return safeMismatch;
    }
    return "incorrect object attributes";
  }

  private static String fromStructural(Type got, Type want) {
    if ((want instanceof ListType || want instanceof SetType) && !(got instanceof TupleType)) {
      return Types.friendlyNameForConstraint(want) + " required";
    }
    if (want instanceof MapType && !(got instanceof ObjectType)) {
      return Types.friendlyNameForConstraint(want) + " required";
    }
    Type wantEty = want.elementType();
    if (got instanceof TupleType t) {
      for (int i = 0; i < t.elements().size(); i++) {
        Type gotEty = t.elements().get(i);
        if (gotEty.equals(wantEty) || Convert.canConvert(gotEty, wantEty, true)) {
          continue;
        }
        return "element " + i + ": " + of(gotEty, wantEty);
      }
    } else if (got instanceof ObjectType o) {
      for (Map.Entry<String, Type> a : o.attributes().entrySet()) {
        if (a.getValue().equals(wantEty) || Convert.canConvert(a.getValue(), wantEty, true)) {
          continue;
        }
        return "element " + quote(a.getKey()) + ": " + of(a.getValue(), wantEty);
      }
    }
    return "all elements must be " + Types.friendlyNameForConstraint(wantEty);
  }

  private static String fromCollections(Type got, Type want) {
    boolean gotSeq = got instanceof ListType || got instanceof SetType;
    if ((want instanceof ListType || want instanceof SetType) && !gotSeq) {
      return Types.friendlyNameForConstraint(want) + " required";
    }
    if (want instanceof MapType && !(got instanceof MapType)) {
      return Types.friendlyNameForConstraint(want) + " required";
    }
    String noun = want instanceof ListType ? "list element type"
        : want instanceof SetType ? "set element type" : "map element type";
    return "incorrect " + noun + ": " + of(got.elementType(), want.elementType());
  }

  /** A string quoted as Go's {@code %q} does, as cty's messages use it. */
  public static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (cp < 0x20 || cp == 0x7f) {
            sb.append(String.format("\\x%02x", cp));
          } else {
            sb.appendCodePoint(cp);
          }
        }
      }
    });
    return sb.append('"').toString();
  }
}
