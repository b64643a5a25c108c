package dev.kplan.engine.planner;

import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.JsonCodecException;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.PathStep;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.TupleValue;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sensitive paths of a stored object ({@code ResourceInstance.sensitivePathsJson}) in
 * Terraform's state layout: {@code [[{"type":"get_attr","value":"secret"}],
 * [{"type":"get_attr","value":"tags"},{"type":"index","value":{"type":"string","value":"k"}}]]}.
 * The applier writes them from a change's marked values; the planner re-marks stored values with them.
 */
public final class SensitivePaths {
  private SensitivePaths() {}

  /** The paths in {@code v} whose values are marked sensitive, in Terraform's JSON layout. */
  public static String encode(Value v) {
    List<Value> paths = new ArrayList<>();
    ValuePaths.markedPaths(v).forEach((path, marks) -> {
      if (marks.isSensitive()) {
        List<Value> steps = new ArrayList<>();
        for (PathStep s : path.steps()) {
          if (s instanceof PathStep.GetAttr a) {
            steps.add(Value.object(Map.of("type", Value.string("get_attr"), "value", Value.string(a.name()))));
          } else {
            Value key = ((PathStep.Index) s).key().unmarked();
            steps.add(Value.object(Map.of("type", Value.string("index"), "value", Value.object(Map.of(
                "type", Value.string(key instanceof NumberValue ? "number" : "string"), "value", key)))));
          }
        }
        paths.add(Value.tuple(steps));
      }
    });
    return JsonCodec.encode(Value.tuple(paths));
  }

  /** The paths stored in {@code json}. */
  public static List<Path> decode(String json) {
    Value v = JsonCodec.decode(json);
    List<Path> out = new ArrayList<>();
    if (!(v instanceof TupleValue all)) {
      throw new JsonCodecException("sensitive paths must be a JSON array");
    }
    for (Value p : all.elements()) {
      if (!(p instanceof TupleValue steps)) {
        throw new JsonCodecException("a sensitive path must be a JSON array");
      }
      Path path = Path.ROOT;
      for (Value s : steps.elements()) {
        if (!(s instanceof ObjectValue o) || !(o.get("type") instanceof StringValue type) || o.get("value") == null) {
          throw new JsonCodecException("a path step must be an object with \"type\" and \"value\"");
        }
        if (type.value().equals("get_attr") && o.get("value") instanceof StringValue name) {
          path = path.attr(name.value());
        } else if (type.value().equals("index") && o.get("value") instanceof ObjectValue key && key.get("value") != null) {
          path = path.index(key.get("value"));
        } else {
          throw new JsonCodecException("unsupported path step type \"" + type.value() + "\"");
        }
      }
      out.add(path);
    }
    return out;
  }

  /** The paths in {@code v} whose values are marked sensitive. */
  public static List<Path> of(Value v) {
    List<Path> out = new ArrayList<>();
    ValuePaths.markedPaths(v).forEach((path, marks) -> {
      if (marks.isSensitive()) {
        out.add(path);
      }
    });
    return out;
  }

  /**
   * The provider's new state after apply, marked: where the plan marked a known value, that path;
   * where it marked a value still unknown then, the paths the provider now names inside it
   * ({@code providerPaths}, e.g. {@code output.password} inside an unknown {@code output}), or the
   * whole value when it names none; and every other path the provider names. A provider can
   * narrow a mark on what was unknown, never drop one.
   */
  public static Value afterApply(Value planned, Value newState, List<Path> providerPaths) {
    List<Path> paths = new ArrayList<>(providerPaths);
    for (Path p : of(planned)) {
      Value at = ValuePaths.get(planned, p);
      boolean refined = at != null && !at.isKnown() && providerPaths.stream().anyMatch(pp -> startsWith(pp, p));
      if (!refined) {
        paths.add(p);
      }
    }
    return mark(newState, paths);
  }

  private static boolean startsWith(Path path, Path prefix) {
    return path.steps().size() >= prefix.steps().size()
        && path.steps().subList(0, prefix.steps().size()).equals(prefix.steps());
  }

  /** {@code v} with the value at each of {@code paths} marked sensitive. */
  public static Value mark(Value v, List<Path> paths) {
    Map<Path, Marks> marks = new LinkedHashMap<>();
    paths.forEach(p -> marks.put(p, Marks.SENSITIVE));
    return ValuePaths.applyMarks(v, marks);
  }
}
