package dev.kplan.provider.aws;

import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.ChangeInfo;
import software.amazon.awssdk.services.route53.model.ChangeStatus;

/** Waits until a Route 53 change is INSYNC (propagated to all of its name servers), at most five minutes. */
final class Route53Changes {
  private Route53Changes() {}

  private static final long TIMEOUT_NANOS = 300_000_000_000L;

  static void await(Route53Client r53, ChangeInfo change) {
    if (change == null || change.status() == ChangeStatus.INSYNC) {
      return;
    }
    long deadline = System.nanoTime() + TIMEOUT_NANOS;
    long pause = 1000;
    while (System.nanoTime() < deadline) {
      try {
        Thread.sleep(pause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for Route 53", e);
      }
      if (r53.getChange(b -> b.id(change.id())).changeInfo().status() == ChangeStatus.INSYNC) {
        return;
      }
      pause = Math.min(pause * 2, 10_000);
    }
  }
}
