package dev.kplan.provider.kubernetes;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.AttributeSchema;
import dev.kplan.provider.BlockSchema;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The evaluated {@code provider "kubernetes"} block: a kubeconfig ({@code config_path}, {@code config_context}),
 * or an explicit {@code host} with a token or client certificate; without either, the kubeconfig that
 * {@code KUBECONFIG} or {@code ~/.kube/config} names. {@code qps} and {@code burst} bound the client's request rate.
 */
record ProviderSettings(
    String configPath, String configContext, String host, String token, String clientCertificate, String clientKey,
    String clusterCaCertificate, boolean insecure, double qps, int burst, java.util.Set<String> humanManagers) {

  static final double DEFAULT_QPS = 500;
  static final int DEFAULT_BURST = 1000;

  static final BlockSchema SCHEMA = BlockSchema.of(Map.ofEntries(
      Map.entry("config_path", AttributeSchema.optional(Type.STRING).describedAs("Path to a kubeconfig file.")),
      Map.entry("config_context", AttributeSchema.optional(Type.STRING).describedAs("Context of the kubeconfig to use.")),
      Map.entry("host", AttributeSchema.optional(Type.STRING).describedAs("API server URL, instead of a kubeconfig.")),
      Map.entry("token", AttributeSchema.optional(Type.STRING).markedSensitive().describedAs("Bearer token.")),
      Map.entry("client_certificate", AttributeSchema.optional(Type.STRING).describedAs("PEM client certificate.")),
      Map.entry("client_key", AttributeSchema.optional(Type.STRING).markedSensitive().describedAs("PEM client key.")),
      Map.entry("cluster_ca_certificate", AttributeSchema.optional(Type.STRING).describedAs("PEM CA certificate of the API server.")),
      Map.entry("insecure", AttributeSchema.optional(Type.BOOL).describedAs("Skip verification of the server's certificate.")),
      Map.entry("qps", AttributeSchema.optional(Type.NUMBER).describedAs("Requests per second on average (default 500).")),
      Map.entry("burst", AttributeSchema.optional(Type.NUMBER).describedAs("Requests at once above the average (default 1000).")),
      Map.entry("human_managers", AttributeSchema.optional(new dev.kplan.lang.types.ListType(Type.STRING))
          .describedAs("Field managers that are people (besides kubectl-*), for drift classification."))));

  /** Settings from the block, or the diagnostic that explains why they are unusable. */
  static Parsed parse(Value config) {
    for (String name : SCHEMA.attributes().keySet()) {
      if (!Values.at(config, name).isKnown()) {
        return new Parsed(null, Diagnostic.error("Unknown provider argument",
            "The kubernetes provider's \"" + name + "\" must be known when planning; it cannot depend on a resource"
                + " that is not yet created.", null));
      }
    }
    String host = Values.string(config, "host");
    String path = Values.string(config, "config_path");
    if (host != null && path != null) {
      return new Parsed(null, Diagnostic.error("Conflicting provider arguments",
          "Set either \"host\" (with credentials) or \"config_path\" in provider \"kubernetes\", not both.", null));
    }
    Long qps = Values.number(config, "qps");
    Long burst = Values.number(config, "burst");
    if ((qps != null && qps <= 0) || (burst != null && burst <= 0)) {
      return new Parsed(null, Diagnostic.error("Invalid rate limit",
          "The kubernetes provider's \"qps\" and \"burst\" must be positive.", null));
    }
    return new Parsed(new ProviderSettings(path, Values.string(config, "config_context"), host,
        Values.string(config, "token"), Values.string(config, "client_certificate"), Values.string(config, "client_key"),
        Values.string(config, "cluster_ca_certificate"), Boolean.TRUE.equals(Values.bool(config, "insecure")),
        qps == null ? DEFAULT_QPS : qps, burst == null ? DEFAULT_BURST : burst.intValue(), humanManagers(config)), null);
  }

  /** The fabric8 configuration, or a diagnostic naming the file or context that is missing. */
  Built toConfig(Map<String, String> environment) {
    Config base;
    if (host != null) {
      ConfigBuilder b = new ConfigBuilder(Config.empty()).withMasterUrl(host);
      if (token != null) {
        b.withOauthToken(token);
      }
      if (clientCertificate != null) {
        b.withClientCertData(base64(clientCertificate));
      }
      if (clientKey != null) {
        b.withClientKeyData(base64(clientKey));
      }
      if (clusterCaCertificate != null) {
        b.withCaCertData(base64(clusterCaCertificate));
      }
      base = b.build();
    } else {
      String file = configPath != null ? configPath : kubeconfigFromEnvironment(environment);
      if (file == null) {
        return new Built(null, Diagnostic.error("No Kubernetes cluster configured",
            "Provider \"kubernetes\" needs \"config_path\" (a kubeconfig) or \"host\" with credentials; KUBECONFIG is"
                + " not set and ~/.kube/config does not exist.", null));
      }
      Path p = Path.of(file.startsWith("~/") ? System.getProperty("user.home") + file.substring(1) : file);
      if (!Files.isReadable(p)) {
        return new Built(null, Diagnostic.error("Kubeconfig not found",
            "Provider \"kubernetes\" cannot read the kubeconfig \"" + p + "\".", null));
      }
      try {
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (configContext != null && !text.contains(configContext)) {
          return new Built(null, Diagnostic.error("Kubeconfig context not found",
              "The kubeconfig \"" + p + "\" has no context \"" + configContext + "\".", null));
        }
        base = Config.fromKubeconfig(configContext, text, p.toString());
      } catch (java.io.IOException | RuntimeException e) {
        return new Built(null, Diagnostic.error("Invalid kubeconfig",
            "Provider \"kubernetes\" cannot use the kubeconfig \"" + p + "\": " + e.getMessage(), null));
      }
      if (configContext != null && (base.getCurrentContext() == null
          || !configContext.equals(base.getCurrentContext().getName()))) {
        return new Built(null, Diagnostic.error("Kubeconfig context not found",
            "The kubeconfig \"" + p + "\" has no context \"" + configContext + "\".", null));
      }
    }
    ConfigBuilder b = new ConfigBuilder(base)
        // the default of 5 requests at once per host would serialise the engine's parallel walk
        .withMaxConcurrentRequests(Math.max(64, Math.min(burst, 256)))
        .withMaxConcurrentRequestsPerHost(Math.max(64, Math.min(burst, 256)))
        // an unreachable cluster should be reported at once, not after ten backed-off retries
        .withRequestRetryBackoffLimit(1)
        .withRequestRetryBackoffInterval(200)
        .withConnectionTimeout(10_000);
    if (insecure) {
      b.withTrustCerts(true).withDisableHostnameVerification(true);
    }
    return new Built(b.build(), null);
  }

  private static String kubeconfigFromEnvironment(Map<String, String> environment) {
    String env = environment.get("KUBECONFIG");
    if (env != null && !env.isBlank()) {
      return env.split(File.pathSeparator)[0];
    }
    Path home = Path.of(System.getProperty("user.home"), ".kube", "config");
    return Files.exists(home) ? home.toString() : null;
  }

  private static java.util.Set<String> humanManagers(Value config) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    for (Value v : Values.elements(Values.at(config, "human_managers"))) {
      if (v instanceof dev.kplan.lang.value.StringValue s) {
        out.add(s.value());
      }
    }
    return out;
  }

  private static String base64(String pem) {
    return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8));
  }

  /** The value of {@link #SCHEMA} with every attribute null except those given (for tests). */
  static Value config(Map<String, Value> values) {
    Map<String, Value> all = new LinkedHashMap<>();
    SCHEMA.attributes().forEach((k, a) -> all.put(k, values.getOrDefault(k, Value.nullOf(a.type()))));
    return Value.object(all);
  }

  record Parsed(ProviderSettings settings, Diagnostic problem) {}

  record Built(Config config, Diagnostic problem) {}
}
