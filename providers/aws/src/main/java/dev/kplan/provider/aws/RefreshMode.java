package dev.kplan.provider.aws;

/**
 * How a refresh reads the live objects. {@code BATCHED} (the default) reads a type's instances together: EC2
 * objects by ID filters of up to 200 ids a request, buckets' existence by one ListBuckets, per-object S3 and SQS
 * reads on a few threads. {@code PER_RESOURCE} reads each instance on its own (one Describe/Get per object, as a
 * provider that refreshes resource by resource does), on the same threads and pace: kplan keeps it only as the
 * baseline of the AWS benchmark ({@code -Dkplan.aws.refresh=per-resource}); both read the same state.
 */
enum RefreshMode {
  BATCHED,
  PER_RESOURCE;

  static final String PROPERTY = "kplan.aws.refresh";

  static RefreshMode fromSystem() {
    return "per-resource".equalsIgnoreCase(System.getProperty(PROPERTY, "").strip()) ? PER_RESOURCE : BATCHED;
  }
}
