package dev.kplan.engine.ops;

import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.config.ImportBlock;
import dev.kplan.engine.config.Module;
import dev.kplan.engine.config.ResourceBlock;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.ResourceChange;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.state.StateSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kplan import ADDR ID} on top of import blocks: the command adds one block to the root
 * module, plans only that instance, and keeps of the plan just the import, as the object was read
 * (as Terraform's import command: whatever the configuration would change shows in the next plan).
 */
final class ImportOnly {
  private ImportOnly() {}

  static Module withImport(Module m, ImportBlock block) {
    List<ImportBlock> imports = new ArrayList<>(m.imports());
    imports.add(block);
    return new Module(m.dir(), m.variables(), m.locals(), m.providers(), m.resources(), m.outputs(), m.calls(),
        m.moved(), m.sources(), imports, m.removed());
  }

  /** Why {@code to} cannot be imported (already managed, a data source, not configured), or null. */
  static Diagnostic check(Module root, StateSnapshot state, ResourceAddress to) {
    if (to.mode() != dev.kplan.engine.addrs.ResourceMode.MANAGED) {
      return Diagnostic.error("Invalid import address", "Only managed resources can be imported; " + to
          + " is a data source.", null);
    }
    if (state.resources().containsKey(to.toString())) {
      return Diagnostic.error("Resource already managed by kplan", "kplan is already managing a remote object for "
          + to + ". To import to this address you must first remove the existing object from the state"
          + " (\"kplan state rm " + to + "\").", null);
    }
    Module m = root;
    for (var step : to.module()) {
      var call = m.call(step.name());
      if (call == null || call.module() == null) {
        return notConfigured(to);
      }
      m = call.module();
    }
    for (ResourceBlock rb : m.resources()) {
      if (rb.address().equals(new ResourceAddress(List.of(), to.mode(), to.type(), to.name(),
          dev.kplan.engine.addrs.InstanceKey.NONE))) {
        return null;
      }
    }
    return notConfigured(to);
  }

  private static Diagnostic notConfigured(ResourceAddress to) {
    return Diagnostic.error("Configuration for import target does not exist", "The configuration for the given"
        + " import target " + to + " does not exist. Add a resource block for it (resource \"" + to.type() + "\" \""
        + to.name() + "\" { … }) and import again.", null);
  }

  /** The plan with only the import of {@code to}, as read; null when the plan does not import it. */
  static Plan adoptOnly(Plan plan, ResourceAddress to) {
    ResourceChange c = plan.change(to);
    if (c == null || c.importing() == null) {
      return null;
    }
    ResourceChange adopt = new ResourceChange(c.address(), Action.NO_OP, c.before(), c.before(), List.of(), c.reason(),
        c.provider(), c.config(), c.plannedPrivate(), c.dependencies(), null, c.importing(), null);
    return new Plan(plan.mode(), List.of(adopt), List.of(), plan.outputs(), Diagnostics.NONE, plan.priorSerial(),
        plan.lineage());
  }
}
