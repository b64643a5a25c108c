package dev.kplan.provider.local;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.ImportResult;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.ResourceSchema;
import java.util.List;

/** One resource type of this provider. Implementations are stateless and thread-safe. */
interface ManagedType {
  String name();

  ResourceSchema schema();

  /** Checks beyond the schema; unknown values pass. */
  Diagnostics validate(ObjectValue config);

  /** Called with a non-null proposed state (deletes are planned by {@link LocalProvider}). */
  PlanResult plan(PlanRequest request, Workspace workspace);

  ApplyResult apply(ApplyRequest request, Workspace workspace);

  /** The live state of one stored instance (a null value when it is gone); problems go to {@code diagnostics}. */
  Value read(ObjectValue prior, Workspace workspace, List<Diagnostic> diagnostics);

  ImportResult importResource(String id, Workspace workspace);

  /**
   * What identifies the object a create of {@code planned} makes (see {@link
   * dev.kplan.provider.Provider#plannedIdentity}); by default nothing: the object lives in the state only.
   */
  default dev.kplan.provider.IdentityResult identity(ObjectValue planned, Workspace workspace) {
    return dev.kplan.provider.IdentityResult.NO_REMOTE_OBJECT;
  }

  /** Finds what a create identified by {@code identity} made; by default there is nothing outside the state. */
  default dev.kplan.provider.LookupResult lookup(java.util.Map<String, String> identity, Workspace workspace) {
    return dev.kplan.provider.LookupResult.NO_REMOTE_OBJECT;
  }
}
