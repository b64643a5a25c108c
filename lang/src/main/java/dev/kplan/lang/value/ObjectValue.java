package dev.kplan.lang.value;

import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.Type;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** An object: named attributes (kept sorted by name, as cty does), each with its own type. */
public record ObjectValue(Map<String, Value> attributes, Marks marks) implements Value {
  public static final ObjectValue EMPTY = new ObjectValue(Map.of(), Marks.NONE);

  public ObjectValue {
    attributes = SortedAttributes.of(attributes);
    Objects.requireNonNull(marks, "marks is null");
  }

  public Value get(String name) {
    return attributes.get(name);
  }

  @Override
  public Type type() {
    TreeMap<String, Type> types = new TreeMap<>();
    attributes.forEach((k, v) -> types.put(k, v.type()));
    return new ObjectType(SortedAttributes.wrap(types));
  }

  @Override
  public ObjectValue withMarks(Marks newMarks) {
    return new ObjectValue(attributes, newMarks);
  }

  @Override
  public boolean isWhollyKnown() {
    return Walks.allWhollyKnown(attributes.values());
  }

  @Override
  public boolean hasMarksDeep() {
    return !marks.isEmpty() || Walks.anyMarked(attributes.values());
  }
}
