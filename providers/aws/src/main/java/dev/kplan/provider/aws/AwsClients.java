package dev.kplan.provider.aws;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The synchronous SDK clients of one configured provider, all on the JDK's URLConnection, with the
 * settings' credentials, region, endpoint overrides and the standard retry strategy (exponential
 * backoff with jitter, throttling errors included).
 */
final class AwsClients implements AutoCloseable {
  private final Region region;
  private final Ec2Client ec2;
  private final S3Client s3;
  private final SqsClient sqs;
  private final StsClient sts;
  private final More more;

  /** The clients of the IAM, SNS, DynamoDB, Route 53 and CloudTrail resources and attribution. */
  private record More(IamClient iam, SnsClient sns, DynamoDbClient dynamodb, Route53Client route53,
      CloudTrailClient cloudtrail) {}

  private AwsClients(Region region, Ec2Client ec2, S3Client s3, SqsClient sqs, StsClient sts, More more) {
    this.region = region;
    this.ec2 = ec2;
    this.s3 = s3;
    this.sqs = sqs;
    this.sts = sts;
    this.more = more;
  }

  IamClient iam() {
    return more.iam();
  }

  SnsClient sns() {
    return more.sns();
  }

  DynamoDbClient dynamodb() {
    return more.dynamodb();
  }

  Route53Client route53() {
    return more.route53();
  }

  CloudTrailClient cloudtrail() {
    return more.cloudtrail();
  }

  Region region() {
    return region;
  }

  Ec2Client ec2() {
    return ec2;
  }

  S3Client s3() {
    return s3;
  }

  SqsClient sqs() {
    return sqs;
  }

  StsClient sts() {
    return sts;
  }

