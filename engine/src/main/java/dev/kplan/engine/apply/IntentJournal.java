package dev.kplan.engine.apply;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.IdentityRequest;
import dev.kplan.provider.IdentityResult;
import dev.kplan.provider.Provider;
import dev.kplan.state.Intent;
import dev.kplan.state.StateException;
import dev.kplan.state.StateStore;
import java.util.Map;

/**
 * The applier's side of the intent journal: before a provider creates an object, ask it for the
 * object's identity and record the intent (its own transaction); objects that exist only in the
 * state ({@link IdentityResult.Kind#NO_REMOTE_OBJECT}) need none.
 */
final class IntentJournal {
  private IntentJournal() {}

  /** The intent recorded (null when none is needed) and the identity to hand to the create. */
  record Opened(Intent intent, Map<String, String> identity, Diagnostics diagnostics) {}

  /** Asks for the identity and records the intent; a StateException means nothing may be created. */
  static Opened open(StateStore.Lock lock, Provider provider, ProviderAddress pa, ResourceAddress address,
      Value planned, Value config) throws StateException {
    IdentityResult id = provider.plannedIdentity(new IdentityRequest(address.type(), address.toString(), planned,
        config));
    if (id.diagnostics().hasErrors() || id.kind() == IdentityResult.Kind.NO_REMOTE_OBJECT) {
      return new Opened(null, id.identity(), id.diagnostics());
    }
    Intent intent = Intent.open(address.toString(), pa.toString(), address.type(), id.identity(), lock.info().owner());
    lock.recordIntent(intent);
    return new Opened(intent, id.identity(), id.diagnostics());
  }
}
