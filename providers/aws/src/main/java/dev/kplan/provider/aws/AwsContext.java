package dev.kplan.provider.aws;

/** What resource types work with once the provider is configured. */
record AwsContext(AwsSettings settings, AwsClients clients, ConcurrentReads reads) {
  String region() {
    return clients.region().id();
  }
}
