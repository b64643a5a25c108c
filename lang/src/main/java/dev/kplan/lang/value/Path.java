package dev.kplan.lang.value;

import java.util.ArrayList;
import java.util.List;

/** A path into a nested value ({@code spec.template[0].name}), used for sensitive paths and diffs. */
public record Path(List<PathStep> steps) {
  public static final Path ROOT = new Path(List.of());

  public Path {
    steps = List.copyOf(steps);
  }

  public Path attr(String name) {
    return append(new PathStep.GetAttr(name));
  }

  public Path index(Value key) {
    return append(new PathStep.Index(key));
  }

  private Path append(PathStep step) {
    List<PathStep> all = new ArrayList<>(steps);
    all.add(step);
    return new Path(all);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    for (PathStep s : steps) {
      if (s instanceof PathStep.GetAttr a) {
        sb.append(sb.isEmpty() ? "" : ".").append(a.name());
      } else if (s instanceof PathStep.Index i) {
        Value k = i.key();
        String text = k instanceof StringValue str ? "\"" + str.value() + "\""
            : k instanceof NumberValue n ? n.value().toPlainString() : String.valueOf(k);
        sb.append('[').append(text).append(']');
      }
    }
    return sb.toString();
  }
}
