package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.List;

/** A body: attributes and blocks in source order. */
public record Body(List<BodyItem> items, SourceRange range) implements Node {
  public Body {
    items = List.copyOf(items);
  }

  public List<Attribute> attributes() {
    return items.stream().filter(Attribute.class::isInstance).map(Attribute.class::cast).toList();
  }

  public List<Block> blocks() {
    return items.stream().filter(Block.class::isInstance).map(Block.class::cast).toList();
  }

  public List<Block> blocks(String type) {
    return blocks().stream().filter(b -> b.type().equals(type)).toList();
  }

  public Attribute attribute(String name) {
    for (BodyItem i : items) {
      if (i instanceof Attribute a && a.name().equals(name)) {
        return a;
      }
    }
    return null;
  }
}
