package dev.kplan.lang.types;

import dev.kplan.lang.value.Value;
import java.util.Objects;

/**
 * A parsed type constraint ({@code map(object({a = optional(string, "x")}))}): the type, and the
 * defaults of its optional attributes, or null when it declares none.
 */
public record TypeConstraint(Type type, Defaults defaults) {
  public TypeConstraint {
    Objects.requireNonNull(type, "type is null");
  }

  /** {@code v} with the defaults of optional attributes filled in (not yet converted). */
  public Value applyDefaults(Value v) {
    return defaults == null ? v : defaults.apply(v);
  }

  /** What Terraform does with a variable's value: fill in defaults, then convert to the type. */
  public Value convert(Value v) throws ConversionException {
    return Convert.convert(applyDefaults(v), type);
  }
}
