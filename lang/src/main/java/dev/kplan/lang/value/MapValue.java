package dev.kplan.lang.value;

import dev.kplan.lang.types.MapType;
import dev.kplan.lang.types.Type;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A map: string keys (kept sorted, as cty does) to elements of one type. */
public record MapValue(Type elementType, Map<String, Value> entries, Marks marks) implements Value {
  public MapValue {
    Objects.requireNonNull(elementType, "elementType is null");
    entries = Collections.unmodifiableMap(new TreeMap<>(entries));
    Objects.requireNonNull(marks, "marks is null");
  }

  @Override
  public Type type() {
    return new MapType(elementType);
  }

  @Override
  public MapValue withMarks(Marks newMarks) {
    return new MapValue(elementType, entries, newMarks);
  }

  @Override
  public boolean isWhollyKnown() {
    return Walks.allWhollyKnown(entries.values());
  }

  @Override
  public boolean hasMarksDeep() {
    return !marks.isEmpty() || Walks.anyMarked(entries.values());
  }
}
