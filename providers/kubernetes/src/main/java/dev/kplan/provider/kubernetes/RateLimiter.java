package dev.kplan.provider.kubernetes;

/**
 * A token bucket: {@code qps} requests per second on average, up to {@code burst} at once. Client-side
 * limits like kubectl's fixed 50 QPS make large plans slow, so kplan's defaults are generous and
 * configurable ({@code qps}, {@code burst}).
 */
final class RateLimiter {
  private final double qps;
  private final double burst;
  private double tokens;
  private long last = System.nanoTime();

  RateLimiter(double qps, int burst) {
    this.qps = qps;
    this.burst = Math.max(1, burst);
    this.tokens = this.burst;
  }

  /** Waits until one request may go. */
  void acquire() {
    long waitNanos;
    synchronized (this) {
      long now = System.nanoTime();
      tokens = Math.min(burst, tokens + (now - last) / 1e9 * qps);
      last = now;
      tokens -= 1;
      waitNanos = tokens >= 0 ? 0 : (long) (-tokens / qps * 1e9);
    }
    if (waitNanos > 0) {
      try {
        Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
