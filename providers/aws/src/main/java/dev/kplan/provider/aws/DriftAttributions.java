package dev.kplan.provider.aws;

import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Attribution;
import dev.kplan.provider.ChangeOrigin;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Who changed what, for an object whose live state differs from the stored one: one attribution per
 * changed top-level attribute (or the whole object when it is gone), flagged security-sensitive where the
 * type says so. The actor is "unknown" unless CloudTrail attribution is on and finds the change.
 */
final class DriftAttributions {
  private DriftAttributions() {}

  static final String UNKNOWN = "unknown";

  static List<Attribution> of(ResourceType type, Value stored, Value live, CloudTrailLookup trail) {
    if (stored == null || stored.isNull() || live.equals(stored)) {
      return List.of();
    }
    ObjectValue prior = Vals.object(stored);
    List<String> changed = new ArrayList<>();
    if (!live.isNull()) {
      Set<String> names = new LinkedHashSet<>(prior.attributes().keySet());
      names.addAll(Vals.object(live).attributes().keySet());
      for (String name : names) {
        Value a = Vals.get(prior, name);
        Value b = Vals.get(live, name);
        if (!(a.isNull() && b.isNull()) && !a.equals(b)) {
          changed.add(name);
        }
      }
      if (changed.isEmpty()) {
        return List.of();
      }
    }
    CloudTrailMatch.Found who = trail == null ? null : trail.lookup(Vals.string(prior, "id"), live.isNull());
    List<Attribution> out = new ArrayList<>();
    if (live.isNull()) {
      out.add(attribution(Path.ROOT, who, type.securitySensitiveWhenGone()));
    }
    for (String name : changed) {
      boolean sensitive = type.securitySensitiveChange(name, prior, Vals.object(live));
      out.add(attribution(Path.ROOT.attr(name), who, sensitive));
    }
    return out;
  }

  private static Attribution attribution(Path path, CloudTrailMatch.Found who, boolean sensitive) {
    if (who == null) {
      return new Attribution(path, UNKNOWN, "", null, ChangeOrigin.UNKNOWN, sensitive);
    }
    return new Attribution(path, who.principal(), who.eventName(), who.time(), who.origin(), sensitive);
  }
}