  /** Builds the clients; no request is sent. Fails with an {@link IllegalArgumentException} the user can act on. */
  static AwsClients create(AwsSettings s, List<ExecutionInterceptor> interceptors) {
    ProfileFile profiles = profileFile(s);
    if (profiles != null && s.profile() != null && profiles.profile(s.profile()).isEmpty()) {
      throw new IllegalArgumentException("the profile \"" + s.profile() + "\" is in none of the shared files "
          + String.join(", ", s.sharedConfigFiles()) + (s.sharedConfigFiles().isEmpty() ? "" : ", ")
          + String.join(", ", s.sharedCredentialsFiles()));
    }
    Region region = resolveRegion(s, profiles);
    AwsCredentialsProvider base = credentials(s, profiles);
    ClientOverrideConfiguration override = ClientOverrideConfiguration.builder()
        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(s.maxRetries() + 1).build())
        .executionInterceptors(List.copyOf(interceptors))
        // CloudTrail records the user agent: kplan's own changes are told apart from drift by it
        .putAdvancedOption(software.amazon.awssdk.core.client.config.SdkAdvancedClientOption.USER_AGENT_SUFFIX,
            CloudTrailMatch.USER_AGENT + "/" + java.util.Objects.requireNonNullElse(
                AwsClients.class.getPackage().getImplementationVersion(), "dev"))
        .build();
    AwsCredentialsProvider credentials = s.assumeRole() == null ? base
        : assumedRole(s.assumeRole(), configure(StsClient.builder(), "sts", s, region, base, override).build());
    return new AwsClients(region,
        configure(Ec2Client.builder(), "ec2", s, region, credentials, override).build(),
        configure(S3Client.builder(), "s3", s, region, credentials, override).forcePathStyle(s.s3UsePathStyle()).build(),
        configure(SqsClient.builder(), "sqs", s, region, credentials, override).build(),
        configure(StsClient.builder(), "sts", s, region, credentials, override).build(),
        new More(
            // IAM and Route 53 are global services: their API lives in the partition's global region
            configure(IamClient.builder(), "iam", s, globalRegion(region), credentials, override).build(),
            configure(SnsClient.builder(), "sns", s, region, credentials, override).build(),
            configure(DynamoDbClient.builder(), "dynamodb", s, region, credentials, override).build(),
            configure(Route53Client.builder(), "route53", s, globalRegion(region), credentials, override).build(),
            configure(CloudTrailClient.builder(), "cloudtrail", s, region, credentials, override).build()));
  }

  private static Region globalRegion(Region region) {
    String id = region.id();
    return id.startsWith("cn-") ? Region.AWS_CN_GLOBAL : id.startsWith("us-gov-") ? Region.AWS_US_GOV_GLOBAL
        : Region.AWS_GLOBAL;
  }

  private static <B extends AwsClientBuilder<B, C> & SdkSyncClientBuilder<B, C>, C> B configure(
      B builder, String service, AwsSettings s, Region region, AwsCredentialsProvider credentials,
      ClientOverrideConfiguration override) {
    builder.region(region).credentialsProvider(credentials).overrideConfiguration(override)
        .httpClientBuilder(UrlConnectionHttpClient.builder());
    URI endpoint = s.endpoints().get(service);
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder;
  }

  /** The endpoint a service is reached at, for messages: the override, else the SDK's default. */
  static String endpointOf(AwsSettings s, String service, Region region) {
    URI override = s.endpoints().get(service);
    if (override != null) {
      return override.toString();
    }
    String env = System.getenv("AWS_ENDPOINT_URL");
    return env != null && !env.isBlank() ? env : "https://" + service + "." + region.id() + ".amazonaws.com";
  }

  private static ProfileFile profileFile(AwsSettings s) {
    if (s.sharedConfigFiles().isEmpty() && s.sharedCredentialsFiles().isEmpty()) {
      return null;
    }
    ProfileFile.Aggregator all = ProfileFile.aggregator();
    for (String f : s.sharedConfigFiles()) {
      all.addFile(ProfileFile.builder().content(expand(f)).type(ProfileFile.Type.CONFIGURATION).build());
    }
    for (String f : s.sharedCredentialsFiles()) {
      all.addFile(ProfileFile.builder().content(expand(f)).type(ProfileFile.Type.CREDENTIALS).build());
    }
    return all.build();
  }

  private static Path expand(String file) {
    Path p = file.startsWith("~/") ? Path.of(System.getProperty("user.home"), file.substring(2)) : Path.of(file);
    if (!p.toFile().isFile()) {
      throw new IllegalArgumentException("the shared AWS file \"" + file + "\" does not exist");
    }
    return p;
  }

  private static Region resolveRegion(AwsSettings s, ProfileFile profiles) {
    if (s.region() != null) {
      return Region.of(s.region());
    }
    DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
    if (profiles != null) {
      chain.profileFile(() -> profiles);
    }
    if (s.profile() != null) {
      chain.profileName(s.profile());
    }
    try {
      return chain.build().getRegion();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("no AWS region: set region in the provider block, AWS_REGION, or a"
          + " region in the profile" + (s.profile() == null ? "" : " \"" + s.profile() + "\""));
    }
  }

  /**
   * Credentials of the assumed role, refreshed by STS before they expire; the STS client signs with the base
   * credentials and lives as long as the provider's clients.
   */
  private static AwsCredentialsProvider assumedRole(AssumeRole role, StsClient sts) {
    return StsAssumeRoleCredentialsProvider.builder().stsClient(sts).asyncCredentialUpdateEnabled(false)
        .refreshRequest(r -> {
          r.roleArn(role.roleArn()).roleSessionName(role.sessionName());
          if (role.externalId() != null) {
            r.externalId(role.externalId());
          }
          if (role.duration() != null) {
            r.durationSeconds((int) role.duration().toSeconds());
          }
        }).build();
  }

  private static AwsCredentialsProvider credentials(AwsSettings s, ProfileFile profiles) {
    if (s.accessKey() != null || s.secretKey() != null) {
      if (s.accessKey() == null || s.secretKey() == null) {
        throw new IllegalArgumentException("access_key and secret_key must be set together");
      }
      return StaticCredentialsProvider.create(s.token() == null
          ? AwsBasicCredentials.create(s.accessKey(), s.secretKey())
          : AwsSessionCredentials.create(s.accessKey(), s.secretKey(), s.token()));
    }
    if (s.profile() != null || profiles != null) {
      ProfileCredentialsProvider.Builder b = ProfileCredentialsProvider.builder();
      if (profiles != null) {
        b.profileFile(profiles);
      }
      if (s.profile() != null) {
        b.profileName(s.profile());
      }
      return b.build();
    }
    return DefaultCredentialsProvider.builder().build();
  }

  @Override
  public void close() {
    ec2.close();
    s3.close();
    sqs.close();
    sts.close();
    more.iam().close();
    more.sns().close();
    more.dynamodb().close();
    more.route53().close();
    more.cloudtrail().close();
  }
}
