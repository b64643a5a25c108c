package dev.kplan.provider;

import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.Value;
import java.util.Objects;

/**
 * What {@link Provider#lookup} found: {@link Outcome#FOUND} with the object's live state (as
 * {@link Provider#read} would return it) and private data; {@link Outcome#NOT_FOUND} (the create
 * never happened, or made nothing); {@link Outcome#NO_REMOTE_OBJECT} (objects of this type exist
 * only in the state, so creating again is right); {@link Outcome#UNSUPPORTED} (the default). Errors
 * (the system could not be asked) are diagnostics: the engine then keeps the intent and plans nothing
 * that could create a second object.
 */
public record LookupResult(Outcome outcome, Value state, String privateData, Diagnostics diagnostics) {
  public enum Outcome { FOUND, NOT_FOUND, NO_REMOTE_OBJECT, UNSUPPORTED }

  public static final LookupResult UNSUPPORTED = new LookupResult(Outcome.UNSUPPORTED, null, null, Diagnostics.NONE);
  public static final LookupResult NOT_FOUND = new LookupResult(Outcome.NOT_FOUND, null, null, Diagnostics.NONE);
  public static final LookupResult NO_REMOTE_OBJECT =
      new LookupResult(Outcome.NO_REMOTE_OBJECT, null, null, Diagnostics.NONE);

  public LookupResult {
    Objects.requireNonNull(outcome, "outcome is null");
    Objects.requireNonNull(diagnostics, "diagnostics is null");
    if (outcome == Outcome.FOUND && (state == null || state.isNull())) {
      throw new IllegalArgumentException("a found object needs its state");
    }
  }

  public static LookupResult found(Value state, String privateData) {
    return new LookupResult(Outcome.FOUND, state, privateData, Diagnostics.NONE);
  }

  public static LookupResult failed(Diagnostics diagnostics) {
    return new LookupResult(Outcome.NOT_FOUND, null, null, diagnostics);
  }
}
