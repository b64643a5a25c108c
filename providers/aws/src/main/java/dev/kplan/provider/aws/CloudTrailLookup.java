package dev.kplan.provider.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;

/**
 * {@code drift_attribution = "cloudtrail"}: for a drifted object, one LookupEvents call by resource name
 * over CloudTrail's 90 days of management events (newest 50), paced to CloudTrail's 2 calls a second.
 * A lookup that fails (no permission, no CloudTrail in an emulator) attributes nothing rather than
 * failing the refresh.
 */
final class CloudTrailLookup {
  private static final Duration WINDOW = Duration.ofDays(90);
  private static final long INTERVAL_NANOS = 500_000_000L;

  private final CloudTrailClient client;
  private long next;

  CloudTrailLookup(CloudTrailClient client) {
    this.client = client;
  }

  CloudTrailMatch.Found lookup(String resourceName, boolean deleted) {
    if (resourceName == null) {
      return null;
    }
    try {
      pace();
      Instant now = Instant.now();
      List<CloudTrailMatch.Event> events = new ArrayList<>();
      client.lookupEvents(b -> b.lookupAttributes(a -> a.attributeKey(LookupAttributeKey.RESOURCE_NAME)
          .attributeValue(resourceName)).startTime(now.minus(WINDOW)).endTime(now).maxResults(50))
          .events().forEach(e -> events.add(new CloudTrailMatch.Event(e.eventName(), e.eventTime(), e.username(),
              e.readOnly() == null ? null : Boolean.valueOf(e.readOnly()), e.cloudTrailEvent())));
      return CloudTrailMatch.newest(events, deleted);
    } catch (SdkException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private void pace() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, next);
      next = slot + INTERVAL_NANOS;
      wait = slot - now;
    }
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
    }
  }
}
