package dev.kplan.provider.aws;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Planning shared by all AWS types: at create, computed attributes are unknown and left-out optional
 * ones take AWS's defaults; {@code tags_all} is the defaults merged with the tags; a changed
 * {@code forceNew} argument replaces the object (the engine shows which).
 */
final class Planning {
  private Planning() {}

  static PlanResult plan(ResourceType type, PlanRequest request, Map<String, String> defaultTags) {
    if (request.proposedNewState().isNull()) {
      return new PlanResult(request.proposedNewState(), List.of(), null, Diagnostics.NONE);
    }
    ObjectValue proposed = Vals.object(request.proposedNewState());
    boolean create = request.priorState().isNull();
    Map<String, Value> planned = new LinkedHashMap<>(proposed.attributes());
    Map<String, AttributeSchema> attributes = type.schema().block().attributes();
    if (create) {
      attributes.forEach((name, a) -> {
        Value v = Vals.get(proposed, name);
        if (a.computed() && !a.optional()) {
          planned.put(name, Value.unknownOf(a.type()));
        } else if (a.computed() && v.isNull()) {
          Value d = type.defaults().get(name);
          planned.put(name, d != null ? d : Value.unknownOf(a.type()));
        }
      });
    }
    type.whenLeftOut().forEach((name, v) -> {
      if (Vals.get(request.config(), name).isNull()) {
        planned.put(name, v);
      }
    });
    if (attributes.containsKey("tags_all")) {
      planned.put("tags_all", Tags.planAll(defaultTags, Vals.get(proposed, "tags")));
    }
    List<Path> replace = new ArrayList<>();
    Map<String, Value> result = planned;
    if (!create) {
      ObjectValue prior = Vals.object(request.priorState());
      attributes.forEach((name, a) -> {
        if (a.forceNew() && !same(Vals.get(prior, name), planned.get(name))) {
          replace.add(Path.ROOT.attr(name));
        }
      });
      for (String name : type.blocksForcingNew()) {
        if (!same(Vals.get(prior, name), planned.get(name))) {
          replace.add(Path.ROOT.attr(name));
        }
      }
      if (replace.isEmpty()) {
        result = type.planUpdate(prior, planned);
      }
    }
    return new PlanResult(Vals.complete(type.schema().block(), result), replace, null, Diagnostics.NONE);
  }

  private static boolean same(Value a, Value b) {
    if (b == null) {
      return a.isNull();
    }
    return (a.isNull() && b.isNull()) || a.equals(b);
  }
}
