package dev.kplan.engine.config;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.InstanceKey;
import dev.kplan.engine.addrs.ModuleAddress;
import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.Targetable;
import dev.kplan.lang.ast.Attribute;
import dev.kplan.lang.ast.Block;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.ast.BodyItem;
import dev.kplan.lang.ast.Expr;
import dev.kplan.lang.ast.LiteralExpr;
import dev.kplan.lang.ast.ObjectExpr;
import dev.kplan.lang.ast.ParenExpr;
import dev.kplan.lang.ast.TraversalExpr;
import dev.kplan.lang.ast.Traverser;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.SourceRange;
import dev.kplan.lang.value.NumberValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code module} and {@code moved} blocks. */
final class ModuleCallReader {
  private ModuleCallReader() {}

  /** The arguments a module block takes besides the child's input variables. */
  static final Set<String> META_ARGUMENTS = Set.of("source", "version", "count", "for_each", "depends_on", "providers");

  private static final BodySchema MOVED = new BodySchema(Set.of("from", "to"), Set.of("from", "to"), Map.of());

  static ModuleCall call(Block b, List<Diagnostic> diags) {
    String name = b.labels().get(0);
    if (!BlockReader.isIdentifier(name)) {
      diags.add(Diagnostic.error("Invalid module instance name",
          "A name must start with a letter or underscore and may contain only letters, digits, underscores,"
              + " and dashes.", b.labelRanges().get(0)));
    }
    String source = null;
    Expr count = null;
    Expr forEach = null;
    List<TraversalExpr> dependsOn = List.of();
    Map<ProviderAddress, ProviderAddress> providers = new LinkedHashMap<>();
    List<BodyItem> args = new ArrayList<>();
    for (BodyItem item : b.body().items()) {
      if (item instanceof Block nested) {
        diags.add(Diagnostic.error("Unsupported block type",
            "Blocks of type \"" + nested.type() + "\" are not expected here.", nested.typeRange()));
        continue;
      }
      Attribute a = (Attribute) item;
      switch (a.name()) {
        case "source" -> {
          if (unwrap(a.expr()) instanceof LiteralExpr l && l.value() instanceof StringValue s) {
            source = s.value();
          } else {
            diags.add(Diagnostic.error("Invalid module source",
                "The module source must be a literal string: it is read before any expression is evaluated.",
                a.expr().range()));
            source = "";
          }
        }
        case "version" -> diags.add(Diagnostic.error("Invalid version constraint",
            "Cannot apply a version constraint to module \"" + name + "\" because it has a local source: a local"
                + " module is always used exactly as it is in its folder.", a.nameRange()));
        case "count" -> count = a.expr();
        case "for_each" -> forEach = a.expr();
        case "depends_on" -> dependsOn = BlockReader.staticReferences(a, diags);
        case "providers" -> providers.putAll(providerMap(a, diags));
        default -> args.add(a);
      }
    }
    if (source == null) {
      diags.add(Diagnostic.error("Missing required argument",
          "The argument \"source\" is required, but no definition was found.",
          b.openBraceRange() == null ? b.range() : b.openBraceRange()));
      source = "";
    }
    if (count != null && forEach != null) {
      diags.add(Diagnostic.error("Invalid combination of \"count\" and \"for_each\"",
          "The \"count\" and \"for_each\" meta-arguments are mutually-exclusive, only one should be used to be"
              + " explicit about the number of module instances to be created.", forEach.range()));
    }
    return new ModuleCall(name, source, new Body(args, b.body().range()), count, forEach, dependsOn, providers,
        b.definitionRange(), null);
  }

  /** {@code providers = { aws = aws.west, aws.east = aws }}: child configuration → parent configuration. */
  private static Map<ProviderAddress, ProviderAddress> providerMap(Attribute a, List<Diagnostic> diags) {
    Map<ProviderAddress, ProviderAddress> out = new LinkedHashMap<>();
    if (!(unwrap(a.expr()) instanceof ObjectExpr o)) {
      diags.add(Diagnostic.error("Invalid providers argument",
          "The providers argument requires a map of provider configuration names, like"
              + " { aws = aws.west }.", a.expr().range()));
      return out;
    }
    for (ObjectExpr.Item item : o.items()) {
      ProviderAddress child = providerRef(item.key(), diags);
      ProviderAddress parent = providerRef(item.value(), diags);
      if (child != null && parent != null) {
        if (out.putIfAbsent(child, parent) != null) {
          diags.add(Diagnostic.error("Duplicate provider address",
              "The provider configuration \"" + child.configText() + "\" is passed more than once.", item.range()));
        }
      }
    }
    return out;
  }

