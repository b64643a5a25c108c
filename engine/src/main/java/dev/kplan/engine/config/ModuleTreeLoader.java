package dev.kplan.engine.config;

import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.diag.Suggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads a root module and, recursively, the child modules its {@code module} blocks call. Only
 * local sources ({@code ./…}, {@code ../…}) are read; each call's arguments are checked against
 * the child's variables, and a module under {@code count}, {@code for_each} or {@code depends_on}
 * may not configure providers, as in Terraform.
 */
final class ModuleTreeLoader {
  private ModuleTreeLoader() {}

  static LoadResult load(Path dir) {
    Path root = dir.toAbsolutePath().normalize();
    List<Diagnostic> diags = new ArrayList<>();
    Map<String, String> sources = new LinkedHashMap<>();
    LoadResult top = ConfigLoader.loadFolder(dir, root);
    Module m = load(top, dir, root, List.of(root), false, diags, sources);
    // the root's kplan block settings are the configuration's (a child's state path means nothing)
    return new LoadResult(new Module(m.dir(), m.variables(), m.locals(), m.providers(), m.resources(), m.outputs(),
        m.calls(), m.moved(), sources, m.imports(), m.removed()), Diagnostics.of(diags), top.settings());
  }

  private static Module load(LoadResult r, Path dir, Path root, List<Path> ancestors, boolean expanded,
      List<Diagnostic> diags, Map<String, String> sources) {
    diags.addAll(r.diagnostics().items());
    sources.putAll(r.module().sources());
    Module m = r.module();
    if (ancestors.size() > 1) {
      for (ImportBlock ib : m.imports()) {
        diags.add(Diagnostic.error("Invalid import configuration",
            "An import block was detected in a child module. Import blocks are only allowed in the root module.",
            ib.range()));
      }
    }
    if (expanded) {
      for (ProviderBlock p : m.providers()) {
        diags.add(Diagnostic.error("Module is incompatible with count, for_each, and depends_on",
            "This module contains a provider configuration for \"" + p.address().configText() + "\". Providers cannot"
                + " be configured within modules using count, for_each or depends_on: pass them in with the"
                + " module block's providers argument instead.", p.range()));
      }
    }
    List<ModuleCall> calls = new ArrayList<>();
    for (ModuleCall c : m.calls()) {
      if (c.source().isEmpty()) {
        calls.add(c); // reported when read
        continue;
      }
      if (!(c.source().startsWith("./") || c.source().startsWith("../"))) {
        diags.add(Diagnostic.error("Unsupported module source",
            "Module \"" + c.name() + "\" has source \"" + c.source() + "\", but kplan loads modules from local"
                + " folders only: a source must start with \"./\" or \"../\".", c.range()));
        calls.add(c);
        continue;
      }
      Path childDir = dir.resolve(c.source()).normalize();
      Path abs = childDir.toAbsolutePath().normalize();
      if (!Files.isDirectory(abs)) {
        diags.add(Diagnostic.error("Unreadable module directory",
            "The directory " + c.source() + " of module \"" + c.name() + "\" does not exist or cannot be read.",
            c.range()));
        calls.add(c);
        continue;
      }
      if (ancestors.contains(abs)) {
        diags.add(Diagnostic.error("Module calls itself",
            "Module \"" + c.name() + "\" has source \"" + c.source() + "\", which is a module that (directly or"
                + " through its children) calls this one: the configuration would never end.", c.range()));
        calls.add(c);
        continue;
      }
      List<Path> chain = new ArrayList<>(ancestors);
      chain.add(abs);
      boolean repeated = expanded || c.repeated() || !c.dependsOn().isEmpty();
      Module child = load(ConfigLoader.loadFolder(childDir, root), childDir, root, chain, repeated, diags, sources);
      checkArguments(c, child, diags);
      calls.add(c.withModule(child));
    }
    return new Module(m.dir(), m.variables(), m.locals(), m.providers(), m.resources(), m.outputs(), calls, m.moved(),
        m.sources(), m.imports(), m.removed());
  }

  /** Every argument names a variable of the child; every required variable is set. */
  private static void checkArguments(ModuleCall c, Module child, List<Diagnostic> diags) {
    List<String> names = child.variables().stream().map(Variable::name).toList();
    for (Attribute a : c.arguments().attributes()) {
      if (child.variable(a.name()) == null) {
        diags.add(Diagnostic.error("Unsupported argument",
            "An argument named \"" + a.name() + "\" is not expected here." + Suggestions.didYouMean(a.name(), names),
            a.nameRange()));
      }
    }
    for (Variable v : child.variables()) {
      if (v.required() && c.arguments().attribute(v.name()) == null) {
        diags.add(Diagnostic.error("Missing required argument",
            "The argument \"" + v.name() + "\" is required, but no definition was found: module \"" + c.name()
                + "\" declares variable \"" + v.name() + "\" without a default.", c.range()));
      }
    }
  }
}
