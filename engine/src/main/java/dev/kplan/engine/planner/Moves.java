package dev.kplan.engine.planner;

import dev.kplan.engine.addrs.InstanceKey;
import dev.kplan.engine.addrs.ModuleAddress;
import dev.kplan.engine.addrs.ModuleStep;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.Targetable;
import dev.kplan.engine.config.Module;
import dev.kplan.engine.config.ModuleCall;
import dev.kplan.engine.config.ModuleTree;
import dev.kplan.engine.config.MovedBlock;
import dev.kplan.engine.config.ResourceBlock;
import dev.kplan.lang.diag.Diagnostic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Terraform's {@code moved} blocks: which stored object now lives at which address. Statements
 * are checked against the configuration (a move away from something still declared, moves in a
 * cycle), ordered so that chains ({@code a → b}, {@code b → c}) end where the last one points, and
 * applied to the stored addresses; a move onto an address that holds an object already is not
 * made, and reported as Terraform does. A statement in a child module moves within each of that
 * module's instances.
 */
final class Moves {
  private Moves() {}

  /** Each stored address that moves, to its new address; and what was wrong. */
  record Result(Map<ResourceAddress, ResourceAddress> moved, List<Diagnostic> diagnostics) {}

  /** One statement with the configuration path of the module that declares it. */
  private record Statement(List<String> module, MovedBlock block) {
    /** The endpoint in the root's terms, with every instance of the declaring module: for ordering chains. */
    String key(Targetable t) {
      return ModuleAddress.configText(module) + "|" + t;
    }
  }

  static Result apply(Module root, Set<ResourceAddress> stored) {
    List<Diagnostic> diags = new ArrayList<>();
    List<Statement> statements = new ArrayList<>();
    for (ModuleTree.Entry e : ModuleTree.walk(root)) {
      for (MovedBlock b : e.module().moved()) {
        Statement s = new Statement(e.path(), b);
        if (stillDeclared(e.module(), b.from())) {
          diags.add(Diagnostic.error("Moved object still exists",
              "This statement declares a move from " + b.from() + ", but that " + (b.from() instanceof ModuleAddress
                  ? "module call" : "resource") + " is still declared in the configuration. Change your"
                  + " configuration so that it no longer declares " + b.from() + ", or remove this moved block.",
              b.fromRange()));
          continue;
        }
        statements.add(s);
      }
    }
    List<Statement> ordered = order(statements, diags);
    if (ordered == null) {
      return new Result(Map.of(), diags);
    }
    // current address → the address it was stored at
    Map<ResourceAddress, ResourceAddress> current = new TreeMap<>();
    for (ResourceAddress a : stored) {
      current.put(a, a);
    }
    List<String> blocked = new ArrayList<>();
    for (Statement s : ordered) {
      Map<ResourceAddress, ResourceAddress> next = new LinkedHashMap<>();
      for (ResourceAddress a : current.keySet()) {
        ResourceAddress to = rewrite(s, a);
        if (to != null) {
          next.put(a, to);
        }
      }
      for (Map.Entry<ResourceAddress, ResourceAddress> m : next.entrySet()) {
        if (current.containsKey(m.getValue())) {
          blocked.add(m.getKey() + " could not move to " + m.getValue());
          continue;
        }
        current.put(m.getValue(), current.remove(m.getKey()));
      }
    }
    if (!blocked.isEmpty()) {
      diags.add(Diagnostic.warning("Unresolved resource instance address changes",
          "kplan tried to adjust resource instance addresses in the prior state based on change information"
              + " recorded in the configuration, but some adjustments did not succeed due to existing objects already"
              + " at the intended addresses:\n  - " + String.join("\n  - ", blocked) + "\n\nkplan has planned to"
              + " destroy these objects. If kplan's proposed changes aren't appropriate, you must first resolve the"
              + " conflicts by hand and then create a new plan.", null));
    }
    Map<ResourceAddress, ResourceAddress> moved = new TreeMap<>();
    current.forEach((now, was) -> {
      if (!now.equals(was)) {
        moved.put(was, now);
      }
    });
    return new Result(moved, diags);
  }

  /** True when {@code from} names something the module still declares, with the right kind of key. */
  private static boolean stillDeclared(Module m, Targetable from) {
    if (from instanceof ResourceAddress r) {
      Module holder = m;
      for (ModuleStep s : r.module()) {
        ModuleCall c = holder.call(s.name());
        if (c == null || c.module() == null || !keyFits(c.count() != null, c.forEach() != null, s.key())) {
          return false;
        }
        holder = c.module();
      }
      ResourceBlock rb = holder.resource(r);
      return rb != null && (r.key() instanceof InstanceKey.None || keyFits(rb.count() != null, rb.forEach() != null,
          r.key()));
    }
    List<ModuleStep> steps = ((ModuleAddress) from).steps();
    Module holder = m;
    for (int i = 0; i < steps.size(); i++) {
      ModuleCall c = holder.call(steps.get(i).name());
      boolean last = i == steps.size() - 1;
      if (c == null || c.module() == null) {
        return false;
      }
      if (!(last && steps.get(i).key() instanceof InstanceKey.None)
          && !keyFits(c.count() != null, c.forEach() != null, steps.get(i).key())) {
        return false;
      }
      holder = c.module();
    }
    return true;
  }

