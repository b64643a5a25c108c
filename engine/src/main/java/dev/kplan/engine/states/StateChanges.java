package dev.kplan.engine.states;

import dev.kplan.state.OutputValue;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes that make the resources and outputs of {@code current} equal to {@code target}
 * (for {@code state push} and {@code state rollback}): a put for every object that is new or
 * differs, a removal for every object {@code target} lacks. Deposed objects are left as they are:
 * they are real objects still waiting to be destroyed, whatever version is restored.
 */
public final class StateChanges {
  private StateChanges() {}

  public static List<StateChange> between(StateSnapshot current, StateSnapshot target) {
    List<StateChange> out = new ArrayList<>();
    for (ResourceInstance r : target.resources().values()) {
      if (!r.equals(current.resources().get(r.address()))) {
        out.add(new StateChange.Put(r));
      }
    }
    for (String address : current.resources().keySet()) {
      if (!target.resources().containsKey(address)) {
        out.add(new StateChange.Remove(address));
      }
    }
    for (OutputValue o : target.outputs().values()) {
      if (!o.equals(current.outputs().get(o.name()))) {
        out.add(new StateChange.SetOutput(o));
      }
    }
    for (String name : current.outputs().keySet()) {
      if (!target.outputs().containsKey(name)) {
        out.add(new StateChange.RemoveOutput(name));
      }
    }
    return out;
  }
}
