package dev.kplan.engine.ops;

import dev.kplan.engine.addrs.ProviderAddress;
import dev.kplan.engine.config.ImportBlock;
import dev.kplan.engine.config.Module;
import dev.kplan.engine.config.ProviderBlock;
import dev.kplan.engine.config.ResourceBlock;
import dev.kplan.lang.ast.Body;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.eval.EvalContext;
import dev.kplan.lang.eval.EvalResult;
import dev.kplan.lang.eval.Evaluator;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.JsonCodecException;
import dev.kplan.lang.value.Marks;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.GenerateConfigRequest;
import dev.kplan.provider.GenerateConfigResult;
import dev.kplan.provider.ImportRequest;
import dev.kplan.provider.ImportResult;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderException;
import dev.kplan.provider.ReadRequest;
import dev.kplan.provider.ReadResult;
import dev.kplan.provider.ResourceSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code plan -generate-config-out=FILE}, as Terraform 1.5+: for each root {@code import} block whose target
 * has no {@code resource} block, the object is imported and read through its provider (configured by a plan of
 * the rest of the configuration), the provider says what configuration a person would write for it
 * ({@link Provider#generateConfig}), and that becomes a {@code resource} block in FILE.
 */
final class ConfigGeneration {
  private ConfigGeneration() {}

  /** The root module's import blocks whose target has no configuration. */
  static List<ImportBlock> unconfigured(Module root) {
    Set<String> configured = new HashSet<>();
    for (ResourceBlock r : root.resources()) {
      configured.add(r.address().toString());
    }
    List<ImportBlock> out = new ArrayList<>();
    for (ImportBlock ib : root.imports()) {
      if (ib.to().module().isEmpty() && !configured.contains(ib.to().resource().toString())) {
        out.add(ib);
      }
    }
    return out;
  }

  /**
   * {@code root} without {@code imports}: what plans (and so configures providers) before they are generated.
   * A provider that only an import target implies is configured empty, as a resource would imply it.
   */
  static Module without(Module root, List<ImportBlock> imports) {
    List<ImportBlock> kept = new ArrayList<>(root.imports());
    kept.removeAll(imports);
    List<ProviderBlock> providers = new ArrayList<>(root.providers());
    Set<ProviderAddress> declared = new HashSet<>();
    for (ProviderBlock pb : root.providers()) {
      declared.add(pb.address());
    }
    for (ImportBlock ib : imports) {
      ProviderAddress implied = ProviderAddress.implied(ib.to().type());
      if (declared.add(implied)) {
        providers.add(new ProviderBlock(implied, new Body(List.of(), ib.range()), ib.range()));
      }
    }
    return new Module(root.dir(), root.variables(), root.locals(), providers, root.resources(), root.outputs(),
        root.calls(), root.moved(), root.sources(), kept, root.removed());
  }

  /**
   * The resource block for one import, or null when that failed (said in {@code diags}). Sensitive values (those
   * the provider marks, and attributes whose schema says sensitive) become references to variables that
   * {@code secrets} collects; their blocks come first.
   */
  static String block(ImportBlock ib, Map<ProviderAddress, Provider> providers, EvalContext ctx,
      List<Diagnostic> diags, SensitiveVariables secrets, String file) {
    String type = ib.to().type();
    if (!(ib.to().key() instanceof dev.kplan.engine.addrs.InstanceKey.None)) {
      diags.add(Diagnostic.error("Cannot generate configuration for a resource instance",
          "-generate-config-out writes one resource block per import; " + ib.to() + " names an instance of a"
              + " resource with count or for_each. Write that resource block yourself.", ib.range()));
      return null;
    }
    Provider provider = providers.get(ProviderAddress.implied(type));
    ResourceSchema schema = provider == null ? null : provider.schema().resources().get(type);
    if (schema == null) {
      diags.add(Diagnostic.error("No provider for import target",
          "No configured provider serves resource type \"" + type + "\" for " + ib.to() + ". Add its provider block"
              + " (provider \"" + ProviderAddress.implied(type).name() + "\" { … }).", ib.range()));
      return null;
    }
    EvalResult r = Evaluator.evaluate(ib.id(), ctx);
    diags.addAll(r.diagnostics().items());
    if (r.hasErrors()) {
      return null;
    }
    if (!r.value().isKnown() || !(r.value().unmarked() instanceof StringValue s) || s.value().isEmpty()) {
      diags.add(Diagnostic.error("Invalid import id argument", "To generate configuration, the import block \"id\""
          + " argument must be a non-empty string made of literals and variables.", ib.id().range()));
      return null;
    }
    String id = s.value();
    try {
      ImportResult ir = provider.importResource(new ImportRequest(type, id));
      for (Diagnostic d : ir.diagnostics().items()) {
        diags.add(d.subject() == null ? new Diagnostic(d.severity(), d.summary(), d.detail()
            + (d.detail().isEmpty() ? "" : "\n\n") + "While importing " + ib.to() + " (id \"" + id + "\").",
            ib.range(), null) : d);
      }
      if (ir.diagnostics().hasErrors()) {
        return null;
      }
      if (ir.imported().size() != 1) {
        diags.add(Diagnostic.error("Invalid import result", "The provider returned " + ir.imported().size()
            + " objects for the import of " + ib.to() + "; exactly one is expected.", ib.range()));
        return null;
      }
      Type t = schema.block().impliedType();
      Value value = JsonCodec.decode(JsonCodec.encode(ir.imported().get(0), t), t);
      ReadResult rr = provider.read(new ReadRequest(type,
          List.of(new ReadRequest.Instance(ib.to().toString(), value, null))));
      diags.addAll(rr.diagnostics().items());
      if (rr.diagnostics().hasErrors()) {
        return null;
      }
      Value state = rr.instances().size() == 1 ? rr.instances().get(0).liveState() : value;
      if (state.isNull()) {
        diags.add(Diagnostic.error("Cannot import non-existent remote object", "No object exists with the id \"" + id
            + "\" for " + ib.to() + ".", ib.range()));
        return null;
      }
      GenerateConfigResult g = provider.generateConfig(new GenerateConfigRequest(type, state));
      diags.addAll(g.diagnostics().items());
      if (g.diagnostics().hasErrors()) {
        return null;
      }
      Map<String, Value> attributes = new LinkedHashMap<>(
          g.config().unmarked() instanceof ObjectValue o ? o.attributes() : Map.of());
      schema.block().attributes().forEach((name, a) -> {
        if (a.sensitive() && attributes.containsKey(name)) {
          attributes.put(name, attributes.get(name).mark(Marks.SENSITIVE));
        }
      });
      int before = secrets.entries().size();
      String resource = HclValueWriter.resource(type, ib.to().name(), attributes, schema.block(),
          secrets.forResource(ib.to().name(), ib.to().toString(), id));
      return SensitiveVariables.blocks(secrets.since(before), file)
          + "# generated by kplan from the import of \"" + id.replace("\n", " ") + "\"\n" + resource;
    } catch (ProviderException e) {
      diags.add(Diagnostic.error("Cannot generate configuration for " + ib.to(), e.getMessage() + ".", ib.range()));
      return null;
    } catch (JsonCodecException e) {
      diags.add(Diagnostic.error("Provider produced invalid object", "The object imported for " + ib.to()
          + " does not match the schema of \"" + type + "\": " + e.getMessage() + ".", ib.range()));
      return null;
    }
  }
}
