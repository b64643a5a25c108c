package dev.kplan.provider.kubernetes;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the API requests one configured cluster sends, by HTTP method, so that a run can say how many it
 * needed (logged at debug level when the provider closes; the Kubernetes benchmark reads that line).
 * Thread-safe.
 */
final class RequestCounter implements Interceptor {
  static final String NAME = "kplan-request-counter";

  private final Map<String, LongAdder> byMethod = new ConcurrentHashMap<>();

  @Override
  public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
    byMethod.computeIfAbsent(request.method(), m -> new LongAdder()).increment();
  }

  long total() {
    return byMethod.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** {@code 27 API requests (GET 25, PATCH 2)}. */
  String summary() {
    Map<String, Long> sorted = new TreeMap<>();
    byMethod.forEach((m, n) -> sorted.put(m, n.sum()));
    StringJoiner methods = new StringJoiner(", ", " (", ")").setEmptyValue("");
    sorted.forEach((m, n) -> methods.add(m + " " + n));
    return total() + " API requests" + methods;
  }
}
