package dev.kplan.lang.types;

/** The type of a value, as go-cty models it. */
public sealed interface Type permits PrimitiveType, ListType, SetType, MapType, ObjectType, TupleType, DynamicType {
  Type STRING = PrimitiveType.STRING;
  Type NUMBER = PrimitiveType.NUMBER;
  Type BOOL = PrimitiveType.BOOL;
  Type DYNAMIC = DynamicType.DYNAMIC;

  /** The name Terraform prints in type errors ("string", "list of number", "object"). */
  String friendlyName();

  /** The type in Terraform's type-constraint syntax ({@code list(string)}, {@code object({a=number})}). */
  String typeExpression();

  /** True when the type contains {@code any} anywhere, so that it is not a concrete type. */
  default boolean hasDynamicTypes() {
    return false;
  }

  default boolean isPrimitive() {
    return this instanceof PrimitiveType;
  }

  default boolean isCollection() {
    return this instanceof ListType || this instanceof SetType || this instanceof MapType;
  }

  /** The element type of a list, set or map; {@code null} for other types. */
  default Type elementType() {
    return null;
  }
}
