package dev.kplan.state;

import java.util.Objects;

/**
 * One finished change to record at once, in its own transaction: an instance written (created,
 * updated, imported) or removed. Persisting each change as it finishes is what keeps the state
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
