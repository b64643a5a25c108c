package dev.kplan.provider;

import dev.kplan.lang.types.ListType;
import dev.kplan.lang.types.MapType;
import dev.kplan.lang.types.ObjectType;
import dev.kplan.lang.types.SetType;
import dev.kplan.lang.types.Type;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** The attributes and nested blocks a body may contain. */
public record BlockSchema(Map<String, AttributeSchema> attributes, Map<String, NestedBlock> blocks) {
  public static final BlockSchema EMPTY = new BlockSchema(Map.of(), Map.of());

  public BlockSchema {
    attributes = Collections.unmodifiableMap(new TreeMap<>(attributes));
    blocks = Collections.unmodifiableMap(new TreeMap<>(blocks));
    for (String name : blocks.keySet()) {
      if (attributes.containsKey(name)) {
        throw new IllegalArgumentException("\"" + name + "\" is both an attribute and a block");
      }
    }
  }

  public static BlockSchema of(Map<String, AttributeSchema> attributes) {
    return new BlockSchema(attributes, Map.of());
  }

  /** The object type a value of this body has: attributes by their types, blocks by their nesting. */
  public ObjectType impliedType() {
    Map<String, Type> types = new LinkedHashMap<>();
    attributes.forEach((k, a) -> types.put(k, a.type()));
    blocks.forEach((k, b) -> {
      Type inner = b.block().impliedType();
      types.put(k, switch (b.nesting()) {
        case SINGLE -> inner;
        case LIST -> new ListType(inner);
        case SET -> new SetType(inner);
        case MAP -> new MapType(inner);
      });
    });
    return new ObjectType(types);
  }
}
