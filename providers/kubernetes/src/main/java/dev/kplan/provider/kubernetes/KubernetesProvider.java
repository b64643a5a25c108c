package dev.kplan.provider.kubernetes;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.Attribution;
import dev.kplan.provider.ConfigureRequest;
import dev.kplan.provider.ConfigureResult;
import dev.kplan.provider.GenerateConfigRequest;
import dev.kplan.provider.GenerateConfigResult;
import dev.kplan.provider.ImportRequest;
import dev.kplan.provider.ImportResult;
import dev.kplan.provider.OrderRequest;
import dev.kplan.provider.OrderResult;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderException;
import dev.kplan.provider.ProviderSchema;
import dev.kplan.provider.ReadDataRequest;
import dev.kplan.provider.ReadDataResult;
import dev.kplan.provider.ReadRequest;
import dev.kplan.provider.ReadResult;
import dev.kplan.provider.ValidateRequest;
import dev.kplan.provider.ValidateResult;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes provider: one cluster per instance (one per {@code provider} block and alias).
 * Thread-safe after {@link #configure}: the cluster's client and caches are.
 */
public final class KubernetesProvider implements Provider {
  private static final ProviderSchema SCHEMA = new ProviderSchema(ProviderSettings.SCHEMA,
      Map.of(ManifestResource.TYPE, ManifestSchema.SCHEMA),
      Map.of(DataSources.ONE, DataSources.ONE_SCHEMA, DataSources.MANY, DataSources.MANY_SCHEMA));

  private final ClientCustomizer customizer;
  private final LiveFetch.Mode refreshMode;
  private volatile Cluster cluster;
  private volatile DriftClassifier classifier = DriftClassifier.DEFAULT;

  KubernetesProvider(ClientCustomizer customizer) {
    this(customizer, LiveFetch.Mode.fromSystem());
  }

  KubernetesProvider(ClientCustomizer customizer, LiveFetch.Mode refreshMode) {
    this.customizer = customizer;
    this.refreshMode = refreshMode;
  }

  /** The API requests sent since {@link #configure} (0 before). */
  long requestCount() {
    Cluster c = cluster;
    return c == null ? 0 : c.requestCount();
  }

  @Override
  public ProviderSchema schema() {
    return SCHEMA;
  }

  @Override
  public ConfigureResult configure(ConfigureRequest request) {
    ProviderSettings.Parsed parsed = ProviderSettings.parse(request.config().isNull() ? ObjectValue.EMPTY
        : Values.object(request.config()));
    if (parsed.problem() != null) {
      return new ConfigureResult(Diagnostics.of(parsed.problem()));
    }
    ProviderSettings s = parsed.settings();
    ProviderSettings.Built built = s.toConfig(System.getenv());
    if (built.problem() != null) {
      return new ConfigureResult(Diagnostics.of(built.problem()));
    }
    String host = built.config().getMasterUrl();
    Cluster c;
    try {
      c = Cluster.connect(built.config(), new RateLimiter(s.qps(), s.burst()), customizer);
    } catch (RuntimeException e) {
      return new ConfigureResult(Diagnostics.of(Diagnostic.error("Invalid Kubernetes credentials",
          "Provider \"kubernetes\" cannot set up a client for " + host + ": " + e.getMessage(), null)));
    }
    try {
      c.version();
    } catch (KubernetesClientException e) {
      c.close();
      if (e.getCode() == 401 || e.getCode() == 403) {
        return new ConfigureResult(Diagnostics.of(Diagnostic.error("Kubernetes credentials rejected",
            "The API server at " + host + " refused the provider's credentials: " + ApiErrors.message(e) + ".", null)));
      }
      return new ConfigureResult(Diagnostics.of(Diagnostic.error("Kubernetes cluster unreachable",
          "Cannot reach the Kubernetes API server at " + host + ": " + ApiErrors.message(e) + ".", null)));
    }
    Cluster previous = cluster;
    classifier = new DriftClassifier(s.humanManagers());
    cluster = c;
    if (previous != null) {
      previous.close();
    }
    return new ConfigureResult(Diagnostics.NONE);
  }

  @Override
  public ValidateResult validate(ValidateRequest request) {
    if (request.typeName().equals(ManifestResource.TYPE)) {
      return new ValidateResult(ManifestResource.validate(Values.object(request.config())));
    }
    return new ValidateResult(Diagnostics.NONE);
  }

  /**
   * Refreshes all instances at once: one LIST per (kind, namespace) they touch, not one GET per object (see
   * {@link LiveFetch}).
   * An object missing from its list is gone; the others come back with {@code object} projected anew.
   */
  @Override
  public ReadResult read(ReadRequest request) {
    checkType(request.typeName());
    Cluster c = cluster();
    List<Diagnostic> diagnostics = new ArrayList<>();
    Map<String, Value> gone = new HashMap<>();
    Map<LiveFetch.Key, List<ReadRequest.Instance>> groups = new LinkedHashMap<>();
    Map<String, ApiResource> kinds = new HashMap<>();
    List<ReadResult.Instance> out = new ArrayList<>();
    for (ReadRequest.Instance i : request.instances()) {
      if (i.priorState().isNull()) {
        out.add(new ReadResult.Instance(i.address(), i.priorState(), i.privateData(), List.of()));
        continue;
      }
      ObjectRef ref = ObjectRef.of(Values.at(i.priorState(), "manifest"));
      try {
        Optional<ApiResource> r = c.resolve(ref.apiVersion(), ref.kind());
        if (r.isEmpty()) {
          if (BuiltInApis.isBuiltIn(ref.apiVersion())) {
            // a built-in API the cluster stopped serving: the object may well live on under a newer version
            diagnostics.add(BuiltInApis.noLongerServed(i.address(), ref, c.host()));
            continue;
          }
          gone.put(i.address(), Value.nullOf(ManifestSchema.SCHEMA.block().impliedType()));
          continue;
        }
        kinds.put(i.address(), r.get());
        groups.computeIfAbsent(new LiveFetch.Key(r.get(), ref.namespaceFor(r.get())), k -> new ArrayList<>()).add(i);
      } catch (KubernetesClientException e) {
        diagnostics.add(ApiErrors.diagnostic("Refresh failed", i.address() + " (" + ref + ")", c.host(), e));
        return new ReadResult(out, Diagnostics.of(diagnostics));
      }
    }
    Map<String, ReadResult.Instance> done = new HashMap<>();
    gone.forEach((address, v) -> done.put(address, new ReadResult.Instance(address, v, null, List.of())));
    Map<LiveFetch.Key, List<String>> names = new LinkedHashMap<>();
    groups.forEach((k, is) -> names.put(k, is.stream()
        .map(i -> Values.string(i.priorState(), "manifest", "metadata", "name")).toList()));
    Map<LiveFetch.Key, LiveFetch.Live> fetched = LiveFetch.fetch(c, names, refreshMode);
    for (Map.Entry<LiveFetch.Key, List<ReadRequest.Instance>> g : groups.entrySet()) {
      LiveFetch.Live fetchedGroup = fetched.get(g.getKey());
      if (fetchedGroup.failure() != null) {
        diagnostics.add(ApiErrors.diagnostic("Refresh failed", g.getKey().resource().apiVersion() + " "
            + g.getKey().resource().kind() + (g.getKey().namespace() == null ? "" : " in " + g.getKey().namespace()),
            c.host(), fetchedGroup.failure()));
        continue; // these instances keep their stored state
      }
      Map<String, Value> byName = fetchedGroup.byName();
      for (ReadRequest.Instance i : g.getValue()) {
        done.put(i.address(), refreshed(i, byName, classifier));
        Value live = byName.get(Values.string(i.priorState(), "manifest", "metadata", "name"));
        if (live != null) {
          Diagnostic unhealthy = health(c, i.address(), live);
          if (unhealthy != null) {
            diagnostics.add(unhealthy);
          }
        }
      }
    }
    for (ReadRequest.Instance i : request.instances()) {
      ReadResult.Instance r = done.get(i.address());
      if (r != null) {
        out.add(r);
      }
    }
    diagnostics.addAll(c.warnings());
    return new ReadResult(out, Diagnostics.of(diagnostics));
  }

  /**
   * A warning when a managed workload is unhealthy, naming its pods that are pending or crash-looping (one LIST of
   * its pods, only for a workload already found unhealthy); null when it is healthy.
   */
  private static Diagnostic health(Cluster c, String address, Value live) {
    String problem = WorkloadHealth.problem(live);
    if (problem == null) {
      return null;
    }
    String selector = WorkloadHealth.podSelector(live);
    String namespace = Values.string(live, "metadata", "namespace");
    List<String> pods = new ArrayList<>();
    if (selector != null && namespace != null && !"Pod".equals(Values.string(live, "kind"))) {
      try {
        Optional<ApiResource> pod = c.resolve("v1", "Pod");
        if (pod.isPresent()) {
          for (Value p : c.list(pod.get(), namespace, selector, null)) {
            String why = WorkloadHealth.podProblem(p);
            if (why != null) {
              pods.add(Values.string(p, "metadata", "name") + ": " + why);
            }
          }
        }
      } catch (KubernetesClientException e) {
        pods.add("(its pods could not be listed: " + ApiErrors.message(e) + ")");
      }
    }
    pods.sort(null);
    String ref = Values.string(live, "kind") + " " + (namespace == null ? "" : namespace + "/")
        + Values.string(live, "metadata", "name");
    return Diagnostic.warning("Unhealthy workload", address + " (" + ref + ") is not healthy: " + problem
        + (pods.isEmpty() ? "." : ". Pods: " + String.join("; ", pods) + ".")
        + " This is not a difference from the configuration, so the plan does not change it.", null);
  }

  private static ReadResult.Instance refreshed(ReadRequest.Instance i, Map<String, Value> byName,
      DriftClassifier classifier) {
    ObjectValue prior = Values.object(i.priorState());
    Value live = byName.get(Values.string(prior, "manifest", "metadata", "name"));
    if (live == null) {
      return new ReadResult.Instance(i.address(), Value.nullOf(ManifestSchema.SCHEMA.block().impliedType()),
          i.privateData(), List.of());
    }
    ManifestPrivate priv = ManifestPrivate.decode(i.privateData());
    String manager = ManifestSchema.manager(prior);
    FieldSet fields = priv.fields().isEmpty() ? ManagedFields.of(live).appliedBy(manager) : priv.fields();
    boolean adopting = fields.isEmpty() && (i.privateData() == null || i.privateData().isBlank());
    if (adopting) {
      // an imported object kplan never applied: it owns what people set, narrowed to the imported manifest
      fields = Adoption.peopleFields(live).restrictTo(Values.at(prior, "manifest"));
    }
    Value object = ExclusiveLists.withExtras(LiveObjects.owned(live, fields, ManifestSchema.computedFields(prior)), live);
    Value storedObject = Values.at(prior, "object");
    List<Attribution> who = object.equals(storedObject) ? List.of()
        : LiveObjects.attributions(storedObject, object, live, manager, classifier);
    String privateData = adopting ? new ManifestPrivate(fields, Values.digest(object), false).encode() : i.privateData();
    return new ReadResult.Instance(i.address(), Values.with(prior, "object", object), privateData, who);
  }

  @Override
  public PlanResult plan(PlanRequest request) {
    checkType(request.typeName());
    if (request.proposedNewState().isNull()) {
      return new PlanResult(request.proposedNewState(), List.of(), null, Diagnostics.NONE);
    }
    Cluster c = cluster();
    PlanResult planned = ManifestResource.plan(request, c);
    List<Diagnostic> warnings = c.warnings();
    if (warnings.isEmpty()) {
      return planned;
    }
    List<Diagnostic> all = new ArrayList<>(planned.diagnostics().items());
    all.addAll(warnings);
    return new PlanResult(planned.plannedState(), planned.requiresReplace(), planned.plannedPrivate(),
        Diagnostics.of(all), planned.sensitivePaths());
  }

  @Override
  public ApplyResult apply(ApplyRequest request) {
    checkType(request.typeName());
    ObjectRef ref = ObjectRef.of(Values.at(request.isDelete() ? request.priorState() : request.plannedState(),
        "manifest"));
    Cluster c = cluster();
    ApplyResult applied = ManifestResource.apply(request, c, ref.toString());
    List<Diagnostic> warnings = c.warnings();
    if (warnings.isEmpty()) {
      return applied;
    }
    List<Diagnostic> all = new ArrayList<>(applied.diagnostics().items());
    all.addAll(warnings);
    return new ApplyResult(applied.newState(), applied.privateData(), Diagnostics.of(all), applied.sensitivePaths());
  }

  @Override
  public dev.kplan.provider.UnmanagedResult listUnmanaged(dev.kplan.provider.UnmanagedRequest request) {
    Cluster c = cluster;
    if (c == null) { // no resource of this provider was planned, so it was never configured
      return new dev.kplan.provider.UnmanagedResult(true, List.of(), Diagnostics.NONE);
    }
    return UnmanagedObjects.list(request, c);
  }

  /** Namespaces and CRDs before the objects that use them (see {@link ManifestOrdering}). */
  @Override
  public OrderResult order(OrderRequest request) {
    return ManifestOrdering.of(request);
  }

  /** {@code apiVersion/kind/[namespace/]name}: the object as a manifest of what people set in it. */
  @Override
  public ImportResult importResource(ImportRequest request) {
    checkType(request.typeName());
    ObjectRef ref = ObjectRef.fromImportId(request.id());
    if (ref == null) {
      return new ImportResult(List.of(), Diagnostics.of(Diagnostic.error("Invalid import id",
          "\"" + request.id() + "\" is not a Kubernetes object id. Write apiVersion/kind/namespace/name for a namespaced"
              + " object (apps/v1/Deployment/default/web, v1/ConfigMap/default/settings) or apiVersion/kind/name for a"
              + " cluster-scoped one (v1/Namespace/web).", null)));
    }
    Cluster c = cluster();
    try {
      Optional<ApiResource> r = c.resolve(ref.apiVersion(), ref.kind());
      if (r.isEmpty()) {
        return new ImportResult(List.of(), Diagnostics.of(Diagnostic.error("Kind not served", "The API server at "
            + c.host() + " does not serve kind \"" + ref.kind() + "\" in \"" + ref.apiVersion() + "\".", null)));
      }
      if (r.get().namespaced() != (ref.namespace() != null)) {
        return new ImportResult(List.of(), Diagnostics.of(Diagnostic.error("Invalid import id", ref.kind() + " is "
            + (r.get().namespaced() ? "namespaced: write " + ref.apiVersion() + "/" + ref.kind() + "/NAMESPACE/"
            + ref.name() : "cluster-scoped: write " + ref.apiVersion() + "/" + ref.kind() + "/" + ref.name()) + ".",
            null)));
      }
      Value live = c.get(r.get(), ref.namespace(), ref.name());
      if (live.isNull()) {
        return new ImportResult(List.of(), Diagnostics.of(Diagnostic.error("Cannot import non-existent remote object",
            ref + " does not exist in the cluster at " + c.host() + ".", null)));
      }
      Adoption.Adopted a = Adoption.of(c, r.get(), live);
      Map<String, Value> state = new LinkedHashMap<>();
      ManifestSchema.SCHEMA.block().impliedType().attributes().forEach((k, t) -> state.put(k, Value.nullOf(t)));
      state.put("manifest", a.manifest());
      state.put("object", LiveObjects.owned(live, a.fields(), List.of()));
      return new ImportResult(List.of(Value.object(state)), Diagnostics.NONE);
    } catch (KubernetesClientException e) {
      return new ImportResult(List.of(), Diagnostics.of(
          ApiErrors.diagnostic("Import failed", ref.toString(), c.host(), e)));
    }
  }

  /**
   * Only the manifest: the rest of the resource's arguments keep their defaults. A Secret's values come marked
   * sensitive, so that the engine keeps them out of the generated file.
   */
  @Override
  public GenerateConfigResult generateConfig(GenerateConfigRequest request) {
    checkType(request.typeName());
    Value manifest = Values.at(request.state(), "manifest");
    if (!ManifestResource.sensitivePaths(manifest, Values.NULL).isEmpty() && manifest instanceof ObjectValue o) {
      Map<String, Value> marked = new LinkedHashMap<>(o.attributes());
      for (String field : List.of("data", "stringData")) {
        Value v = marked.get(field);
        if (v != null && !v.isNull()) {
          marked.put(field, v.mark(Marks.SENSITIVE));
        }
      }
      manifest = new ObjectValue(marked, o.marks());
    }
    return new GenerateConfigResult(Value.object(Map.of("manifest", manifest)), Diagnostics.NONE);
  }

  @Override
  public ReadDataResult readData(ReadDataRequest request) {
    return switch (request.typeName()) {
      case DataSources.ONE -> DataSources.readOne(request.config(), cluster());
      case DataSources.MANY -> DataSources.readMany(request.config(), cluster());
      default -> throw new ProviderException(ProviderException.Code.UNKNOWN_TYPE,
          "provider \"kubernetes\" has no data source \"" + request.typeName() + "\"");
    };
  }

  @Override
  public void close() {
    Cluster c = cluster;
    cluster = null;
    if (c != null) {
      c.close();
    }
  }

  @Override
  public dev.kplan.provider.IdentityResult plannedIdentity(dev.kplan.provider.IdentityRequest request) {
    checkType(request.typeName());
    return Lookups.identity(request.plannedState());
  }

  @Override
  public dev.kplan.provider.LookupResult lookup(dev.kplan.provider.LookupRequest request) {
    checkType(request.typeName());
    return Lookups.lookup(request.identity(), cluster());
  }

  private Cluster cluster() {
    Cluster c = cluster;
    if (c == null) {
      throw new ProviderException(ProviderException.Code.NOT_CONFIGURED, "provider \"kubernetes\" is not configured");
    }
    return c;
  }

  private static void checkType(String typeName) {
    if (!typeName.equals(ManifestResource.TYPE)) {
      throw new ProviderException(ProviderException.Code.UNKNOWN_TYPE,
          "provider \"kubernetes\" has no resource type \"" + typeName + "\"");
    }
  }
}
