package dev.kplan.engine.states;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kplan.state.RecordedMoves;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link StateDiff} and {@link StateChanges} with the moves a store recorded, and without. */
class StateDiffTest {
  static ResourceInstance object(String address, String input) {
    return new ResourceInstance(address, "provider.kplan", 0, "{\"input\":\"" + input + "\"}", "[]", List.of(), false,
        null);
  }

  static StateSnapshot version(long serial, ResourceInstance... objects) {
    Map<String, ResourceInstance> resources = new LinkedHashMap<>();
    for (ResourceInstance r : objects) {
      resources.put(r.address(), r);
    }
    return new StateSnapshot(serial, "lineage", resources, Map.of());
  }

  @Test
  void aRecordedMoveOfAChangedObjectIsAMoveWithItsAttributeChanges() {
    StateSnapshot a = version(1, object("kplan_data.a", "one"), object("kplan_data.keep", "k"));
    StateSnapshot b = version(3, object("module.m.kplan_data.a", "two"), object("kplan_data.keep", "k"));
    List<StateDiff.Entry> diff = StateDiff.between(a, b,
        new RecordedMoves(Map.of("kplan_data.a", "module.m.kplan_data.a"), true));
    assertEquals(List.of(new StateDiff.Moved("kplan_data.a", "module.m.kplan_data.a",
        List.of(new StateDiff.AttributeChange("input", "\"one\"", "\"two\"")))), diff);
    // without the record, a moved and changed object can only be a removal and an addition
    assertEquals(List.of(new StateDiff.Removed("kplan_data.a"), new StateDiff.Added("module.m.kplan_data.a")),
        StateDiff.between(a, b));
  }

  @Test
  void whenEveryVersionRecordedItsMovesEqualObjectsAtTwoAddressesAreNotTakenForAMove() {
    StateSnapshot a = version(1, object("kplan_data.old", "same"));
    StateSnapshot b = version(2, object("kplan_data.new", "same"));
    assertEquals(List.of(new StateDiff.Added("kplan_data.new"), new StateDiff.Removed("kplan_data.old")),
        StateDiff.between(a, b, new RecordedMoves(Map.of(), true)));
    // a range with versions from before moves were recorded falls back to pairing equal objects
    assertEquals(List.of(new StateDiff.Moved("kplan_data.old", "kplan_data.new")),
        StateDiff.between(a, b, new RecordedMoves(Map.of(), false)));
  }

  @Test
  void aMovedObjectWhoseOldAddressHoldsANewOneIsAMoveAndAnAddition() {
    StateSnapshot a = version(1, object("kplan_data.x", "first"));
    StateSnapshot b = version(2, object("kplan_data.x", "second"), object("kplan_data.y", "first"));
    assertEquals(List.of(new StateDiff.Added("kplan_data.x"), new StateDiff.Moved("kplan_data.x", "kplan_data.y")),
        StateDiff.between(a, b, new RecordedMoves(Map.of("kplan_data.x", "kplan_data.y"), true)));
  }

  @Test
  void aRecordedMoveWhoseObjectIsGoneIsIgnored() {
    StateSnapshot a = version(1, object("kplan_data.x", "first"));
    StateSnapshot b = version(2);
    assertEquals(List.of(new StateDiff.Removed("kplan_data.x")),
        StateDiff.between(a, b, new RecordedMoves(Map.of("kplan_data.x", "kplan_data.y"), true)));
  }

  @Test
  void changesBackToAnOlderVersionCarryItsMovesAsMoves() {
    StateSnapshot current = version(3, object("kplan_data.x", "second"), object("kplan_data.y", "first"));
    StateSnapshot target = version(1, object("kplan_data.x", "first"));
    assertEquals(List.of(new StateChange.Move("kplan_data.y", object("kplan_data.x", "first"))),
        StateChanges.between(current, target, Map.of("kplan_data.y", "kplan_data.x")));
    StateSnapshot moved = version(2, object("kplan_data.y", "first"));
    assertEquals(List.of(new StateChange.Move("kplan_data.y", object("kplan_data.x", "first"))),
        StateChanges.between(moved, target, Map.of("kplan_data.y", "kplan_data.x")));
  }
}
