package dev.kplan.engine.planner;

import dev.kplan.lang.value.ListValue;
import dev.kplan.lang.value.MapValue;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.lang.value.ValueMarks;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import dev.kplan.provider.NestedBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a provider's planned state against the configuration, as OpenTofu's
 * {@code objchange.AssertPlanValid}: a value the user configured must be planned exactly as
 * configured (an unknown configuration value must stay unknown); only computed attributes the
 * configuration leaves null may be decided by the provider. Each problem names its path.
 */
final class PlanValidity {
  private PlanValidity() {}

  static List<String> problems(BlockSchema schema, Value config, Value planned) {
    List<String> out = new ArrayList<>();
    check(schema, config, planned, Path.ROOT, out);
    return out;
  }

  private static void check(BlockSchema schema, Value config, Value planned, Path at, List<String> out) {
    if (config.isNull()) {
      if (!planned.isNull()) {
        out.add(name(at) + ": planned for existence but config wants absence");
      }
      return;
    }
    if (planned.isNull()) {
      out.add(name(at) + ": planned for absence but config wants existence");
      return;
    }
    if (!(config instanceof ObjectValue c) || !(planned instanceof ObjectValue p)) {
      return;
    }
    for (Map.Entry<String, AttributeSchema> e : schema.attributes().entrySet()) {
      Value cv = c.get(e.getKey());
      Value pv = p.get(e.getKey());
      Path here = at.attr(e.getKey());
      if (pv == null) {
        out.add(name(here) + ": attribute missing from the planned value");
        continue;
      }
      if (cv == null || (e.getValue().computed() && cv.isNull())) {
        continue;
      }
      if (!cv.isWhollyKnown()) {
        if (pv.isKnown() && !cv.isKnown()) {
          out.add(name(here) + ": planned value " + pv + " for a value that is not yet known");
        }
        continue;
      }
      if (!ValueMarks.unmarkDeep(cv).equals(ValueMarks.unmarkDeep(pv))) {
        out.add(name(here) + ": planned value " + show(pv) + " does not match config value " + show(cv));
      }
    }
    for (Map.Entry<String, NestedBlock> e : schema.blocks().entrySet()) {
      Value cv = c.get(e.getKey());
      Value pv = p.get(e.getKey());
      Path here = at.attr(e.getKey());
      if (cv == null || pv == null || !cv.isKnown() || !pv.isKnown()) {
        continue;
      }
      BlockSchema inner = e.getValue().block();
      if (e.getValue().nesting() == NestedBlock.Nesting.SINGLE) {
        check(inner, cv, pv, here, out);
      } else if (cv instanceof ListValue cl && pv instanceof ListValue pl) {
        if (cl.elements().size() != pl.elements().size()) {
          out.add(name(here) + ": block count in plan (" + pl.elements().size() + ") disagrees with count in config ("
              + cl.elements().size() + ")");
          continue;
        }
        for (int i = 0; i < cl.elements().size(); i++) {
          check(inner, cl.elements().get(i), pl.elements().get(i), here.index(Value.number(i)), out);
        }
      } else if (cv instanceof MapValue cm && pv instanceof MapValue pm) {
        if (!cm.entries().keySet().equals(pm.entries().keySet())) {
          out.add(name(here) + ": block keys in plan disagree with keys in config");
          continue;
        }
        cm.entries().forEach((k, x) -> check(inner, x, pm.entries().get(k), here.index(Value.string(k)), out));
      }
    }
  }

  private static String name(Path p) {
    return p.steps().isEmpty() ? "root object" : "." + p;
  }

  private static String show(Value v) {
    return v.hasMarksDeep() ? "(sensitive value)" : String.valueOf(v);
  }
}
