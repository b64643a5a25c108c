package dev.kplan.provider.kubernetes;

import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Whether a managed workload is healthy, from its live {@code status}: a Deployment that is not Available or whose
 * rollout is stuck, a StatefulSet or DaemonSet with pods not ready, a Pod that is pending or crash-looping. Not a
 * diff (the configuration may be right): information that a component is broken.
 */
final class WorkloadHealth {
  private WorkloadHealth() {}

  /** Why {@code live} is unhealthy, or null when it is healthy or not a workload kplan judges. */
  static String problem(Value live) {
    String apiVersion = Values.string(live, "apiVersion");
    String kind = Values.string(live, "kind");
    if ("v1".equals(apiVersion) && "Pod".equals(kind)) {
      return podProblem(live);
    }
    if (!"apps/v1".equals(apiVersion) || kind == null) {
      return null;
    }
    switch (kind) {
      case "Deployment": {
        List<String> out = new ArrayList<>();
        for (Value c : Values.elements(Values.at(live, "status", "conditions"))) {
          String type = Values.string(c, "type");
          String status = Values.string(c, "status");
          if ("Available".equals(type) && !"True".equals(status)) {
            out.add("not Available" + because(c));
          } else if ("Progressing".equals(type) && "False".equals(status)) {
            out.add("rollout stuck" + because(c));
          } else if ("ReplicaFailure".equals(type) && "True".equals(status)) {
            out.add("cannot create pods" + because(c));
          }
        }
        return out.isEmpty() ? null : String.join("; ", out);
      }
      case "StatefulSet": {
        long want = orElse(Values.number(live, "spec", "replicas"), 1);
        long ready = orElse(Values.number(live, "status", "readyReplicas"), 0);
        return ready < want ? ready + " of " + want + " replicas ready" : null;
      }
      case "DaemonSet": {
        long unavailable = orElse(Values.number(live, "status", "numberUnavailable"), 0);
        return unavailable > 0 ? unavailable + " daemon pods unavailable" : null;
      }
      default:
        return null;
    }
  }

  /** The label selector of a workload's pods ({@code spec.selector.matchLabels}), or null. */
  static String podSelector(Value live) {
    Map<String, Value> labels = Values.entries(Values.at(live, "spec", "selector", "matchLabels"));
    if (labels.isEmpty()) {
      return null;
    }
    StringJoiner j = new StringJoiner(",");
    labels.forEach((k, v) -> j.add(k + "=" + Values.string(v)));
    return j.toString();
  }

  /** Why a Pod is unhealthy (pending, crash-looping, failed), or null. */
  static String podProblem(Value pod) {
    String phase = Values.string(pod, "status", "phase");
    for (Value cs : Values.elements(Values.at(pod, "status", "containerStatuses"))) {
      String reason = Values.string(cs, "state", "waiting", "reason");
      if ("CrashLoopBackOff".equals(reason) || "ImagePullBackOff".equals(reason) || "ErrImagePull".equals(reason)) {
        Long restarts = Values.number(cs, "restartCount");
        return reason + " (container " + Values.string(cs, "name")
            + (restarts == null ? "" : ", " + restarts + " restarts") + ")";
      }
    }
    if ("Pending".equals(phase) || "Failed".equals(phase) || "Unknown".equals(phase)) {
      for (Value c : Values.elements(Values.at(pod, "status", "conditions"))) {
        if ("PodScheduled".equals(Values.string(c, "type")) && "False".equals(Values.string(c, "status"))) {
          return phase + ", not scheduled" + because(c);
        }
      }
      return phase;
    }
    return null;
  }

  private static String because(Value condition) {
    String reason = Values.string(condition, "reason");
    String message = Values.string(condition, "message");
    if (reason == null && message == null) {
      return "";
    }
    return " (" + (reason == null ? "" : reason) + (reason != null && message != null ? ": " : "")
        + (message == null ? "" : message) + ")";
  }

  private static long orElse(Long v, long otherwise) {
    return v == null ? otherwise : v;
  }
}
