package dev.kplan.cli.render;

import dev.kplan.engine.plan.Drift;
import dev.kplan.engine.plan.DriftCause;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.PathStep;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.provider.Attribution;
import dev.kplan.provider.ChangeOrigin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of one drifted object as the drift report lists them: path, old and new value (never a sensitive one),
 * who changed it, when, and how kplan classifies it ({@code manual}, {@code automation}, {@code deleted},
 * {@code security-sensitive}).
 */
public final class DriftFields {
  public static final String MANUAL = "manual";
  public static final String AUTOMATION = "automation";
  public static final String DELETED = "deleted";
  public static final String SECURITY_SENSITIVE = "security-sensitive";

  private DriftFields() {}

  /** One drifted field: {@code before}/{@code after} are null when absent, and unset when {@code sensitive}. */
  public record Field(Attribution attribution, Value before, Value after, boolean sensitive) {
    /** Old → new on one line, sensitive values hidden. */
    public String change() {
      return (sensitive ? ValueDiff.SENSITIVE : ValueDiff.compact(before)) + " \u2192 "
          + (sensitive ? ValueDiff.SENSITIVE : ValueDiff.compact(after));
    }
  }

  public static List<Field> of(Drift d) {
    List<Field> out = new ArrayList<>();
    for (Attribution a : d.attribution()) {
      Walk b = walk(d.before(), a.path());
      Walk l = walk(d.cause() == DriftCause.DELETED ? null : d.live(), a.path());
      boolean sensitive = b.sensitive || l.sensitive;
      out.add(new Field(a, sensitive ? null : b.value, sensitive ? null : l.value, sensitive));
    }
    return out;
  }

  /** The drift's classes, in a fixed order: deleted or who changed it, then security-sensitive. */
  public static Set<String> classes(Drift d) {
    Set<String> out = new LinkedHashSet<>();
    if (d.cause() == DriftCause.DELETED || d.live().isNull()) {
      out.add(DELETED);
    }
    for (Attribution a : d.attribution()) {
      if (a.origin() == ChangeOrigin.MANUAL) {
        out.add(MANUAL);
      }
    }
    for (Attribution a : d.attribution()) {
      if (a.origin() == ChangeOrigin.AUTOMATION) {
        out.add(AUTOMATION);
      }
    }
    if (d.attribution().stream().anyMatch(Attribution::securitySensitive)) {
      out.add(SECURITY_SENSITIVE);
    }
    return out;
  }

  /** The classes of one field's change. */
  public static List<String> classes(Attribution a) {
    List<String> out = new ArrayList<>();
    if (a.origin() == ChangeOrigin.MANUAL) {
      out.add(MANUAL);
    } else if (a.origin() == ChangeOrigin.AUTOMATION) {
      out.add(AUTOMATION);
    }
    if (a.securitySensitive()) {
      out.add(SECURITY_SENSITIVE);
    }
    return out;
  }

  /** {@code path} as HCL would write it: {@code object.metadata.labels["app.kubernetes.io/name"]}. */
  public static String pathText(Path path) {
    StringBuilder sb = new StringBuilder();
    for (PathStep s : path.steps()) {
      if (s instanceof PathStep.GetAttr a && a.name().matches("[A-Za-z_][A-Za-z0-9_-]*")) {
        sb.append(sb.length() == 0 ? "" : ".").append(a.name());
      } else if (s instanceof PathStep.GetAttr a) {
        sb.append("[").append(dev.kplan.lang.value.GoQuote.quote(a.name())).append(']');
      } else {
        sb.append(new Path(List.of(s)));
      }
    }
    return sb.toString();
  }

  private record Walk(Value value, boolean sensitive) {}

  /** The value at {@code path}, and whether it or anything holding it is sensitive. */
  private static Walk walk(Value root, Path path) {
    Value cur = root;
    boolean sensitive = false;
    for (PathStep s : path.steps()) {
      if (cur == null || cur.isNull() || !cur.isKnown()) {
        return new Walk(null, sensitive);
      }
      sensitive |= cur.isSensitive();
      cur = step(cur, s);
    }
    if (cur != null) {
      sensitive |= ValueMarks.deepMarks(cur).isSensitive();
    }
    return new Walk(cur, sensitive);
  }

  private static Value step(Value v, PathStep s) {
    if (s instanceof PathStep.GetAttr a) {
      return entries(v).get(a.name());
    }
    Value key = ((PathStep.Index) s).key();
    if (key instanceof NumberValue n) {
      List<Value> xs = elements(v);
      int i = n.value().intValue();
      return i >= 0 && i < xs.size() ? xs.get(i) : null;
    }
    return key instanceof dev.kplan.lang.value.StringValue k ? entries(v).get(k.value()) : null;
  }

  private static Map<String, Value> entries(Value v) {
    if (v instanceof dev.kplan.lang.value.ObjectValue o) {
      return o.attributes();
    }
    if (v instanceof dev.kplan.lang.value.MapValue m) {
      return m.entries();
    }
    return Map.of();
  }

  private static List<Value> elements(Value v) {
    if (v instanceof dev.kplan.lang.value.ListValue l) {
      return l.elements();
    }
    if (v instanceof dev.kplan.lang.value.TupleValue t) {
      return t.elements();
    }
    if (v instanceof dev.kplan.lang.value.SetValue s) {
      return s.elements();
    }
    return List.of();
  }
}