  private static ProviderAddress providerRef(Expr e, List<Diagnostic> diags) {
    Expr x = unwrap(e);
    if (x instanceof LiteralExpr l && l.value() instanceof StringValue s && BlockReader.isIdentifier(s.value())) {
      return ProviderAddress.of(s.value()); // a bare key: { aws = … }
    }
    if (x instanceof TraversalExpr t && t.steps().size() <= 1
        && (t.steps().isEmpty() || t.steps().get(0) instanceof Traverser.GetAttr)) {
      return new ProviderAddress(t.root(), t.steps().isEmpty() ? null : ((Traverser.GetAttr) t.steps().get(0)).name());
    }
    diags.add(Diagnostic.error("Invalid provider configuration reference",
        "A provider configuration reference has the form NAME or NAME.ALIAS, like \"aws.west\".", e.range()));
    return null;
  }

  static MovedBlock moved(Block b, List<Diagnostic> diags) {
    List<Diagnostic> local = new ArrayList<>(BodyChecker.check(b.body(), MOVED, b));
    Attribute from = b.body().attribute("from");
    Attribute to = b.body().attribute("to");
    Targetable f = from == null ? null : endpoint(from, local);
    Targetable t = to == null ? null : endpoint(to, local);
    diags.addAll(local);
    if (f == null || t == null) {
      return null;
    }
    boolean fromModule = f instanceof ModuleAddress;
    if (fromModule != (t instanceof ModuleAddress)) {
      diags.add(Diagnostic.error("Invalid \"moved\" addresses",
          "Cannot move " + f + " to " + t + ": the target address must be of the same kind as the origin (both "
              + "modules, or both resources).", b.definitionRange()));
      return null;
    }
    if (f instanceof ResourceAddress fr && t instanceof ResourceAddress tr) {
      if (!fr.type().equals(tr.type()) || fr.mode() != tr.mode()) {
        diags.add(Diagnostic.error("Resource type mismatch",
            "This statement declares a move from " + fr + " to " + tr + ", which is a " + (tr.mode() == fr.mode()
                ? "resource of a different type" : "different resource mode") + ".", to.expr().range()));
        return null;
      }
      if (fr.mode() != dev.kplan.engine.addrs.ResourceMode.MANAGED) {
        diags.add(Diagnostic.error("Invalid \"moved\" address",
            "Data sources cannot be moved: they are read afresh on every plan.", from.expr().range()));
        return null;
      }
    }
    if (f.equals(t)) {
      diags.add(Diagnostic.error("Redundant move statement",
          "This statement declares a move from " + f + " to the same address.", b.definitionRange()));
      return null;
    }
    return new MovedBlock(f, t, from.expr().range(), to.expr().range(), b.definitionRange());
  }

  /** A moved endpoint: a static reference such as {@code module.a["x"].local_file.f[0]}, read as an address. */
  private static Targetable endpoint(Attribute a, List<Diagnostic> diags) {
    if (!(unwrap(a.expr()) instanceof TraversalExpr t)) {
      diags.add(Diagnostic.error("Invalid address",
          "A moved endpoint must be a static address, like local_file.a or module.b[\"x\"].", a.expr().range()));
      return null;
    }
    StringBuilder text = new StringBuilder(t.root());
    for (Traverser s : t.steps()) {
      if (s instanceof Traverser.GetAttr g) {
        text.append('.').append(g.name());
      } else {
        Value k = ((Traverser.Index) s).key();
        if (k instanceof NumberValue n && n.isInteger()) {
          text.append(InstanceKey.of(n.value().intValueExact()).text());
        } else if (k instanceof StringValue sv) {
          text.append(InstanceKey.of(sv.value()).text());
        } else {
          diags.add(Diagnostic.error("Invalid address", "An instance key must be a whole number or a string.",
              s.range()));
          return null;
        }
      }
    }
    AddressParser.Result<Targetable> r = Targetable.parse(text.toString());
    if (!r.ok()) {
      for (Diagnostic d : r.diagnostics().items()) {
        diags.add(Diagnostic.error(d.summary(), d.detail(), a.expr().range()));
      }
    }
    return r.value();
  }

  private static Expr unwrap(Expr e) {
    return e instanceof ParenExpr p ? unwrap(p.inner()) : e;
  }

  static SourceRange at(Block b) {
    return b.definitionRange();
  }
}
