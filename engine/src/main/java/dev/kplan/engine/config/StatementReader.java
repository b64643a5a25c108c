package dev.kplan.engine.config;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.ResourceMode;
import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.ParenExpr;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.value.BoolValue;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the {@code import} and {@code removed} blocks, whose addresses are static references. */
final class StatementReader {
  private StatementReader() {}

  static final BodySchema IMPORT = new BodySchema(Set.of("to", "id", "provider"), Set.of("to", "id"), Map.of());

  private static final BodySchema REMOVED_LIFECYCLE = new BodySchema(Set.of("destroy"), Set.of("destroy"), Map.of());

  static final BodySchema REMOVED = new BodySchema(Set.of("from"), Set.of("from"),
      Map.of("lifecycle", new BodySchema.BlockType(List.of(), REMOVED_LIFECYCLE)));

  static ImportBlock importBlock(Block b, Map<String, String> sources, List<Diagnostic> diags) {
    diags.addAll(BodyChecker.check(b.body(), IMPORT, b));
    Attribute to = b.body().attribute("to");
    Attribute id = b.body().attribute("id");
    if (to == null || id == null) {
      return null;
    }
    ResourceAddress addr = address(to, sources, diags);
    if (addr == null) {
      return null;
    }
    if (addr.mode() == ResourceMode.DATA) {
      diags.add(Diagnostic.error("Invalid import address",
          "Only managed resources can be imported; " + addr + " is a data source.", to.expr().range()));
      return null;
    }
    return new ImportBlock(addr, id.expr(), b.definitionRange());
  }

  static RemovedBlock removed(Block b, Map<String, String> sources, List<Diagnostic> diags) {
    diags.addAll(BodyChecker.check(b.body(), REMOVED, b));
    Attribute from = b.body().attribute("from");
    if (from == null) {
      return null;
    }
    ResourceAddress addr = address(from, sources, diags);
    if (addr == null) {
      return null;
    }
    boolean destroy = true;
    for (Block lc : b.body().blocks("lifecycle")) {
      Attribute d = lc.body().attribute("destroy");
      if (d == null) {
        continue;
      }
      if (d.expr() instanceof dev.kplan.lang.ast.LiteralExpr l && l.value() instanceof BoolValue v) {
        destroy = v.value();
      } else {
        diags.add(Diagnostic.error("Invalid value for \"destroy\"",
            "The \"destroy\" argument must be either true or false.", d.expr().range()));
      }
    }
    return new RemovedBlock(addr, destroy, b.definitionRange());
  }

  /**
   * An import needs the resource it imports into to be configured; a removed block must name a
   * resource the configuration no longer has. Addresses inside module calls are left to planning.
   */
  static void checkTargets(List<ImportBlock> imports, List<RemovedBlock> removed, List<ResourceBlock> resources,
      List<Diagnostic> diags) {
    Set<ResourceAddress> configured = new java.util.HashSet<>();
    for (ResourceBlock r : resources) {
      configured.add(r.address());
    }
    Set<ResourceAddress> seen = new java.util.HashSet<>();
    for (ImportBlock ib : imports) {
      if (ib.to().module().isEmpty() && !configured.contains(ib.to().resource())) {
        diags.add(Diagnostic.error("Configuration for import target does not exist",
            "The configuration for the given import target " + ib.to() + " does not exist. All target instances must"
                + " have an associated configuration to be imported.", ib.range()));
      } else if (!seen.add(ib.to())) {
        diags.add(Diagnostic.error("Duplicate import configuration for \"" + ib.to() + "\"",
            "An import block for the resource \"" + ib.to() + "\" was already declared.", ib.range()));
      }
    }
    for (RemovedBlock rb : removed) {
      if (rb.from().module().isEmpty() && configured.contains(rb.from().resource())) {
        diags.add(Diagnostic.error("Removed resource still exists",
            "This statement declares that " + rb.from() + " was removed, but it is still declared in configuration.",
            rb.range()));
      }
    }
  }

  /** A static reference to a resource or one of its instances, read from the source text it was written in. */
  private static ResourceAddress address(Attribute a, Map<String, String> sources, List<Diagnostic> diags) {
    Expr e = a.expr();
    while (e instanceof ParenExpr p) {
      e = p.inner();
    }
    String text = e instanceof TraversalExpr && e.range() != null ? sources.get(e.range().file()) : null;
    if (text != null) {
      AddressParser.Result<ResourceAddress> parsed =
          ResourceAddress.parse(text.substring(e.range().startOffset(), e.range().endOffset()));
      if (parsed.ok()) {
        return parsed.value();
      }
    }
    diags.add(Diagnostic.error("Invalid address",
        "The \"" + a.name() + "\" argument must be a static reference to a resource or resource instance, like"
            + " local_file.a or local_file.b[\"key\"].", a.expr().range()));
    return null;
  }
}
