package dev.kplan.provider.kubernetes;

import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestCounterTest {
  private static HttpRequest request(String method) {
    return new StandardHttpRequest.Builder().uri("https://127.0.0.1:6443/api/v1/namespaces/a/configmaps")
        .method(method, "application/json", "{}").build();
  }

  @Test
  void countsEveryRequestByMethodForTheDebugLine() {
    RequestCounter counter = new RequestCounter();
    assertEquals("0 API requests", counter.summary());
    for (String method : new String[] {"GET", "PATCH", "GET", "DELETE", "GET"}) {
      counter.before(null, request(method), null);
    }
    assertEquals(5, counter.total());
    assertEquals("5 API requests (DELETE 1, GET 3, PATCH 1)", counter.summary());
  }
}
