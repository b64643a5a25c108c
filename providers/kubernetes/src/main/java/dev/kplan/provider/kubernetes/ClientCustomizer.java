package dev.kplan.provider.kubernetes;

import io.fabric8.kubernetes.client.http.HttpClient;

/** A hook on the HTTP client of a configured provider (tests add a request-counting interceptor here). */
@FunctionalInterface
interface ClientCustomizer {
  ClientCustomizer NONE = builder -> {};

  void customize(HttpClient.Builder builder);
}
