package dev.kplan.provider.kubernetes;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.value.Value;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Waits after an apply until an object is ready: workloads rolled out (Deployments, StatefulSets and
 * DaemonSets by default), status conditions reached (a CustomResourceDefinition's {@code Established} by default),
 * fields set. Polls the object, which costs one GET
 * per half second only while something is awaited.
 */
final class Waiter {
  private static final long POLL_MILLIS = 500;

  private Waiter() {}

  /** Null when the object is ready within {@code timeout}; else the diagnostic that says what it still lacks. */
  static Diagnostic await(Cluster cluster, ApiResource r, String namespace, String name, Value waitConfig,
      Duration timeout, String address) {
    Boolean rolloutSetting = Values.bool(waitConfig, "rollout");
    boolean rollout = rolloutSetting == null ? isWorkload(r.kind()) : rolloutSetting && isWorkload(r.kind());
    List<Value> conditions = Values.elements(Values.at(waitConfig, "conditions"));
    if (conditions.isEmpty() && r.kind().equals("CustomResourceDefinition") && r.group().equals("apiextensions.k8s.io")) {
      // its custom resources can be applied (and planned exactly) only once the API server serves the kind
      conditions = List.of(Value.object(Map.of("type", Value.string("Established"), "status", Value.string("True"))));
    }
    Map<String, Value> fields = Values.entries(Values.at(waitConfig, "fields"));
    if (!rollout && conditions.isEmpty() && fields.isEmpty()) {
      return null;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    String missing;
    while (true) {
      Value live = cluster.get(r, namespace, name);
      if (live.isNull()) {
        missing = "the object disappeared";
      } else {
        missing = rollout ? rolloutMissing(r.kind(), live) : null;
        if (missing == null) {
          missing = conditionsMissing(conditions, live);
        }
        if (missing == null) {
          missing = fieldsMissing(fields, live);
        }
        if (missing == null) {
          return null;
        }
      }
      if (System.nanoTime() > deadline) {
        break;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return Diagnostic.error("Timed out waiting for " + address,
        r.kind() + " " + (namespace == null ? "" : namespace + "/") + name + " was applied but not ready within "
            + timeout.toSeconds() + "s: " + missing + ". Raise timeouts or change wait { … }.", null);
  }

  static boolean isWorkload(String kind) {
    return kind.equals("Deployment") || kind.equals("StatefulSet") || kind.equals("DaemonSet");
  }

  /** What a workload still lacks to be rolled out (kubectl rollout status' rules), or null. */
  static String rolloutMissing(String kind, Value live) {
    Long generation = Values.number(live, "metadata", "generation");
    Long observed = Values.number(live, "status", "observedGeneration");
    if (generation != null && (observed == null || observed < generation)) {
      return "the controller has not yet observed generation " + generation;
    }
    long want;
    switch (kind) {
      case "Deployment" -> {
        want = or(Values.number(live, "spec", "replicas"), 1);
        long updated = or(Values.number(live, "status", "updatedReplicas"), 0);
        long total = or(Values.number(live, "status", "replicas"), 0);
        long available = or(Values.number(live, "status", "availableReplicas"), 0);
        if (updated < want) {
          return updated + " of " + want + " replicas updated";
        }
        if (total > updated) {
          return (total - updated) + " old replicas pending termination";
        }
        if (available < updated) {
          return available + " of " + updated + " updated replicas available";
        }
        return null;
      }
      case "StatefulSet" -> {
        want = or(Values.number(live, "spec", "replicas"), 1);
        long ready = or(Values.number(live, "status", "readyReplicas"), 0);
        long updated = or(Values.number(live, "status", "updatedReplicas"), 0);
        if (ready < want) {
          return ready + " of " + want + " replicas ready";
        }
        if (updated < want && !Objects.equals(Values.string(live, "status", "currentRevision"),
            Values.string(live, "status", "updateRevision"))) {
          return updated + " of " + want + " replicas updated";
        }
        return null;
      }
      case "DaemonSet" -> {
        want = or(Values.number(live, "status", "desiredNumberScheduled"), 0);
        long updated = or(Values.number(live, "status", "updatedNumberScheduled"), 0);
        long available = or(Values.number(live, "status", "numberAvailable"), 0);
        if (updated < want || available < want) {
          return available + " of " + want + " daemon pods available";
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  private static String conditionsMissing(List<Value> conditions, Value live) {
    List<Value> have = Values.elements(Values.at(live, "status", "conditions"));
    for (Value want : conditions) {
      String type = Values.string(want, "type");
      String status = Values.string(want, "status");
      boolean found = false;
      for (Value c : have) {
        if (Objects.equals(type, Values.string(c, "type"))
            && (status == null || Objects.equals(status, Values.string(c, "status")))) {
          found = true;
        }
      }
      if (!found) {
        return "condition " + type + "=" + status + " not reached";
      }
    }
    return null;
  }

  private static String fieldsMissing(Map<String, Value> fields, Value live) {
    for (Map.Entry<String, Value> e : fields.entrySet()) {
      Value v = Values.at(live, e.getKey().split("\\."));
      String want = Values.string(e.getValue());
      if (v.isNull()) {
        return "field " + e.getKey() + " not set";
      }
      String have = v instanceof dev.kplan.lang.value.StringValue s ? s.value() : Values.toJson(v);
      if (want != null && !want.equals("*") && !want.equals(have)) {
        return "field " + e.getKey() + " is " + have + ", not " + want;
      }
    }
    return null;
  }

  private static long or(Long v, long fallback) {
    return v == null ? fallback : v;
  }
}
