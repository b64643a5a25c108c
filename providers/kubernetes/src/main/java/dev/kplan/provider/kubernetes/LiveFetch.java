package dev.kplan.provider.kubernetes;

import dev.kplan.lang.value.Value;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * How a refresh fetches the live objects of the stored instances, grouped by (kind, namespace): one LIST per
 * group, the groups fetched in parallel ({@link Mode#LIST}, the default), or one GET per object
 * ({@link Mode#GET}, {@value #PARALLELISM} at a time as the engine's default parallelism would send them).
 * {@code GET} is what a provider that refreshes each resource on its own does: kplan keeps it only as the
 * baseline of its Kubernetes benchmark, chosen with the system property {@value #MODE_PROPERTY}{@code =get}.
 */
final class LiveFetch {
  static final String MODE_PROPERTY = "kplan.kubernetes.refresh";
  static final int PARALLELISM = 10;

  enum Mode {
    LIST, GET;

    /** {@code get} in the system property {@value LiveFetch#MODE_PROPERTY}, else {@link #LIST}. */
    static Mode fromSystem() {
      return "get".equalsIgnoreCase(System.getProperty(MODE_PROPERTY, "").strip()) ? GET : LIST;
    }
  }

  /** One LIST request: a kind in one namespace (null: cluster-scoped). */
  record Key(ApiResource resource, String namespace) {}

  /** The live objects of one group by name (absent: gone), or the failure that leaves the group unrefreshed. */
  record Live(Map<String, Value> byName, KubernetesClientException failure) {}

  private LiveFetch() {}

  /** The live objects of each group, whose values are the names of the stored objects in it. */
  static Map<Key, Live> fetch(Cluster c, Map<Key, List<String>> groups, Mode mode) {
    List<Task> tasks = new ArrayList<>();
    for (Map.Entry<Key, List<String>> g : groups.entrySet()) {
      if (mode == Mode.LIST) {
        tasks.add(new Task(g.getKey(), null));
      } else {
        for (String name : g.getValue()) {
          tasks.add(new Task(g.getKey(), name));
        }
      }
    }
    int threads = Math.min(tasks.size(), PARALLELISM);
    Map<Key, Live> out = new LinkedHashMap<>();
    groups.keySet().forEach(k -> out.put(k, new Live(new HashMap<>(), null)));
    if (threads <= 1) {
      tasks.forEach(t -> record(out, t, run(c, t)));
      return out;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "kplan-kubernetes-refresh");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<Live>> futures = new ArrayList<>();
      for (Task t : tasks) {
        futures.add(pool.submit(() -> run(c, t)));
      }
      for (int i = 0; i < tasks.size(); i++) {
        record(out, tasks.get(i), futures.get(i).get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("refresh interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** A LIST of a group (name null) or a GET of one object. */
  private record Task(Key key, String name) {}

  private static Live run(Cluster c, Task t) {
    try {
      Map<String, Value> byName = new HashMap<>();
      if (t.name() == null) {
        for (Value o : c.list(t.key().resource(), t.key().namespace(), null, null)) {
          byName.put(Values.string(o, "metadata", "name"), o);
        }
      } else {
        Value o = c.get(t.key().resource(), t.key().namespace(), t.name());
        if (!o.isNull()) {
          byName.put(t.name(), o);
        }
      }
      return new Live(byName, null);
    } catch (KubernetesClientException e) {
      return new Live(Map.of(), e);
    }
  }

  private static void record(Map<Key, Live> out, Task t, Live l) {
    Live sofar = out.get(t.key());
    if (sofar.failure() != null) {
      return;
    }
    if (l.failure() != null) {
      out.put(t.key(), l);
      return;
    }
    sofar.byName().putAll(l.byName());
  }
}
