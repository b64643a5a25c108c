package dev.kplan.engine.states;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.InstanceKey;
import dev.kplan.engine.addrs.ModuleAddress;
import dev.kplan.engine.addrs.ModuleStep;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.Targetable;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateSnapshot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code kplan state mv SRC DST}, as Terraform's: a resource with all its instances (each keeps
 * its key), one instance to another (also between {@code count} and {@code for_each} keys, or to
 * and from no key), and a module instance or call with everything below it; each also into and out
 * of modules. The resource type must stay the same, and no destination may be occupied already.
 */
public final class StateMoves {
  private StateMoves() {}

  /** One object moved: its stored address and its new one. */
  public record Move(ResourceAddress from, ResourceAddress to) {}

  /** The moves, or the errors that prevent them. */
  public record Result(List<Move> moves, Diagnostics diagnostics) {
    /**
     * The changes that carry the moves out in one version, each a recorded move (so that the
     * history shows it as one). No destination is another move's source: destinations are free.
     */
    public List<StateChange> changes(StateSnapshot state) {
      List<StateChange> out = new ArrayList<>();
      for (Move m : moves) {
        ResourceInstance r = state.resources().get(m.from().toString());
        out.add(new StateChange.Move(m.from().toString(), new ResourceInstance(m.to().toString(), r.providerAddress(),
            r.schemaVersion(), r.attributesJson(), r.sensitivePathsJson(), r.dependencies(), r.tainted(),
            r.privateData())));
      }
      return out;
    }
  }

  public static Result plan(StateSnapshot state, String source, String destination) {
    AddressParser.Result<Targetable> src = StateAddresses.parse(source);
    AddressParser.Result<Targetable> dst = StateAddresses.parse(destination);
    if (!src.ok() || !dst.ok()) {
      return fail(src.diagnostics().plus(dst.diagnostics()));
    }
    Map<ResourceAddress, ResourceAddress> moves = new LinkedHashMap<>();
    if (src.value() instanceof ModuleAddress from) {
      if (!(dst.value() instanceof ModuleAddress to)) {
        return fail(error("Invalid move", "Cannot move module " + source + " to " + destination
            + ": a module moves to a module address (module.NAME or module.NAME[KEY])."));
      }
      for (ResourceAddress a : StateAddresses.select(state, from)) {
        // the source's steps are replaced by the destination's; deeper steps are kept
        List<ModuleStep> path = new ArrayList<>(to.steps());
        path.addAll(a.module().subList(from.steps().size(), a.module().size()));
        if (from.steps().get(from.steps().size() - 1).key() instanceof InstanceKey.None
            && !(to.steps().get(to.steps().size() - 1).key() instanceof InstanceKey.None)) {
          return fail(error("Invalid move", "Cannot move every instance of " + source + " into the single instance "
              + destination + "; name one instance of " + source + " (module.NAME[KEY])."));
        }
        if (to.steps().get(to.steps().size() - 1).key() instanceof InstanceKey.None) {
          // module.a -> module.b: each instance keeps its key
          ModuleStep last = a.module().get(from.steps().size() - 1);
          path.set(to.steps().size() - 1, new ModuleStep(to.steps().get(to.steps().size() - 1).name(), last.key()));
        }
        moves.put(a, new ResourceAddress(path, a.mode(), a.type(), a.name(), a.key()));
      }
    } else {
      ResourceAddress from = (ResourceAddress) src.value();
      if (!(dst.value() instanceof ResourceAddress to)) {
        return fail(error("Invalid move", "Cannot move " + source + " to the module " + destination
            + ": a resource moves to a resource address (write " + destination + "." + from.resource().type() + "."
            + from.resource().name() + " to move it into that module)."));
      }
      if (from.mode() != to.mode() || !from.type().equals(to.type())) {
        return fail(error("Invalid move", "Cannot move " + source + " to " + destination
            + ": an object keeps its resource type (" + (from.mode() == to.mode() ? from.type() + " vs " + to.type()
            : "managed resource vs data source") + ")."));
      }
      if (state.resources().containsKey(from.toString())) {
        moves.put(from, to); // one instance (or a resource without count/for_each)
      } else if (from.key() instanceof InstanceKey.None) {
        List<ResourceAddress> instances = StateAddresses.select(state, from);
        if (!instances.isEmpty() && !(to.key() instanceof InstanceKey.None)) {
          return fail(error("Invalid move", "Cannot move every instance of " + source + " into the single instance "
              + destination + "; name one instance of " + source + "."));
        }
        for (ResourceAddress a : instances) {
          moves.put(a, to.instance(a.key()));
        }
      }
    }
    if (moves.isEmpty()) {
      return fail(error("No matching objects found", "The state holds no object at " + source
          + ". \"kplan state list\" shows what it holds."));
    }
    Set<String> leaving = new HashSet<>();
    moves.keySet().forEach(a -> leaving.add(a.toString()));
    List<Diagnostic> occupied = new ArrayList<>();
    for (ResourceAddress to : moves.values()) {
      if (state.resources().containsKey(to.toString()) && !leaving.contains(to.toString())) {
        occupied.add(Diagnostic.error("Destination is occupied", "Cannot move to " + to + ": the state already"
            + " holds an object there. Remove or move that object first.", null));
      }
    }
    if (!occupied.isEmpty()) {
      return fail(Diagnostics.of(occupied));
    }
    List<Move> out = new ArrayList<>();
    moves.forEach((f, t) -> {
      if (!f.equals(t)) {
        out.add(new Move(f, t));
      }
    });
    return new Result(out, Diagnostics.NONE);
  }

  private static Diagnostics error(String summary, String detail) {
    return Diagnostics.of(Diagnostic.error(summary, detail, null));
  }

  private static Result fail(Diagnostics d) {
    return new Result(List.of(), d);
  }
}
