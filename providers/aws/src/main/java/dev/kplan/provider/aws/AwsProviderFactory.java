package dev.kplan.provider.aws;

import dev.kplan.provider.Provider;
import dev.kplan.provider.ProviderFactory;
import java.util.List;

/** Provider {@code aws}: VPC networking, S3 buckets and SQS queues through aws-sdk-java-v2. */
public final class AwsProviderFactory implements ProviderFactory {
  @Override
  public String name() {
    return "aws";
  }

  @Override
  public Provider create() {
    return new AwsProvider(List.of());
  }
}
