package dev.kplan.engine.ops;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceMode;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.Provider;
import dev.kplan.provider.UnmanagedObject;
import dev.kplan.provider.UnmanagedRequest;
import dev.kplan.provider.UnmanagedResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code plan -unmanaged=SCOPES}: the live objects in those scopes that no resource of the plan manages, found by
 * each of the plan's providers that can tell ({@link Provider#listUnmanaged}), given what it manages (every
 * instance of the plan, as stored and as planned).
 */
public record UnmanagedScan(List<Finding> findings, Diagnostics diagnostics) {
  public static final UnmanagedScan EMPTY = new UnmanagedScan(List.of(), Diagnostics.NONE);

  /** One unmanaged object and the provider (configuration address, e.g. {@code kubernetes.edge}) that sees it. */
  public record Finding(String provider, UnmanagedObject object) {
    public Finding {
      Objects.requireNonNull(provider, "provider is null");
      Objects.requireNonNull(object, "object is null");
    }
  }

  public UnmanagedScan {
    findings = List.copyOf(findings);
    Objects.requireNonNull(diagnostics, "diagnostics is null");
  }

  static UnmanagedScan run(Map<ProviderAddress, Provider> providers, Plan plan, List<String> scopes) {
    List<Finding> found = new ArrayList<>();
    List<Diagnostic> diags = new ArrayList<>();
    boolean anySupported = false;
    for (Map.Entry<ProviderAddress, Provider> e : new TreeMap<>(providers).entrySet()) {
      List<UnmanagedRequest.Managed> managed = new ArrayList<>();
      for (ResourceChange c : plan.changes()) {
        if (!c.provider().equals(e.getKey()) || c.address().mode() != ResourceMode.MANAGED) {
          continue;
        }
        for (Value v : new Value[] {c.before(), c.after()}) {
          if (v != null && !v.isNull()) {
            managed.add(new UnmanagedRequest.Managed(c.address().type(), c.address().toString(), v));
          }
        }
      }
      UnmanagedResult r = e.getValue().listUnmanaged(new UnmanagedRequest(scopes, managed));
      anySupported |= r.supported();
      diags.addAll(r.diagnostics().items());
      r.objects().forEach(o -> found.add(new Finding(e.getKey().toString(), o)));
    }
    if (!anySupported) {
      diags.add(Diagnostic.warning("Unmanaged objects not listed",
          "None of the providers of this configuration can list objects it does not manage.", null));
    }
    return new UnmanagedScan(found, Diagnostics.of(diags));
  }
}
