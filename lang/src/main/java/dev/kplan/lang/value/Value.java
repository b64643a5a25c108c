package dev.kplan.lang.value;

import dev.kplan.lang.types.Type;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A value of the kplan language. Every value has a type and marks; a null or unknown value still
 * has a type (possibly {@code any}). Values are immutable and compare structurally; numbers are
 * normalised so that {@code 1} equals {@code 1.0}.
 */
public sealed interface Value
    permits StringValue, NumberValue, BoolValue, ListValue, SetValue, MapValue, TupleValue, ObjectValue,
        NullValue, UnknownValue {

  Type type();

  /** The marks on this value itself (not on nested values). */
  Marks marks();

  /** This value with its own marks replaced. */
  Value withMarks(Marks marks);

  /** This value with {@code extra} added to its own marks. */
  default Value mark(Marks extra) {
    return extra.isEmpty() ? this : withMarks(marks().union(extra));
  }

  default Value unmarked() {
    return marks().isEmpty() ? this : withMarks(Marks.NONE);
  }

  default boolean isMarked() {
    return !marks().isEmpty();
  }

  default boolean isSensitive() {
    return marks().isSensitive();
  }

  default boolean isNull() {
    return this instanceof NullValue;
  }

  default boolean isKnown() {
    return !(this instanceof UnknownValue);
  }

  /** True when neither this value nor anything nested in it is unknown. */
  boolean isWhollyKnown();

  /** True when this value or anything nested in it carries a mark. */
  boolean hasMarksDeep();

  static StringValue string(String s) {
    return new StringValue(s, Marks.NONE);
  }

  static NumberValue number(BigDecimal n) {
    return new NumberValue(n, Marks.NONE);
  }

  static NumberValue number(long n) {
    return new NumberValue(BigDecimal.valueOf(n), Marks.NONE);
  }

  static BoolValue bool(boolean b) {
    return b ? BoolValue.TRUE : BoolValue.FALSE;
  }

  static NullValue nullOf(Type type) {
    return new NullValue(type, Marks.NONE);
  }

  static UnknownValue unknownOf(Type type) {
    return new UnknownValue(type, Marks.NONE);
  }

  static ListValue list(Type elementType, List<Value> elements) {
    return new ListValue(elementType, elements, Marks.NONE);
  }

  static SetValue set(Type elementType, List<Value> elements) {
    return SetValue.of(elementType, elements);
  }

  static MapValue map(Type elementType, Map<String, Value> entries) {
    return new MapValue(elementType, entries, Marks.NONE);
  }

  static TupleValue tuple(List<Value> elements) {
    return new TupleValue(elements, Marks.NONE);
  }

  static ObjectValue object(Map<String, Value> attributes) {
    return new ObjectValue(attributes, Marks.NONE);
  }
}
