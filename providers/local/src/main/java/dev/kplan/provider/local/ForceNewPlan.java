package dev.kplan.provider.local;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.ResourceSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Planning for types whose every argument forces a new object (the random_* types): no change keeps
 * the prior state as it is; any change replaces, with the computed attributes unknown until apply.
 */
final class ForceNewPlan {
  private ForceNewPlan() {}

  /** {@code arguments}: every argument's planned value, defaults already filled in. */
  static PlanResult plan(ResourceSchema schema, Map<String, Value> arguments, Value priorState, Diagnostics diags) {
    List<Path> replace = new ArrayList<>();
    if (!priorState.isNull()) {
      ObjectValue prior = Attrs.plain(priorState);
      for (Map.Entry<String, Value> e : arguments.entrySet()) {
        if (!Attrs.same(Attrs.get(prior, e.getKey()), e.getValue())) {
          replace.add(Path.ROOT.attr(e.getKey()));
        }
      }
      if (replace.isEmpty()) {
        return new PlanResult(Attrs.complete(schema.block(), Attrs.copy(prior)), replace, null, diags);
      }
    }
    Map<String, Value> planned = new LinkedHashMap<>(arguments);
    for (Map.Entry<String, AttributeSchema> e : schema.block().attributes().entrySet()) {
      AttributeSchema a = e.getValue();
      if (a.computed() && !a.optional()) {
        planned.put(e.getKey(), Value.unknownOf(a.type()));
      }
    }
    return new PlanResult(Attrs.complete(schema.block(), planned), replace, null, diags);
  }

  /** The configured value, or {@code fallback} when the configuration leaves it null. */
  static Value orDefault(ObjectValue config, String name, Value fallback) {
    Value v = Attrs.get(config, name);
    return v.isNull() ? fallback : v;
  }

  static Type keepersType() {
    return new dev.kplan.lang.types.MapType(Type.STRING);
  }
}
