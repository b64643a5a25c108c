package dev.kplan.provider.kubernetes;

import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import java.util.ArrayList;
import java.util.List;

/** Records every request a provider's client sends, as "METHOD path?query", to count API calls. */
final class TestingRequests implements ClientCustomizer {
  private final List<String> seen = new ArrayList<>();

  @Override
  public void customize(io.fabric8.kubernetes.client.http.HttpClient.Builder builder) {
    builder.addOrReplaceInterceptor("kplan-test-counter", new Interceptor() {
      @Override
      public void before(BasicBuilder b, HttpRequest request, RequestTags tags) {
        synchronized (seen) {
          String q = request.uri().getRawQuery();
          seen.add(request.method() + " " + request.uri().getRawPath() + (q == null ? "" : "?" + q));
        }
      }
    });
  }

  List<String> all() {
    synchronized (seen) {
      return List.copyOf(seen);
    }
  }

  void clear() {
    synchronized (seen) {
      seen.clear();
    }
  }
}
