package dev.kplan.provider;

import dev.kplan.lang.types.Type;
import java.util.Objects;

/**
 * One attribute of a resource, data source or provider configuration. Exactly one of required,
 * optional and computed-only describes who sets it; {@code optional && computed} means "the user
 * may set it, else the provider decides". {@code forceNew}: changing it replaces the object.
 */
public record AttributeSchema(
    Type type,
    boolean required,
    boolean optional,
    boolean computed,
    boolean sensitive,
    boolean forceNew,
    String description) {
  public AttributeSchema {
    Objects.requireNonNull(type, "type is null");
    description = description == null ? "" : description;
    if (required && (optional || computed)) {
      throw new IllegalArgumentException("a required attribute is neither optional nor computed");
    }
    if (!required && !optional && !computed) {
      throw new IllegalArgumentException("an attribute must be required, optional or computed");
    }
  }

  public static AttributeSchema required(Type type) {
    return new AttributeSchema(type, true, false, false, false, false, "");
  }

  public static AttributeSchema optional(Type type) {
    return new AttributeSchema(type, false, true, false, false, false, "");
  }

  public static AttributeSchema computed(Type type) {
    return new AttributeSchema(type, false, false, true, false, false, "");
  }

  /** Optional and computed: the provider fills it in when the configuration leaves it out. */
  public static AttributeSchema optionalComputed(Type type) {
    return new AttributeSchema(type, false, true, true, false, false, "");
  }

  public AttributeSchema markedSensitive() {
    return new AttributeSchema(type, required, optional, computed, true, forceNew, description);
  }

  public AttributeSchema forcingNew() {
    return new AttributeSchema(type, required, optional, computed, sensitive, true, description);
  }

  public AttributeSchema describedAs(String text) {
    return new AttributeSchema(type, required, optional, computed, sensitive, forceNew, text);
  }
}
