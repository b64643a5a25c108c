package dev.kplan.engine.planner;

import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.config.ImportBlock;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.eval.EvalContext;
import dev.kplan.lang.eval.EvalResult;
import dev.kplan.lang.eval.Evaluator;
import dev.kplan.lang.types.Type;
import dev.kplan.lang.value.JsonCodec;
import dev.kplan.lang.value.JsonCodecException;
import dev.kplan.lang.value.StringValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ImportRequest;
import dev.kplan.provider.ImportResult;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ReadRequest;
import dev.kplan.provider.ReadResult;
import dev.kplan.provider.ResourceSchema;
import java.util.List;

/**
 * Brings an existing object in for an {@code import} block, as Terraform's plan does: the id is
 * evaluated (it must be known now), the provider imports the object by it, then reads it, and the
 * instance is planned against what was read as if it had been stored.
 */
final class ImportStep {
  private ImportStep() {}

  /** The imported object (typed by the schema) with its id, or null when that failed (reported in {@code diags}). */
  record Imported(String id, Value value, String privateData) {}

  static Imported run(ImportBlock block, ResourceAddress instance, ResourceSchema schema, Provider provider,
      EvalContext ctx, List<Diagnostic> diags) {
    EvalResult r = Evaluator.evaluate(block.id(), ctx);
    diags.addAll(r.diagnostics().items());
    if (r.hasErrors()) {
      return null;
    }
    if (!r.value().isKnown() || !(r.value().unmarked() instanceof StringValue s) || s.value().isEmpty()) {
      diags.add(Diagnostic.error("Invalid import id argument",
          "The import block \"id\" argument must be a non-empty string known during planning"
              + (r.value().isKnown() ? "." : "; this one depends on values known only after apply."),
          block.id().range()));
      return null;
    }
    String id = s.value();
    ImportResult ir = provider.importResource(new ImportRequest(instance.type(), id));
    for (Diagnostic d : ir.diagnostics().items()) {
      diags.add(d.subject() == null ? new Diagnostic(d.severity(), d.summary(),
          d.detail() + (d.detail().isEmpty() ? "" : "\n\n") + "While importing " + instance + " (id \"" + id + "\").",
          block.range(), null) : d);
    }
    if (ir.diagnostics().hasErrors()) {
      return null;
    }
    if (ir.imported().size() != 1) {
      diags.add(Diagnostic.error("Invalid import result",
          "The provider returned " + ir.imported().size() + " objects for the import of " + instance + " (id \"" + id
              + "\"); exactly one is expected.", block.range()));
      return null;
    }
    Type type = schema.block().impliedType();
    Value value;
    try {
      value = JsonCodec.decode(JsonCodec.encode(ir.imported().get(0), type), type);
    } catch (JsonCodecException e) {
      diags.add(Diagnostic.error("Provider produced invalid object",
          "The object imported for " + instance + " does not match the schema of \"" + instance.type() + "\": "
              + e.getMessage() + ".", block.range()));
      return null;
    }
    ReadResult rr = provider.read(new ReadRequest(instance.type(),
        List.of(new ReadRequest.Instance(instance.toString(), value, null))));
    diags.addAll(rr.diagnostics().items());
    if (rr.diagnostics().hasErrors()) {
      return null;
    }
    if (rr.instances().size() == 1) {
      ReadResult.Instance live = rr.instances().get(0);
      if (live.gone()) {
        diags.add(Diagnostic.error("Cannot import non-existent remote object",
            "While attempting to import an existing object to " + instance + ", the provider detected that no object"
                + " exists with the given id \"" + id + "\".", block.range()));
        return null;
      }
      return new Imported(id, live.liveState(), live.privateData());
    }
    return new Imported(id, value, null);
  }
}
