package dev.kplan.provider.aws;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts the HTTP requests the provider sends, by operation name (each retry counts), so that a run can say how
 * many it needed (logged at debug level when the provider closes; the AWS benchmark reads that line). Thread-safe.
 */
final class RequestCounter implements ExecutionInterceptor {
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    counts.computeIfAbsent(op, k -> new AtomicInteger()).incrementAndGet();
  }

  void reset() {
    counts.clear();
  }

  Map<String, Integer> snapshot() {
    Map<String, Integer> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  int total() {
    return counts.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  /** {@code 5 API requests (DescribeSubnets 2, GetCallerIdentity 1, HeadBucket 2)}. */
  String summary() {
    StringJoiner ops = new StringJoiner(", ", " (", ")").setEmptyValue("");
    snapshot().forEach((op, n) -> ops.add(op + " " + n));
    return total() + " API requests" + ops;
  }
}
