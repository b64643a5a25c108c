package dev.kplan.provider.kubernetes;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Path;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kubernetes_manifest}: plan and apply of one object by server-side apply.
 *
 * <p>State: {@code manifest} is what kplan sends; {@code object} the live values of the fields kplan owns.
 * A plan whose manifest is unchanged and whose refreshed object still has the digest recorded at the last
 * apply costs no request. Otherwise the server answers a dry-run apply, and the planned {@code object} is
 * that answer projected onto the fields kplan would own: server defaults, other managers' fields and
 * {@code status} never enter it.
 */
final class ManifestResource {
  static final String TYPE = "kubernetes_manifest";
  private static final Value UNKNOWN = Value.unknownOf(Type.DYNAMIC);

  private ManifestResource() {}

  static Diagnostics validate(Value config) {
    Value manifest = Values.at(config, "manifest");
    List<Diagnostic> out = new ArrayList<>();
    if (manifest.isKnown() && !manifest.isNull()) {
      if (!Values.isStructure(manifest)) {
        out.add(Diagnostic.error("Invalid manifest", "\"manifest\" must be an object such as"
            + " { apiVersion = \"v1\", kind = \"ConfigMap\", metadata = { name = \"x\" } }.", null));
      } else {
        for (String[] path : new String[][] {{"apiVersion"}, {"kind"}, {"metadata", "name"}}) {
          Value v = Values.at(manifest, path);
          if (v.isKnown() && Values.string(v) == null) {
            out.add(Diagnostic.error("Invalid manifest",
                "\"manifest\" needs " + String.join(".", path) + " as a string.", null));
          }
        }
      }
    }
    for (String op : new String[] {"create", "update", "delete"}) {
      String t = Values.string(config, "timeouts", op);
      if (t != null && Durations.parse(t) == null) {
        out.add(Diagnostic.error("Invalid timeout",
            "timeouts." + op + " = \"" + t + "\" is not a duration such as \"30s\", \"5m\" or \"1h\".", null));
      }
    }
    return Diagnostics.of(out);
  }

