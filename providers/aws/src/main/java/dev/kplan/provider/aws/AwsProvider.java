package dev.kplan.provider.aws;

import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.lang.value.ObjectValue;
import dev.kplan.lang.value.Value;
import dev.kplan.provider.ApplyRequest;
import dev.kplan.provider.ApplyResult;
import dev.kplan.provider.ConfigureRequest;
import dev.kplan.provider.ConfigureResult;
import dev.kplan.provider.GenerateConfigRequest;
import dev.kplan.provider.GenerateConfigResult;
import dev.kplan.provider.UnmanagedRequest;
import dev.kplan.provider.UnmanagedResult;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The AWS provider: dispatches each call to its resource type. Every create and update is followed by a
 * read, so the stored state is what AWS holds. Thread-safe once configured: the SDK clients are.
 */
final class AwsProvider implements Provider {
  private static final int READ_THREADS = 8;
  private static final int READS_PER_SECOND = 50;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AwsProvider.class);

  private final List<ExecutionInterceptor> interceptors;
  private final RequestCounter requests = new RequestCounter();
  private final RefreshMode refreshMode;
  /** Outer threads of the per-resource baseline (separate from the types' own pool, which they may use inside). */
  private volatile ConcurrentReads perResource;
  private final Map<String, ResourceType> types = new LinkedHashMap<>();
  private final ProviderSchema schema;
  private volatile AwsContext context;
  private volatile CloudTrailLookup trail;

  /** {@code interceptors} see every SDK request (tests count them). */
  AwsProvider(List<ExecutionInterceptor> interceptors) {
    this(interceptors, RefreshMode.fromSystem());
  }

  AwsProvider(List<ExecutionInterceptor> interceptors, RefreshMode refreshMode) {
    List<ExecutionInterceptor> all = new ArrayList<>(interceptors);
    all.add(requests);
    this.interceptors = List.copyOf(all);
    this.refreshMode = refreshMode;
    for (ResourceType t : List.of(new VpcResource(), new SubnetResource(), new SecurityGroupResource(),
        new SecurityGroupRuleResource(false), new SecurityGroupRuleResource(true), new S3BucketResource(),
        new S3BucketVersioningResource(), new SqsQueueResource(),
        new S3BucketPublicAccessBlockResource(), new S3BucketPolicyResource(), new S3BucketEncryptionResource(),
        new IamRoleResource(), new IamPolicyResource(), new IamRolePolicyResource(), new IamRolePolicyAttachmentResource(),
        new SnsTopicResource(), new SnsTopicSubscriptionResource(), new DynamoDbTableResource(),
        new Route53ZoneResource(), new Route53RecordResource(),
        new InternetGatewayResource(), new RouteTableResource(), new RouteTableAssociationResource(),
        new InstanceResource())) {
      types.put(t.name(), t);
    }
    Map<String, ResourceSchema> resources = new LinkedHashMap<>();
    types.forEach((name, t) -> resources.put(name, t.schema()));
    this.schema = new ProviderSchema(ProviderConfigSchema.schema(), resources, Map.of(
        "aws_caller_identity", DataSources.CALLER_IDENTITY, "aws_region", DataSources.REGION,
        PolicyDocumentDataSource.NAME, PolicyDocumentDataSource.SCHEMA,
        Ec2DataSources.AVAILABILITY_ZONES, Ec2DataSources.AVAILABILITY_ZONES_SCHEMA,
        Ec2DataSources.VPC, Ec2DataSources.VPC_SCHEMA));
  }

  @Override
  public ProviderSchema schema() {
    return schema;
  }

  @Override
  public ConfigureResult configure(ConfigureRequest request) {
    if (!request.config().isWhollyKnown()) {
      return new ConfigureResult(Diagnostics.of(Diagnostic.error("Unknown provider configuration",
          "The aws provider's configuration must be known when planning; it cannot depend on a resource.", null)));
    }
    AwsSettings settings;
    AwsClients clients;
    try {
      settings = AwsSettings.of(Vals.object(request.config()));
      clients = AwsClients.create(settings, interceptors);
    } catch (IllegalArgumentException e) {
      return new ConfigureResult(Diagnostics.of(Diagnostic.error("Invalid aws provider configuration", e.getMessage(), null)));
    } catch (SdkException e) {
      return new ConfigureResult(Diagnostics.of(AwsErrors.diagnostic("configuring the aws provider", e, "AWS")));
    }
    if (!settings.skipCredentialsValidation()) {
      try {
        clients.sts().getCallerIdentity();
      } catch (SdkException e) {
        String endpoint = AwsClients.endpointOf(settings, "sts", clients.region());
        clients.close();
        return new ConfigureResult(Diagnostics.of(
            AwsErrors.diagnostic("checking the credentials (STS GetCallerIdentity)", e, endpoint)));
      }
    }
    AwsContext old = context;
    context = new AwsContext(settings, clients, new ConcurrentReads(READ_THREADS, READS_PER_SECOND));
    trail = settings.cloudTrailAttribution() ? new CloudTrailLookup(clients.cloudtrail()) : null;
    if (old != null) {
      close(old);
    }
    return new ConfigureResult(Diagnostics.NONE);
  }

  @Override
  public ValidateResult validate(ValidateRequest request) {
    return new ValidateResult(type(request.typeName()).validate(Vals.object(request.config())));
  }

  @Override
  public ReadResult read(ReadRequest request) {
    ResourceType type = type(request.typeName());
    AwsContext ctx = context();
    List<ObjectValue> priors = new ArrayList<>();
    for (ReadRequest.Instance i : request.instances()) {
      priors.add(Vals.object(i.priorState()));
    }
    List<Value> live;
    try {
      live = refreshMode == RefreshMode.PER_RESOURCE
          ? perResourceReads().map(priors, p -> type.read(List.of(p), ctx).get(0))
          : type.read(priors, ctx);
    } catch (SdkException e) {
      Diagnostic d = AwsErrors.diagnostic("refreshing " + request.instances().size() + " " + type.name()
          + " instance(s)", e, endpoint(type, ctx));
      return new ReadResult(List.of(), Diagnostics.of(d));
    }
    List<ReadResult.Instance> out = new ArrayList<>();
    for (int i = 0; i < request.instances().size(); i++) {
      ReadRequest.Instance in = request.instances().get(i);
      Value state = in.priorState().isNull() ? in.priorState() : live.get(i);
      out.add(new ReadResult.Instance(in.address(), state, in.privateData(),
          DriftAttributions.of(type, in.priorState(), state, trail)));
    }
    return new ReadResult(out, Diagnostics.NONE);
  }

  @Override
  public PlanResult plan(PlanRequest request) {
    ResourceType type = type(request.typeName());
    AwsContext ctx = context;
    Map<String, String> defaults = ctx == null ? Map.of() : ctx.settings().defaultTags();
    return Planning.plan(type, request, defaults);
  }

  @Override
  public ApplyResult apply(ApplyRequest request) {
    ResourceType type = type(request.typeName());
    AwsContext ctx = context();
    String what = request.address() != null ? request.address() : type.name();
    if (request.isDelete()) {
      try {
        type.delete(Vals.object(request.priorState()), ctx);
      } catch (SdkException e) {
        if (!AwsErrors.notFound(e)) {
          return new ApplyResult(request.priorState(), null,
              Diagnostics.of(AwsErrors.diagnostic("deleting " + what, e, endpoint(type, ctx))));
        }
      }
      return new ApplyResult(Value.nullOf(request.priorState().type()), null, Diagnostics.NONE);
    }
    ObjectValue planned = Vals.object(request.plannedState());
    String id = null;
    try {
      if (request.isCreate()) {
        id = type.create(planned, request.address(), request.identity(), ctx);
      } else {
        id = type.updateInPlace(Vals.object(request.priorState()), planned, request.address(), ctx);
      }
      Value state = readBack(type, planned, id, ctx);
      if (state.isNull()) {
        return new ApplyResult(state, null, Diagnostics.of(Diagnostic.error("Object vanished",
            what + " (" + id + ") was not found right after it was " + (request.isCreate() ? "created" : "updated")
                + ".", null)));
      }
      return new ApplyResult(state, null, Diagnostics.NONE);
    } catch (SdkException e) {
      Diagnostic d = AwsErrors.diagnostic((request.isCreate() ? "creating " : "updating ") + what, e, endpoint(type, ctx));
      Value now = request.isCreate() ? Value.nullOf(request.plannedState().type()) : request.priorState();
      if (id != null && request.isCreate()) {
        // created but a later step failed: record what exists, so that the next plan repairs it
        try {
          now = readBack(type, planned, id, ctx);
        } catch (SdkException again) {
          d = Diagnostic.error(d.summary(), d.detail() + "\n\nThe object " + id + " was created but could not be read;"
              + " it carries the tag " + Tags.ADDRESS + " = " + what + ".", null);
        }
      }
      return new ApplyResult(now, null, Diagnostics.of(d));
    }
  }

  private static Value readBack(ResourceType type, ObjectValue planned, String id, AwsContext ctx) {
    Map<String, Value> prior = new LinkedHashMap<>(planned.attributes());
    prior.put("id", Value.string(id));
    return type.read(List.of(Value.object(prior)), ctx).get(0);
  }

  @Override
  public dev.kplan.provider.IdentityResult plannedIdentity(dev.kplan.provider.IdentityRequest request) {
    ResourceType type = type(request.typeName());
    return type.remote() ? dev.kplan.provider.IdentityResult.remote(type.identity(Vals.object(request.plannedState()),
        request.address())) : dev.kplan.provider.IdentityResult.NO_REMOTE_OBJECT;
  }

  /** The type finds the ids; one is read as an import would, several are for a person to sort out. */
  @Override
  public dev.kplan.provider.LookupResult lookup(dev.kplan.provider.LookupRequest request) {
    ResourceType type = type(request.typeName());
    if (!type.remote()) {
      return dev.kplan.provider.LookupResult.NO_REMOTE_OBJECT;
    }
    AwsContext ctx = context();
    try {
      List<String> ids = type.lookup(request.identity(), ctx);
      if (ids == null) {
        return dev.kplan.provider.LookupResult.UNSUPPORTED;
      }
      if (ids.isEmpty()) {
        return dev.kplan.provider.LookupResult.NOT_FOUND;
      }
      if (ids.size() > 1) {
        return dev.kplan.provider.LookupResult.failed(Diagnostics.of(Diagnostic.error("Several objects found",
            "In " + ctx.region() + ", " + String.join(", ", ids) + " all match " + request.identity() + " of "
                + request.address() + ". Delete the ones that are not wanted, or import one of them with"
                + " \"kplan import " + request.address() + " ID\".", null)));
      }
      Value live = type.read(List.of(type.importPrior(ids.get(0))), ctx).get(0);
      return live.isNull() ? dev.kplan.provider.LookupResult.NOT_FOUND
          : dev.kplan.provider.LookupResult.found(live, null);
    } catch (SdkException e) {
      return dev.kplan.provider.LookupResult.failed(Diagnostics.of(
          AwsErrors.diagnostic("looking up " + request.address(), e, endpoint(type, ctx))));
    }
  }

  @Override
  public ImportResult importResource(ImportRequest request) {
    ResourceType type = type(request.typeName());
    AwsContext ctx = context();
    ObjectValue prior;
    try {
      prior = type.importPrior(request.id());
    } catch (IllegalArgumentException e) {
      return new ImportResult(List.of(), Diagnostics.of(Diagnostic.error("Invalid import id", e.getMessage() + ".", null)));
    }
    try {
      Value live = type.read(List.of(prior), ctx).get(0);
      if (live.isNull()) {
        return new ImportResult(List.of(), Diagnostics.of(Diagnostic.error("Cannot import non-existent remote object",
            "There is no " + type.name() + " with id \"" + request.id() + "\" in " + ctx.region() + ".", null)));
      }
      return new ImportResult(List.of(live), Diagnostics.NONE);
    } catch (SdkException e) {
      return new ImportResult(List.of(), Diagnostics.of(
          AwsErrors.diagnostic("importing " + type.name() + " " + request.id(), e, endpoint(type, ctx))));
    }
  }

  /** The arguments as the state holds them, nested blocks included (the SPI's default leaves blocks out). */
  @Override
  public GenerateConfigResult generateConfig(GenerateConfigRequest request) {
    return new GenerateConfigResult(GeneratedConfig.of(type(request.typeName()), request.state()), Diagnostics.NONE);
  }

  @Override
  public ReadDataResult readData(ReadDataRequest request) {
    if (request.typeName().equals(PolicyDocumentDataSource.NAME)) {
      try {
        return new ReadDataResult(PolicyDocumentDataSource.read(Vals.object(request.config())), Diagnostics.NONE);
      } catch (IllegalArgumentException e) {
        return new ReadDataResult(null, Diagnostics.of(Diagnostic.error("Invalid policy document", e.getMessage(), null)));
      }
    }
    AwsContext ctx = context();
    try {
      switch (request.typeName()) {
        case "aws_caller_identity":
          return new ReadDataResult(DataSources.callerIdentity(ctx), Diagnostics.NONE);
        case "aws_region":
          return new ReadDataResult(DataSources.region(ctx, request.config()), Diagnostics.NONE);
        case Ec2DataSources.AVAILABILITY_ZONES:
          return Ec2DataSources.availabilityZones(ctx, request.config());
        case Ec2DataSources.VPC:
          return Ec2DataSources.vpc(ctx, request.config());
        default:
          throw new ProviderException(ProviderException.Code.UNKNOWN_TYPE,
              "provider \"aws\" has no data source \"" + request.typeName() + "\"");
      }
    } catch (SdkException e) {
      return new ReadDataResult(null, Diagnostics.of(AwsErrors.diagnostic("reading data." + request.typeName(), e,
          AwsClients.endpointOf(ctx.settings(), "sts", ctx.clients().region()))));
    }
  }

  /**
   * The EC2 objects, buckets and queues of this provider's region that none of the managed instances is, when the
   * scopes name the region (see {@link UnmanagedEc2}, {@link UnmanagedStorage}); nothing for other scopes
   * (Kubernetes namespaces, other regions).
   */
  @Override
  public UnmanagedResult listUnmanaged(UnmanagedRequest request) {
    AwsContext ctx = context;
    if (ctx == null || !request.scopes().contains(ctx.region())) {
      return new UnmanagedResult(true, List.of(), Diagnostics.NONE);
    }
    try {
      List<dev.kplan.provider.UnmanagedObject> found = new ArrayList<>(UnmanagedEc2.list(ctx, request.managed()));
      try {
        found.addAll(UnmanagedStorage.list(ctx, request.managed()));
      } catch (SdkException e) {
        return new UnmanagedResult(true, found, Diagnostics.of(AwsErrors.diagnostic("listing the buckets and queues of "
            + ctx.region(), e, AwsClients.endpointOf(ctx.settings(), "s3", ctx.clients().region()))));
      }
      return new UnmanagedResult(true, found, Diagnostics.NONE);
    } catch (SdkException e) {
      return new UnmanagedResult(true, List.of(), Diagnostics.of(AwsErrors.diagnostic(
          "listing the EC2 objects of " + ctx.region(), e, AwsClients.endpointOf(ctx.settings(), "ec2", ctx.clients().region()))));
    }
  }

  private static String endpoint(ResourceType type, AwsContext ctx) {
    String service = ServiceOf.type(type.name());
    return AwsClients.endpointOf(ctx.settings(), service, ctx.clients().region());
  }

  private AwsContext context() {
    AwsContext ctx = context;
    if (ctx == null) {
      throw new ProviderException(ProviderException.Code.NOT_CONFIGURED, "the aws provider was used before configure");
    }
    return ctx;
  }

  private ResourceType type(String name) {
    ResourceType t = types.get(name);
    if (t == null) {
      throw new ProviderException(ProviderException.Code.UNKNOWN_TYPE, "provider \"aws\" has no resource type \"" + name + "\"");
    }
    return t;
  }

  private synchronized ConcurrentReads perResourceReads() {
    if (perResource == null) {
      perResource = new ConcurrentReads(READ_THREADS, READS_PER_SECOND);
    }
    return perResource;
  }

  @Override
  public void close() {
    AwsContext ctx = context;
    context = null;
    if (ctx != null) {
      LOG.debug("aws provider: {}{} to {}", requests.summary(),
          refreshMode == RefreshMode.PER_RESOURCE ? ", refresh per resource" : "", ctx.region());
      close(ctx);
    }
    ConcurrentReads outer = perResource;
    if (outer != null) {
      outer.close();
    }
  }

  private static void close(AwsContext ctx) {
    ctx.reads().close();
    ctx.clients().close();
  }
}
