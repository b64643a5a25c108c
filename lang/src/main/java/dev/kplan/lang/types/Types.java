package dev.kplan.lang.types;

import java.util.LinkedHashMap;
import java.util.Map;

/** Small operations on types that cty offers as methods: constraint names, optional-attribute stripping. */
public final class Types {
  private Types() {}

  /**
   * The name used in "… required" messages (cty's {@code FriendlyNameForConstraint}): {@code any}
   * reads "any type", and a collection of {@code any} reads "list of any single type".
   */
  public static String friendlyNameForConstraint(Type t) {
    if (t instanceof DynamicType) {
      return "any type";
    }
    if (t instanceof ListType l) {
      return "list of " + elementConstraintName(l.element());
    }
    if (t instanceof SetType s) {
      return "set of " + elementConstraintName(s.element());
    }
    if (t instanceof MapType m) {
      return "map of " + elementConstraintName(m.element());
    }
    return t.friendlyName();
  }

  private static String elementConstraintName(Type element) {
    return element instanceof DynamicType ? "any single type" : friendlyNameForConstraint(element);
  }

  /** {@code t} with every object type's optional-attribute markers removed, at any depth. */
  public static Type withoutOptionalAttributesDeep(Type t) {
    if (t instanceof ListType l) {
      return new ListType(withoutOptionalAttributesDeep(l.element()));
    }
    if (t instanceof SetType s) {
      return new SetType(withoutOptionalAttributesDeep(s.element()));
    }
    if (t instanceof MapType m) {
      return new MapType(withoutOptionalAttributesDeep(m.element()));
    }
    if (t instanceof TupleType tt) {
      return new TupleType(tt.elements().stream().map(Types::withoutOptionalAttributesDeep).toList());
    }
    if (t instanceof ObjectType o) {
      Map<String, Type> attrs = new LinkedHashMap<>();
      o.attributes().forEach((k, v) -> attrs.put(k, withoutOptionalAttributesDeep(v)));
      return new ObjectType(attrs);
    }
    return t;
  }
}
