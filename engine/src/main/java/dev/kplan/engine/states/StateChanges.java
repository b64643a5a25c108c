package dev.kplan.engine.states;

import dev.kplan.state.OutputValue;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The changes that make the resources and outputs of {@code current} equal to {@code target}
 * (for {@code state push} and {@code state rollback}): a put for every object that is new or
 * differs, a removal for every object {@code target} lacks. Deposed objects are left as they are:
 * they are real objects still waiting to be destroyed, whatever version is restored.
 */
public final class StateChanges {
  private StateChanges() {}

  public static List<StateChange> between(StateSnapshot current, StateSnapshot target) {
    return between(current, target, Map.of());
  }

  /**
   * As {@link #between(StateSnapshot, StateSnapshot)}, with the objects {@code moves} names (its
   * address in {@code current} to its address in {@code target}) carried over as recorded moves,
   * so that the new version's history shows them as moves ({@code state rollback} past a move).
   */
  public static List<StateChange> between(StateSnapshot current, StateSnapshot target, Map<String, String> moves) {
    List<StateChange> out = new ArrayList<>();
    Set<String> movedTo = new HashSet<>();
    moves.forEach((from, to) -> {
      ResourceInstance r = target.resources().get(to);
      if (current.resources().containsKey(from) && r != null && !from.equals(to)) {
        out.add(new StateChange.Move(from, r));
        movedTo.add(to);
      }
    });
    for (ResourceInstance r : target.resources().values()) {
      if (movedTo.contains(r.address())) {
        continue;
      }
      // an address a move just emptied needs its object written again
      if (moves.containsKey(r.address()) || !r.equals(current.resources().get(r.address()))) {
        out.add(new StateChange.Put(r));
      }
    }
    for (String address : current.resources().keySet()) {
      if (!target.resources().containsKey(address) && !moves.containsKey(address)) {
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
