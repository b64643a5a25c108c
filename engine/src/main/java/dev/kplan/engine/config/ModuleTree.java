package dev.kplan.engine.config;

import dev.kplan.engine.addrs.ProviderAddress;
import java.util.ArrayList;
import java.util.List;

/** Walks a root module's tree of child modules and resolves which provider configuration serves a module. */
public final class ModuleTree {
  private ModuleTree() {}

  /** A module of the tree: its configuration path (call names from the root) and the call that loads it. */
  public record Entry(List<String> path, Module module, ModuleCall call) {
    public Entry {
      path = List.copyOf(path);
    }
  }

  /** The root, then each child after its parent, in declaration order. */
  public static List<Entry> walk(Module root) {
    List<Entry> out = new ArrayList<>();
    walk(root, List.of(), null, out);
    return out;
  }

  private static void walk(Module m, List<String> path, ModuleCall call, List<Entry> out) {
    out.add(new Entry(path, m, call));
    for (ModuleCall c : m.calls()) {
      if (c.module() != null) {
        List<String> child = new ArrayList<>(path);
        child.add(c.name());
        walk(c.module(), child, c, out);
      }
    }
  }

  /**
   * The configuration that serves {@code local} (as named in the module at {@code path}): one the
   * module declares; else the one its call passes in with {@code providers}; else, for a default
   * (unaliased) configuration, the parent's, as Terraform inherits it. Null when an alias is
   * neither declared nor passed in.
   */
  public static ProviderAddress resolveProvider(Module root, List<String> path, ProviderAddress local) {
    Module m = root.descendant(path);
    if (m != null && m.provider(local.local()) != null) {
      return local.local().inModule(path);
    }
    if (path.isEmpty()) {
      return local.local();
    }
    List<String> parentPath = path.subList(0, path.size() - 1);
    Module parent = root.descendant(parentPath);
    ModuleCall call = parent == null ? null : parent.call(path.get(path.size() - 1));
    ProviderAddress mapped = call == null ? null : call.providers().get(local.local());
    if (mapped != null) {
      return resolveProvider(root, parentPath, mapped);
    }
    return local.alias() == null ? resolveProvider(root, parentPath, local) : null;
  }

  /** Every provider configuration the tree uses: those declared, and those its resources resolve to. */
  public static java.util.SortedSet<ProviderAddress> providers(Module root) {
    java.util.SortedSet<ProviderAddress> out = new java.util.TreeSet<>();
    for (Entry e : walk(root)) {
      for (ResourceBlock rb : e.module().resources()) {
        ProviderAddress pa = resolveProvider(root, e.path(), rb.provider());
        if (pa != null) {
          out.add(pa);
        }
      }
      for (ProviderBlock pb : e.module().providers()) {
        out.add(pb.address().inModule(e.path()));
      }
    }
    return out;
  }
}
