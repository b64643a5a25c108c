package dev.kplan.provider.kubernetes;

import dev.kplan.lang.value.Value;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.ServerSideApplicable;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One configured cluster: the fabric8 client, the discovery cache (one request per group/version per run)
 * and the rate limit every request passes. Objects go in and out as language values (JSON underneath).
 * Thread-safe.
 */
final class Cluster implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Cluster.class);
  private final KubernetesClient client;
  private final String host;
  private final RateLimiter limiter;
  private final KubernetesSerialization json;
  private final Map<String, Optional<List<APIResource>>> discovery = new ConcurrentHashMap<>();
  private final ApiWarnings warnings;
  private final RequestCounter requests;

  Cluster(KubernetesClient client, RateLimiter limiter) {
    this(client, limiter, new ApiWarnings(), new RequestCounter());
  }

  private Cluster(KubernetesClient client, RateLimiter limiter, ApiWarnings warnings, RequestCounter requests) {
    this.warnings = warnings;
    this.requests = requests;
    this.client = client;
    this.host = client.getConfiguration().getMasterUrl();
    this.limiter = limiter;
    this.json = client.getKubernetesSerialization();
  }

  static Cluster connect(io.fabric8.kubernetes.client.Config config, RateLimiter limiter, ClientCustomizer customizer) {
    ApiWarnings warnings = new ApiWarnings();
    RequestCounter requests = new RequestCounter();
    KubernetesClient c = new KubernetesClientBuilder().withConfig(config)
        .withHttpClientBuilderConsumer(b -> {
          b.addOrReplaceInterceptor(ApiWarnings.NAME, warnings);
          b.addOrReplaceInterceptor(RequestCounter.NAME, requests);
          customizer.customize(b);
        }).build();
    return new Cluster(c, limiter, warnings, requests);
  }

  /** The server's warnings not reported yet (deprecated APIs and fields). */
  List<dev.kplan.lang.diag.Diagnostic> warnings() {
    return warnings.drain();
  }

  String host() {
    return host;
  }

  /** The API requests this client sent so far. */
  long requestCount() {
    return requests.total();
  }

  /** The server's version, to prove it is reachable and answers. */
  String version() {
    limiter.acquire();
    return client.getKubernetesVersion().getGitVersion();
  }

  /** The served kind {@code kind} of {@code apiVersion}, or empty when the server does not serve it (yet). */
  Optional<ApiResource> resolve(String apiVersion, String kind) {
    Optional<List<APIResource>> list = discovery.computeIfAbsent(apiVersion, gv -> {
      limiter.acquire();
      try {
        APIResourceList l = client.getApiResources(gv);
        return l == null ? Optional.empty() : Optional.of(List.copyOf(l.getResources()));
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return Optional.empty();
        }
        throw e;
      }
    });
    if (list.isEmpty()) {
      return Optional.empty();
    }
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    for (APIResource r : list.get()) {
      if (kind.equals(r.getKind()) && !r.getName().contains("/")) {
        return Optional.of(new ApiResource(group, version, kind, r.getName(), Boolean.TRUE.equals(r.getNamespaced())));
      }
    }
    return Optional.empty();
  }

  /**
   * Every kind the server lists in namespaces, in the preferred version of each API group (core first): what an
   * unmanaged-object scan looks through. Discovery answers are cached as {@link #resolve} caches them.
   */
  List<ApiResource> namespacedKinds() {
    List<String> versions = new ArrayList<>();
    versions.add("v1");
    limiter.acquire();
    io.fabric8.kubernetes.api.model.APIGroupList groups = client.getApiGroups();
    if (groups != null) {
      for (io.fabric8.kubernetes.api.model.APIGroup g : groups.getGroups()) {
        if (g.getPreferredVersion() != null) {
          versions.add(g.getPreferredVersion().getGroupVersion());
        }
      }
    }
    List<ApiResource> out = new ArrayList<>();
    for (String gv : versions) {
      for (APIResource r : resources(gv)) {
        if (Boolean.TRUE.equals(r.getNamespaced()) && !r.getName().contains("/") && r.getVerbs() != null
            && r.getVerbs().contains("list")) {
          int slash = gv.indexOf('/');
          out.add(new ApiResource(slash < 0 ? "" : gv.substring(0, slash), slash < 0 ? gv : gv.substring(slash + 1),
              r.getKind(), r.getName(), true));
        }
      }
    }
    return out;
  }

  private List<APIResource> resources(String gv) {
    return discovery.computeIfAbsent(gv, v -> {
      limiter.acquire();
      try {
        APIResourceList l = client.getApiResources(v);
        return l == null ? Optional.empty() : Optional.of(List.copyOf(l.getResources()));
      } catch (KubernetesClientException e) {
        if (e.getCode() == 404) {
          return Optional.empty();
        }
        throw e;
      }
    }).orElse(List.of());
  }

  /** Forgets what discovery found for {@code apiVersion} (a CRD was just created). */
  void forget(String apiVersion) {
    discovery.remove(apiVersion);
  }

  /** All objects of a kind in one namespace (or cluster-wide), with optional selectors: one LIST request. */
  List<Value> list(ApiResource r, String namespace, String labelSelector, String fieldSelector) {
    limiter.acquire();
    ListOptionsBuilder options = new ListOptionsBuilder();
    if (labelSelector != null) {
      options.withLabelSelector(labelSelector);
    }
    if (fieldSelector != null) {
      options.withFieldSelector(fieldSelector);
    }
    var ops = client.genericKubernetesResources(r.context());
    GenericKubernetesResourceList l = namespace == null ? ops.list(options.build())
        : ops.inNamespace(namespace).list(options.build());
    List<Value> out = new ArrayList<>();
    for (GenericKubernetesResource o : l.getItems()) {
      o.setApiVersion(r.apiVersion());
      o.setKind(r.kind());
      out.add(Values.fromJson(json.asJson(o)));
    }
    return out;
  }

  /** One object, or a null value when it does not exist. */
  Value get(ApiResource r, String namespace, String name) {
    limiter.acquire();
    GenericKubernetesResource o = named(r, namespace, name).get();
    return o == null ? Values.NULL : Values.fromJson(json.asJson(o));
  }

  /** Server-side apply of {@code manifest} as {@code manager}; {@code dryRun} persists nothing. */
  Value apply(ApiResource r, String namespace, Value manifest, String manager, boolean force, boolean dryRun) {
    limiter.acquire();
    GenericKubernetesResource body = json.unmarshal(Values.toJson(Values.withoutNulls(manifest)),
        GenericKubernetesResource.class);
    if (namespace != null) {
      body.getMetadata().setNamespace(namespace);
    }
    var ops = client.genericKubernetesResources(r.context());
    Resource<GenericKubernetesResource> res = namespace == null ? ops.resource(body)
        : ops.inNamespace(namespace).resource(body);
    ServerSideApplicable<GenericKubernetesResource> ssa = dryRun
        ? res.dryRun().fieldManager(manager) : res.fieldManager(manager);
    if (force) {
      ssa = dryRun ? res.dryRun().fieldManager(manager).forceConflicts() : res.fieldManager(manager).forceConflicts();
    }
    return Values.fromJson(json.asJson(ssa.serverSideApply()));
  }

  /** A dry-run create of {@code manifest}: the object as the server would store it (defaults applied). */
  Value createDryRun(ApiResource r, String namespace, Value manifest) {
    limiter.acquire();
    GenericKubernetesResource body = json.unmarshal(Values.toJson(Values.withoutNulls(manifest)),
        GenericKubernetesResource.class);
    var ops = client.genericKubernetesResources(r.context());
    Resource<GenericKubernetesResource> res = namespace == null ? ops.resource(body)
        : ops.inNamespace(namespace).resource(body);
    return Values.fromJson(json.asJson(res.dryRun().create()));
  }

  /** Sends a JSON patch ({@code application/json-patch+json}) as {@code manager}. */
  void jsonPatch(ApiResource r, String namespace, String name, String patch, String manager) {
    limiter.acquire();
    named(r, namespace, name).patch(new io.fabric8.kubernetes.client.dsl.base.PatchContext.Builder()
        .withPatchType(io.fabric8.kubernetes.client.dsl.base.PatchType.JSON).withFieldManager(manager).build(), patch);
  }

  /** Asks for deletion; true when the object existed. */
  boolean delete(ApiResource r, String namespace, String name) {
    limiter.acquire();
    return !named(r, namespace, name).delete().isEmpty();
  }

  private Resource<GenericKubernetesResource> named(ApiResource r, String namespace, String name) {
    var ops = client.genericKubernetesResources(r.context());
    NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>>
        scoped = namespace == null ? ops : ops.inNamespace(namespace);
    return scoped.withName(name);
  }

  @Override
  public void close() {
    LOG.debug("kubernetes provider: {} to {}", requests.summary(), host);
    client.close();
  }
}
