package dev.kplan.provider.local;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.ConfigureRequest;
import dev.kplan.provider.ConfigureResult;
import dev.kplan.provider.ImportRequest;
import dev.kplan.provider.ImportResult;
import dev.kplan.provider.PlanRequest;
import dev.kplan.provider.PlanResult;
import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderException;
import dev.kplan.provider.ProviderSchema;
import dev.kplan.provider.ReadDataRequest;
import dev.kplan.provider.ReadDataResult;
import dev.kplan.provider.ReadRequest;
import dev.kplan.provider.ReadResult;
import dev.kplan.provider.ResourceSchema;
import dev.kplan.provider.ValidateRequest;
import dev.kplan.provider.ValidateResult;
import java.nio.file.InvalidPathException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The provider for one {@link Family}: dispatches each call to the type it names. Before
 * {@link #configure} (or when {@code base_dir} is null) relative file names start at the JVM's
 * working directory. Thread-safe: the types are stateless and the workspace is swapped whole.
 */
public final class LocalProvider implements Provider {
  private final Family family;
  private final Map<String, ManagedType> resources = new LinkedHashMap<>();
  private final Map<String, FileDataSource> dataSources = new LinkedHashMap<>();
  private final ProviderSchema schema;
  private volatile Workspace workspace = Workspace.current();

  LocalProvider(Family family) {
    this.family = family;
    Map<String, ResourceSchema> resourceSchemas = new LinkedHashMap<>();
    Map<String, ResourceSchema> dataSchemas = new LinkedHashMap<>();
    for (ManagedType t : family.resources()) {
      resources.put(t.name(), t);
      resourceSchemas.put(t.name(), t.schema());
    }
    for (FileDataSource d : family.dataSources()) {
      dataSources.put(d.name(), d);
      dataSchemas.put(d.name(), d.schema());
    }
    this.schema = new ProviderSchema(family.config(), resourceSchemas, dataSchemas);
  }

  @Override
  public ProviderSchema schema() {
    return schema;
  }

  @Override
  public ConfigureResult configure(ConfigureRequest request) {
    if (family != Family.LOCAL || request.config().isNull()) {
      return new ConfigureResult(Diagnostics.NONE);
    }
    Value baseDir = Attrs.get(Attrs.plain(request.config()), "base_dir");
    if (!baseDir.isKnown()) {
      return new ConfigureResult(Diagnostics.of(Diagnostic.error("Unknown base_dir",
          "The local provider's base_dir must be known when planning; it cannot depend on a resource.", null)));
    }
    String text = Attrs.string(Attrs.plain(request.config()), "base_dir");
    if (text != null) {
      try {
        workspace = new Workspace(Workspace.current().resolve(text));
      } catch (InvalidPathException e) {
        return new ConfigureResult(Diagnostics.of(Diagnostic.error("Invalid base_dir",
            "\"" + text + "\" is not a path: " + e.getMessage(), null)));
      }
    }
    return new ConfigureResult(Diagnostics.NONE);
  }

  @Override
  public ValidateResult validate(ValidateRequest request) {
    return new ValidateResult(type(request.typeName()).validate(Attrs.plain(request.config())));
  }

  @Override
  public ReadResult read(ReadRequest request) {
    ManagedType type = type(request.typeName());
    Workspace ws = workspace;
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<ReadResult.Instance> out = new ArrayList<>();
    for (ReadRequest.Instance i : request.instances()) {
      Value live = i.priorState().isNull() ? i.priorState() : type.read(Attrs.plain(i.priorState()), ws, diagnostics);
      out.add(new ReadResult.Instance(i.address(), live, i.privateData(), List.of()));
    }
    return new ReadResult(out, Diagnostics.of(diagnostics));
  }

  @Override
  public PlanResult plan(PlanRequest request) {
    ManagedType type = type(request.typeName());
    if (request.proposedNewState().isNull()) {
      return new PlanResult(request.proposedNewState(), List.of(), null, Diagnostics.NONE);
    }
    return type.plan(request, workspace);
  }

  @Override
  public ApplyResult apply(ApplyRequest request) {
    ManagedType type = type(request.typeName());
    if (!request.isDelete()) {
      // computed attributes may still be unknown (apply decides them); arguments may not
      ObjectValue planned = Attrs.plain(request.plannedState());
      type.schema().block().attributes().forEach((name, a) -> {
        if ((a.required() || a.optional()) && !Attrs.get(planned, name).isWhollyKnown()) {
          throw new ProviderException(ProviderException.Code.PROVIDER_BUG,
              request.typeName() + ": argument \"" + name + "\" is still unknown at apply; plan again with known values");
        }
      });
    }
    return type.apply(request, workspace);
  }

  @Override
  public ImportResult importResource(ImportRequest request) {
    return type(request.typeName()).importResource(request.id(), workspace);
  }

  @Override
  public dev.kplan.provider.IdentityResult plannedIdentity(dev.kplan.provider.IdentityRequest request) {
    return type(request.typeName()).identity(Attrs.plain(request.plannedState()), workspace);
  }

  @Override
  public dev.kplan.provider.LookupResult lookup(dev.kplan.provider.LookupRequest request) {
    return type(request.typeName()).lookup(request.identity(), workspace);
  }

  @Override
  public ReadDataResult readData(ReadDataRequest request) {
    FileDataSource source = dataSources.get(request.typeName());
    if (source == null) {
      throw new ProviderException(ProviderException.Code.UNKNOWN_TYPE,
          "provider \"" + family.providerName() + "\" has no data source \"" + request.typeName() + "\"");
    }
    ObjectValue config = Attrs.plain(request.config());
    return source.read(config, workspace);
  }

  private ManagedType type(String typeName) {
    ManagedType t = resources.get(typeName);
    if (t == null) {
      throw new ProviderException(ProviderException.Code.UNKNOWN_TYPE,
          "provider \"" + family.providerName() + "\" has no resource type \"" + typeName + "\"");
    }
    return t;
  }
}