  static PlanResult plan(PlanRequest req, Cluster cluster) {
    ObjectValue cfg = Values.object(req.config());
    Value manifest = Values.at(cfg, "manifest");
    if (!manifest.isWhollyKnown()) {
      return planned(cfg, UNKNOWN, null, List.of(), Diagnostics.NONE);
    }
    if (req.priorState().isNull()) {
      // a create shows the manifest; the server's answer is known after apply (no request while planning)
      Diagnostic removed = BuiltInApis.checkServed(ObjectRef.of(manifest), cluster);
      return removed != null ? failed(cfg, removed) : planned(cfg, UNKNOWN, null, List.of(), Diagnostics.NONE);
    }
    ObjectValue prior = Values.object(req.priorState());
    Value priorManifest = Values.at(prior, "manifest");
    Value priorObject = Values.at(prior, "object");
    List<Path> identity = identityChanges(priorManifest, manifest);
    if (!identity.isEmpty()) {
      return planned(cfg, UNKNOWN, null, identity, Diagnostics.NONE);
    }
    ManifestPrivate priv = ManifestPrivate.decode(req.priorPrivate());
    String manager = ManifestSchema.manager(cfg);
    if (manifest.equals(priorManifest) && manager.equals(ManifestSchema.manager(prior))
        && ManifestSchema.computedFields(cfg).equals(ManifestSchema.computedFields(prior))
        && !priv.applied().isEmpty() && priv.applied().equals(Values.digest(priorObject))) {
      return planned(cfg, priorObject, priv.forcing(false).encode(), List.of(), Diagnostics.NONE);
    }
    ObjectRef ref = ObjectRef.of(manifest);
    ApiResource r;
    try {
      Optional<ApiResource> found = cluster.resolve(ref.apiVersion(), ref.kind());
      if (found.isEmpty()) {
        return failed(cfg, notServed(ref, cluster));
      }
      r = found.get();
    } catch (KubernetesClientException e) {
      return failed(cfg, ApiErrors.diagnostic("Discovery failed", ref.toString(), cluster.host(), e));
    }
    boolean force = ManifestSchema.forceConflicts(cfg);
    Value answer;
    try {
      answer = cluster.apply(r, ref.namespaceFor(r), manifest, manager, force, true);
    } catch (KubernetesClientException e) {
      List<ApiErrors.Conflict> conflicts = ApiErrors.conflicts(e);
      List<String> immutable = ApiErrors.immutableFields(e);
      if (!conflicts.isEmpty() && retakes(priv.fields(), conflicts)) {
        // another manager took fields kplan owned: restoring them is the drift fix the plan proposes
        force = true;
        try {
          answer = cluster.apply(r, ref.namespaceFor(r), manifest, manager, true, true);
        } catch (KubernetesClientException again) {
          return failed(cfg, ApiErrors.diagnostic("Dry-run apply failed", ref.toString(), cluster.host(), again));
        }
      } else if (!conflicts.isEmpty()) {
        return failed(cfg, conflictDiagnostic(ref, conflicts));
      } else if (!immutable.isEmpty()) {
        return planned(cfg, UNKNOWN, null, replacePaths(priorManifest, manifest, immutable),
            Diagnostics.of(Diagnostic.warning("Replacing " + ref + ": " + ApiErrors.message(e),
                "The API server refuses to change an immutable field in place, so kplan plans to delete the object"
                    + " and create it again.", null)));
      } else {
        return failed(cfg, ApiErrors.diagnostic("Dry-run apply failed", ref.toString(), cluster.host(), e));
      }
    }
    FieldSet owned = ManagedFields.of(answer).appliedBy(manager);
    Value object = LiveObjects.owned(answer, owned, ManifestSchema.computedFields(cfg));
    return planned(cfg, object, priv.forcing(force).encode(), List.of(), Diagnostics.NONE);
  }

  static ApplyResult apply(ApplyRequest req, Cluster cluster, String address) {
    if (req.isDelete()) {
      return delete(req, cluster, address);
    }
    ObjectValue cfg = Values.object(req.plannedState());
    Value manifest = Values.at(cfg, "manifest");
    ObjectRef ref = ObjectRef.of(manifest);
    ManifestPrivate priv = ManifestPrivate.decode(req.plannedPrivate());
    String manager = ManifestSchema.manager(cfg);
    Value unchanged = req.priorState();
    ApiResource r;
    try {
      Optional<ApiResource> found = cluster.resolve(ref.apiVersion(), ref.kind());
      if (found.isEmpty()) {
        cluster.forget(ref.apiVersion()); // its CRD may have been created earlier in this apply
        found = cluster.resolve(ref.apiVersion(), ref.kind());
      }
      if (found.isEmpty()) {
        return new ApplyResult(unchanged, req.plannedPrivate(), Diagnostics.of(notServed(ref, cluster)));
      }
      r = found.get();
    } catch (KubernetesClientException e) {
      return new ApplyResult(unchanged, req.plannedPrivate(),
          Diagnostics.of(ApiErrors.diagnostic("Discovery failed", ref.toString(), cluster.host(), e)));
    }
    String namespace = ref.namespaceFor(r);
    Value answer;
    try {
      answer = cluster.apply(r, namespace, manifest, manager, ManifestSchema.forceConflicts(cfg) || priv.force(), false);
    } catch (KubernetesClientException e) {
      List<ApiErrors.Conflict> conflicts = ApiErrors.conflicts(e);
      Diagnostic d = conflicts.isEmpty()
          ? ApiErrors.diagnostic("Apply failed", ref.toString(), cluster.host(), e) : conflictDiagnostic(ref, conflicts);
      return new ApplyResult(unchanged, req.plannedPrivate(), Diagnostics.of(d));
    }
    String trim = ExclusiveLists.trimPatch(manifest, answer);
    if (trim != null) {
      try { // items another manager added to a list kplan keeps exclusive (Service ports): restore kplan's list
        cluster.jsonPatch(r, namespace, ref.name(), trim, manager);
      } catch (KubernetesClientException e) {
        return new ApplyResult(unchanged, req.plannedPrivate(), Diagnostics.of(
            ApiErrors.diagnostic("Apply failed", ref.toString(), cluster.host(), e)));
      }
    }
    FieldSet owned = ManagedFields.of(answer).appliedBy(manager);
    Value object = LiveObjects.owned(answer, owned, ManifestSchema.computedFields(cfg));
    ObjectValue state = Values.with(cfg, "object", object);
    String privateData = new ManifestPrivate(owned, Values.digest(object), false).encode();
    Diagnostic waited;
    try {
      waited = Waiter.await(cluster, r, namespace, ref.name(), Values.at(cfg, "wait"),
          ManifestSchema.timeout(cfg, req.priorState().isNull() ? "create" : "update"), address);
    } catch (KubernetesClientException e) {
      waited = ApiErrors.diagnostic("Waiting failed", ref.toString(), cluster.host(), e);
    }
    if (ref.kind().equals("CustomResourceDefinition")) {
      // after Established (awaited above): custom resources applied later in this run find their kind
      String group = Values.string(answer, "spec", "group");
      for (Value v : Values.elements(Values.at(answer, "spec", "versions"))) {
        cluster.forget(group + "/" + Values.string(v, "name"));
      }
    }
    return new ApplyResult(state, privateData, waited == null ? Diagnostics.NONE : Diagnostics.of(waited),
        sensitivePaths(manifest, object));
  }

