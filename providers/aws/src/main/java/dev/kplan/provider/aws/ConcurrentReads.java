package dev.kplan.provider.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Per-object reads for services without batch reads (S3, SQS): run on a few threads and started no
 * faster than {@code perSecond}, so that a large refresh neither waits on each object in turn nor
 * trips the service's throttling (which the SDK's retries would then absorb slowly).
 */
final class ConcurrentReads implements AutoCloseable {
  private final ExecutorService pool;
  private final long intervalNanos;
  private long next;

  ConcurrentReads(int threads, int perSecond) {
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "kplan-aws-read");
      t.setDaemon(true);
      return t;
    });
    this.intervalNanos = 1_000_000_000L / perSecond;
  }

  /** Results in the order of {@code items}; the first failure is rethrown as it was. */
  <T, R> List<R> map(List<T> items, Function<T, R> read) {
    List<Future<R>> futures = new ArrayList<>();
    for (T item : items) {
      futures.add(pool.submit(() -> {
        pace();
        return read.apply(item);
      }));
    }
    List<R> out = new ArrayList<>();
    for (Future<R> f : futures) {
      try {
        out.add(f.get());
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading from AWS", e);
      }
    }
    return out;
  }

  /** Waits for this call's start slot. */
  private void pace() throws InterruptedException {
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long slot = Math.max(now, next);
      next = slot + intervalNanos;
      wait = slot - now;
    }
    if (wait > 0) {
      Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
