package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A body: attributes and blocks in source order. */
public record Body(List<BodyItem> items, SourceRange range) implements Node {
  public Body {
    items = List.copyOf(items);
  }

  public List<Attribute> attributes() {
    List<Attribute> out = new ArrayList<>(items.size());
    for (BodyItem i : items) {
      if (i instanceof Attribute a) {
        out.add(a);
      }
    }
    return Collections.unmodifiableList(out);
  }

  public List<Block> blocks() {
    return blocksOfType(null);
  }

  public List<Block> blocks(String type) {
    return type == null ? List.of() : blocksOfType(type);
  }

  // A loop, not a stream: engine and evaluation call these for every block of a large configuration.
  private List<Block> blocksOfType(String typeOrAll) {
    List<Block> out = new ArrayList<>();
    for (BodyItem i : items) {
      if (i instanceof Block b && (typeOrAll == null || b.type().equals(typeOrAll))) {
        out.add(b);
      }
    }
    return Collections.unmodifiableList(out);
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