  private static boolean keyFits(boolean count, boolean forEach, InstanceKey key) {
    if (key instanceof InstanceKey.IntKey) {
      return count;
    }
    if (key instanceof InstanceKey.StringKey) {
      return forEach;
    }
    return !count && !forEach;
  }

  /** Statements so that one whose {@code to} is another's {@code from} comes first; null on a cycle. */
  private static List<Statement> order(List<Statement> statements, List<Diagnostic> diags) {
    Map<String, List<Statement>> byFrom = new HashMap<>();
    for (Statement s : statements) {
      byFrom.computeIfAbsent(s.key(s.block().from()), k -> new ArrayList<>()).add(s);
    }
    List<Statement> out = new ArrayList<>();
    Map<Statement, Integer> state = new HashMap<>(); // 1 visiting, 2 done
    for (Statement s : statements) {
      List<Statement> path = new ArrayList<>();
      if (!visit(s, byFrom, state, out, path)) {
        Set<String> members = new TreeSet<>();
        path.forEach(p -> members.add(p.block().from() + " → " + p.block().to()));
        diags.add(Diagnostic.error("Cyclic dependency in move statements",
            "The following moved statements form a cycle, so there is no final location to move objects to:\n  - "
                + String.join("\n  - ", members) + "\n\nA chain of move statements must end with an address that"
                + " doesn't appear in any other statements' \"from\" argument.", s.block().range()));
        return null;
      }
    }
    return out;
  }

  private static boolean visit(Statement s, Map<String, List<Statement>> byFrom, Map<Statement, Integer> state,
      List<Statement> out, List<Statement> path) {
    Integer st = state.get(s);
    if (st != null) {
      if (st == 1) {
        List<Statement> cycle = new ArrayList<>(path.subList(path.indexOf(s), path.size()));
        path.clear();
        path.addAll(cycle);
        return false;
      }
      return true;
    }
    state.put(s, 1);
    path.add(s);
    // the statements that move on what this one produces run after it (a → b before b → c)
    for (Statement next : byFrom.getOrDefault(s.key(s.block().to()), List.of())) {
      if (!visit(next, byFrom, state, out, path)) {
        return false;
      }
    }
    path.remove(path.size() - 1);
    state.put(s, 2);
    out.add(0, s);
    return true;
  }

  /** Where statement {@code s} moves the stored address {@code a}, or null when it does not apply to it. */
  static ResourceAddress rewrite(Statement s, ResourceAddress a) {
    List<String> declaring = s.module();
    if (a.module().size() < declaring.size()) {
      return null;
    }
    for (int i = 0; i < declaring.size(); i++) {
      if (!a.module().get(i).name().equals(declaring.get(i))) {
        return null;
      }
    }
    List<ModuleStep> prefix = a.module().subList(0, declaring.size());
    ResourceAddress rel = new ResourceAddress(a.module().subList(declaring.size(), a.module().size()), a.mode(),
        a.type(), a.name(), a.key());
    ResourceAddress moved = null;
    Targetable from = s.block().from();
    Targetable to = s.block().to();
    if (from instanceof ResourceAddress f && to instanceof ResourceAddress t) {
      if (!rel.module().equals(f.module()) || rel.mode() != f.mode() || !rel.type().equals(f.type())
          || !rel.name().equals(f.name())) {
        return null;
      }
      if (f.key() instanceof InstanceKey.None && t.key() instanceof InstanceKey.None) {
        moved = t.instance(rel.key()); // the whole resource: every instance keeps its key
      } else if (rel.key().equals(f.key())) {
        moved = t;
      }
    } else {
      List<ModuleStep> fs = ((ModuleAddress) from).steps();
      List<ModuleStep> ts = ((ModuleAddress) to).steps();
      if (rel.module().size() < fs.size()) {
        return null;
      }
      boolean wholeCall = fs.get(fs.size() - 1).key() instanceof InstanceKey.None
          && ts.get(ts.size() - 1).key() instanceof InstanceKey.None;
      for (int i = 0; i < fs.size(); i++) {
        ModuleStep want = fs.get(i);
        ModuleStep got = rel.module().get(i);
        boolean anyKey = wholeCall && i == fs.size() - 1;
        if (!want.name().equals(got.name()) || (!anyKey && !want.key().equals(got.key()))) {
          return null;
        }
      }
      List<ModuleStep> steps = new ArrayList<>(ts);
      if (wholeCall) {
        ModuleStep last = steps.remove(steps.size() - 1);
        steps.add(new ModuleStep(last.name(), rel.module().get(fs.size() - 1).key()));
      }
      steps.addAll(rel.module().subList(fs.size(), rel.module().size()));
      moved = new ResourceAddress(steps, rel.mode(), rel.type(), rel.name(), rel.key());
    }
    return moved == null ? null : moved.inModule(prefix);
  }
}
