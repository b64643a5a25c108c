package dev.kplan.lang.value;

import java.util.Objects;

/** One step of a {@link Path}: an attribute name or an index/key. */
public sealed interface PathStep {
  record GetAttr(String name) implements PathStep {
    public GetAttr {
      Objects.requireNonNull(name, "name is null");
    }
  }

  record Index(Value key) implements PathStep {
    public Index {
      Objects.requireNonNull(key, "key is null");
    }
  }
}
