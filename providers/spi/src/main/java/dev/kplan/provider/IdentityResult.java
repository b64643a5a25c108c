package dev.kplan.provider;

import dev.kplan.lang.diag.Diagnostics;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What identifies an object about to be created ({@link Provider#plannedIdentity}).
 *
 * <ul>
 *   <li>{@link Kind#REMOTE}: the object will exist outside kplan and {@code identity} finds it
 *       ({@link Provider#lookup}): names, a namespace, a tag, a client token. The engine records it
 *       before the create and hands it to the create in {@link ApplyRequest#identity()}, so a value
 *       the provider makes up here (a client token) is the one the create uses. Never put a
 *       sensitive value in it: the journal stores it in clear.
 *   <li>{@link Kind#NO_REMOTE_OBJECT}: nothing exists outside the state ({@code kplan_data}, random
 *       values): an interrupted create leaves nothing behind, and the engine keeps no intent.
 *   <li>{@link Kind#UNSUPPORTED}: the provider cannot say (the default). The engine records an intent
 *       without identity, and after a crash can only warn that an object may have been left.
 * </ul>
 */
public record IdentityResult(Kind kind, Map<String, String> identity, Diagnostics diagnostics) {
  public enum Kind { REMOTE, NO_REMOTE_OBJECT, UNSUPPORTED }

  public static final IdentityResult UNSUPPORTED = new IdentityResult(Kind.UNSUPPORTED, Map.of(), Diagnostics.NONE);
  public static final IdentityResult NO_REMOTE_OBJECT =
      new IdentityResult(Kind.NO_REMOTE_OBJECT, Map.of(), Diagnostics.NONE);

  public IdentityResult {
    Objects.requireNonNull(kind, "kind is null");
    identity = Collections.unmodifiableMap(new TreeMap<>(identity));
    Objects.requireNonNull(diagnostics, "diagnostics is null");
  }

  /** A remote object found by {@code identity}. */
  public static IdentityResult remote(Map<String, String> identity) {
    return new IdentityResult(Kind.REMOTE, identity, Diagnostics.NONE);
  }
}
