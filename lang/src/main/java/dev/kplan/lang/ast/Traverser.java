package dev.kplan.lang.ast;

import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.value.Value;
import java.util.Objects;

/** One static step of a traversal: {@code .name}, or {@code [literal]} / legacy {@code .0}. */
public sealed interface Traverser extends Node {
  record GetAttr(String name, SourceRange range) implements Traverser {
    public GetAttr {
      Objects.requireNonNull(name, "name is null");
    }
  }

  record Index(Value key, SourceRange range) implements Traverser {
    public Index {
      Objects.requireNonNull(key, "key is null");
    }
  }
}
