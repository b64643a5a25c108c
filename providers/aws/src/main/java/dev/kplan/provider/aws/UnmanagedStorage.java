package dev.kplan.provider.aws;

import dev.kplan.provider.UnmanagedObject;
import dev.kplan.provider.UnmanagedRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * The S3 buckets and SQS queues of the provider's region that no kplan resource manages: one paginated ListBuckets
 * (the account's buckets; one whose region AWS does not say is kept) and one paginated ListQueues.
 */
final class UnmanagedStorage {
  private UnmanagedStorage() {}

  static List<UnmanagedObject> list(AwsContext ctx, List<UnmanagedRequest.Managed> managed) {
    Set<String> buckets = new HashSet<>();
    Set<String> queues = new HashSet<>();
    for (UnmanagedRequest.Managed m : managed) {
      String id = Vals.string(Vals.object(m.state()), "id");
      if (id != null && m.typeName().equals("aws_s3_bucket")) {
        buckets.add(id);
      } else if (id != null && m.typeName().equals("aws_sqs_queue")) {
        queues.add(id);
        queues.add(id.substring(id.lastIndexOf('/') + 1));
      }
    }
    List<UnmanagedObject> out = new ArrayList<>();
    for (Bucket b : ctx.clients().s3().listBucketsPaginator(r -> {}).buckets()) {
      boolean here = b.bucketRegion() == null || b.bucketRegion().equals(ctx.region());
      if (here && !buckets.contains(b.name())) {
        out.add(new UnmanagedObject("aws_s3_bucket", b.name(), "bucket " + b.name()));
      }
    }
    for (String url : ctx.clients().sqs().listQueuesPaginator(r -> {}).queueUrls()) {
      String name = url.substring(url.lastIndexOf('/') + 1);
      if (!queues.contains(url) && !queues.contains(name)) {
        out.add(new UnmanagedObject("aws_sqs_queue", url, "queue " + name));
      }
    }
    return out;
  }
}
