package dev.kplan.state;

import java.util.Objects;

/**
 * One finished change to record at once, in its own transaction: an instance written (created,
 * updated, imported) or removed, deposed, restored, or a deposed object removed. Persisting each change as it finishes is what keeps the state
 * truthful after a crash in the middle of an apply.
 */
public sealed interface StateChange {
  record Put(ResourceInstance instance) implements StateChange {
    public Put {
      Objects.requireNonNull(instance, "instance is null");
    }
  }

  record Remove(String address) implements StateChange {
    public Remove {
      Objects.requireNonNull(address, "address is null");
    }
  }

  /**
   * The object at {@code from} now lives at {@code instance.address()} as {@code instance} (the
   * same object, possibly re-keyed or with its values sealed anew for its new address): in one
   * transaction the old address is emptied, the new one written, and the move recorded in the
   * version's history, so that {@code state diff} shows it as a move and a crash never leaves the
   * object at neither address.
   */
  record Move(String from, ResourceInstance instance) implements StateChange {
    public Move {
      Objects.requireNonNull(from, "from is null");
      Objects.requireNonNull(instance, "instance is null");
      if (from.equals(instance.address())) {
        throw new IllegalArgumentException("a move needs two addresses, got " + from + " twice");
      }
    }
  }

  /**
   * The current object at {@code address} becomes deposed object {@code deposedKey}, in one
   * transaction (so a crash never leaves it recorded twice, or not at all).
   */
  record Depose(String address, String deposedKey) implements StateChange {
    public Depose {
      Objects.requireNonNull(address, "address is null");
      Objects.requireNonNull(deposedKey, "deposedKey is null");
    }
  }

  /** Deposed object {@code deposedKey} becomes the current object at {@code address} again (nothing replaced it). */
  record Restore(String address, String deposedKey) implements StateChange {
    public Restore {
      Objects.requireNonNull(address, "address is null");
      Objects.requireNonNull(deposedKey, "deposedKey is null");
    }
  }

  /** A deposed object was destroyed. */
  record RemoveDeposed(String address, String deposedKey) implements StateChange {
    public RemoveDeposed {
      Objects.requireNonNull(address, "address is null");
      Objects.requireNonNull(deposedKey, "deposedKey is null");
    }
  }

  record SetOutput(OutputValue output) implements StateChange {
    public SetOutput {
      Objects.requireNonNull(output, "output is null");
    }
  }

  record RemoveOutput(String name) implements StateChange {
    public RemoveOutput {
      Objects.requireNonNull(name, "name is null");
    }
  }
}
