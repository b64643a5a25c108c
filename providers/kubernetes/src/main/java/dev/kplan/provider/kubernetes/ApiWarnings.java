package dev.kplan.provider.kubernetes;

import dev.kplan.lang.diag.Diagnostic;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The API server's {@code Warning} response headers (RFC 7234 code 299: a deprecated API version, a field that
 * will be removed): collected from every response and handed out once each as plan warnings. Thread-safe.
 */
final class ApiWarnings implements Interceptor {
  static final String NAME = "kplan-api-warnings";

  private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  @Override
  public void after(HttpRequest request, HttpResponse<?> response, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
    for (String header : response.headers("Warning")) {
      String text = text(header);
      if (!text.isEmpty() && seen.add(text)) {
        pending.add(text);
      }
    }
  }

  /** The warnings not handed out yet, as diagnostics. */
  List<Diagnostic> drain() {
    List<Diagnostic> out = new ArrayList<>();
    for (String w = pending.poll(); w != null; w = pending.poll()) {
      out.add(Diagnostic.warning("Kubernetes API warning", "The API server warns: " + w, null));
    }
    return out;
  }

  /** {@code 299 - "policy/v1beta1 PodDisruptionBudget is deprecated"} → the quoted text. */
  static String text(String header) {
    String h = header.trim();
    if (h.startsWith("299")) {
      h = h.substring(3).trim();
      if (h.startsWith("-")) {
        h = h.substring(1).trim();
      }
    }
    if (h.length() >= 2 && h.startsWith("\"") && h.endsWith("\"")) {
      h = h.substring(1, h.length() - 1).replace("\\\"", "\"");
    }
    return h;
  }
}