  private static ApplyResult delete(ApplyRequest req, Cluster cluster, String address) {
    ObjectValue prior = Values.object(req.priorState());
    Value gone = Value.nullOf(ManifestSchema.SCHEMA.block().impliedType());
    ObjectRef ref = ObjectRef.of(Values.at(prior, "manifest"));
    try {
      Optional<ApiResource> found = cluster.resolve(ref.apiVersion(), ref.kind());
      if (found.isEmpty()) {
        return new ApplyResult(gone, null, Diagnostics.NONE); // the kind is no longer served: nothing is left
      }
      ApiResource r = found.get();
      String namespace = ref.namespaceFor(r);
      cluster.delete(r, namespace, ref.name());
      long deadline = System.nanoTime() + ManifestSchema.timeout(prior, "delete").toNanos();
      while (!cluster.get(r, namespace, ref.name()).isNull()) {
        if (System.nanoTime() > deadline) {
          return new ApplyResult(req.priorState(), null, Diagnostics.of(Diagnostic.error(
              "Timed out deleting " + address,
              ref + " still exists after " + ManifestSchema.timeout(prior, "delete").toSeconds()
                  + "s (finalizers still pending?).", null)));
        }
        Thread.sleep(250);
      }
      return new ApplyResult(gone, null, Diagnostics.NONE);
    } catch (KubernetesClientException e) {
      if (ApiErrors.notFound(e)) {
        return new ApplyResult(gone, null, Diagnostics.NONE);
      }
      return new ApplyResult(req.priorState(), null,
          Diagnostics.of(ApiErrors.diagnostic("Delete failed", ref.toString(), cluster.host(), e)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new ApplyResult(req.priorState(), null, Diagnostics.of(Diagnostic.error("Interrupted",
          "Deleting " + ref + " was interrupted; it may still exist.", null)));
    }
  }

  /** Secret values are sensitive wherever they appear: in the manifest and in the live object. */
  static List<Path> sensitivePaths(Value manifest, Value object) {
    if (!"Secret".equals(Values.string(manifest, "kind")) || !"v1".equals(Values.string(manifest, "apiVersion"))) {
      return List.of();
    }
    List<Path> out = new ArrayList<>();
    for (String field : new String[] {"data", "stringData"}) {
      if (!Values.at(manifest, field).isNull() || !Values.at(manifest, field).isKnown()) {
        out.add(Path.ROOT.attr("manifest").attr(field));
      }
      if (object.isKnown() && !Values.at(object, field).isNull()) {
        out.add(Path.ROOT.attr("object").attr(field));
      }
    }
    return out;
  }

  private static PlanResult planned(ObjectValue cfg, Value object, String privateData, List<Path> replace,
      Diagnostics diagnostics) {
    return new PlanResult(Values.with(cfg, "object", object), replace, privateData, diagnostics,
        sensitivePaths(Values.at(cfg, "manifest"), object));
  }

  private static PlanResult failed(ObjectValue cfg, Diagnostic d) {
    return new PlanResult(Values.with(cfg, "object", UNKNOWN), List.of(), null, Diagnostics.of(d));
  }

  /** A change of kind, name or namespace names another object: the old one goes, a new one comes. */
  private static List<Path> identityChanges(Value prior, Value now) {
    List<Path> out = new ArrayList<>();
    Path m = Path.ROOT.attr("manifest");
    if (!Objects.equals(Values.string(prior, "kind"), Values.string(now, "kind"))) {
      out.add(m.attr("kind"));
    }
    if (!Objects.equals(group(Values.string(prior, "apiVersion")), group(Values.string(now, "apiVersion")))) {
      out.add(m.attr("apiVersion"));
    }
    if (!Objects.equals(Values.string(prior, "metadata", "name"), Values.string(now, "metadata", "name"))) {
      out.add(m.attr("metadata").attr("name"));
    }
    if (!Objects.equals(Values.string(prior, "metadata", "namespace"), Values.string(now, "metadata", "namespace"))) {
      out.add(m.attr("metadata").attr("namespace"));
    }
    return out;
  }

  private static String group(String apiVersion) {
    if (apiVersion == null) {
      return null;
    }
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /** The manifest paths of the immutable fields that this change touches; the whole manifest when unclear. */
  private static List<Path> replacePaths(Value prior, Value now, List<String> fields) {
    List<Path> out = new ArrayList<>();
    for (String f : fields) {
      if (f.isEmpty()) {
        continue;
      }
      String[] names = f.replaceAll("\\[[^]]*]", "").split("\\.");
      if (!Values.at(prior, names).equals(Values.at(now, names))) {
        Path p = Path.ROOT.attr("manifest");
        for (String n : names) {
          p = p.attr(n);
        }
        out.add(p);
      }
    }
    return out.isEmpty() ? List.of(Path.ROOT.attr("manifest")) : out;
  }

  /** True when every conflicting field is one kplan owned at its last apply (someone took it since). */
  private static boolean retakes(FieldSet ownedBefore, List<ApiErrors.Conflict> conflicts) {
    Set<String> paths = ownedBefore.paths();
    for (ApiErrors.Conflict c : conflicts) {
      if (c.field() == null || !paths.contains(c.field())) {
        return false;
      }
    }
    return true;
  }

  private static Diagnostic conflictDiagnostic(ObjectRef ref, List<ApiErrors.Conflict> conflicts) {
    StringBuilder sb = new StringBuilder();
    for (ApiErrors.Conflict c : conflicts) {
      sb.append("\n  ").append(c.field()).append(" is managed by \"").append(c.manager()).append('"');
    }
    return Diagnostic.error("Field manager conflict on " + ref,
        "Another field manager owns fields this configuration sets to different values:" + sb
            + "\nTo take them over, set field_manager { force_conflicts = true } on this resource;"
            + " or remove them from the manifest.", null);
  }

  private static Diagnostic notServed(ObjectRef ref, Cluster cluster) {
    return Diagnostic.error("Kind not served",
        "The API server at " + cluster.host() + " does not serve kind \"" + ref.kind() + "\" in \""
            + ref.apiVersion() + "\" (" + ref + "). Check apiVersion and kind, or create its CustomResourceDefinition"
            + " first.", null);
  }
}
