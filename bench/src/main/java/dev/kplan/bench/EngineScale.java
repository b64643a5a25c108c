package dev.kplan.bench;

import dev.kplan.engine.ops.OperationOptions;
import dev.kplan.engine.ops.OperationResult;
import dev.kplan.engine.ops.Operations;
import dev.kplan.engine.plan.Action;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.ResourceChange;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Plan and apply at scale through the engine's {@link Operations} API, on an H2 state in a
 * temporary folder, with wall time and peak heap per phase. One run is one cold process: plan,
 * apply, then plan again against the applied state (and that last one a few more times, warm).
 * An apply changes the state, so this is a plain main rather than a JMH benchmark.
 *
 * <p>The configuration ({@link #config}) is {@code resources} {@code kplan_data} resources in
 * chains of 100: resource {@code i} takes the output of resource {@code i-1} unless {@code i} is a
 * multiple of 100. Shape {@code blocks} writes one resource block per resource
 * ({@code kplan_data.r0} … {@code kplan_data.r9999}); shape {@code count} writes 100 blocks of
 * {@code count = resources/100} where instance {@code s{k}[j]} takes {@code s{k-1}[j]}'s output.
 * Every output is unknown until its predecessor is applied, so the apply plans each instance
 * again once its predecessor exists.
 *
 * <p>Run: {@code java -XX:+UseParallelGC -Xmx1g -cp bench/target/benchmarks.jar dev.kplan.bench.EngineScale
 * [resources] [blocks|count]}.
 */
public final class EngineScale {
  private EngineScale() {}

  public static void main(String[] args) throws Exception {
    int resources = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    String shape = args.length > 1 ? args[1] : "blocks";
    int warmPlans = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    Path dir = Files.createTempDirectory("kplan-engine-scale");
    try {
      Files.writeString(dir.resolve("main.kp.hcl"), config(resources, shape), StandardCharsets.UTF_8);
      Operations ops = new Operations();
      OperationOptions options = OperationOptions.DEFAULT.withLockTimeout(Duration.ofSeconds(10));
      System.out.printf(Locale.ROOT, "%d kplan_data in chains of 100, shape %s, %d cores, max heap %d MB%n",
          resources, shape, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

      OperationResult plan = phase("plan (empty state)", () -> ops.plan(dir, options));
      expect(plan, resources, Action.CREATE);
      OperationResult apply = phase("apply", () -> ops.apply(dir, options));
      if (apply.hasErrors() || apply.state().resources().size() != resources) {
        throw new IllegalStateException("apply failed: " + apply.diagnostics());
      }
      for (int i = 0; i <= warmPlans; i++) {
        OperationResult again = phase(i == 0 ? "plan (applied state)" : "plan (applied state, warm " + i + ")",
            () -> ops.plan(dir, options));
        expect(again, resources, Action.NO_OP);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** The configuration described in the class comment. */
  static String config(int resources, String shape) {
    StringBuilder out = new StringBuilder();
    if (shape.equals("blocks")) {
      for (int i = 0; i < resources; i++) {
        String input = i % 100 == 0 ? "\"seed-" + i + "\"" : "kplan_data.r" + (i - 1) + ".output";
        out.append("resource \"kplan_data\" \"r").append(i).append("\" {\n  input = ").append(input).append("\n}\n");
      }
    } else if (shape.equals("count")) {
      int width = resources / 100;
      for (int k = 0; k < 100; k++) {
        String input = k == 0 ? "\"seed-${count.index}\"" : "kplan_data.s" + (k - 1) + "[count.index].output";
        out.append("resource \"kplan_data\" \"s").append(k).append("\" {\n  count = ").append(width)
            .append("\n  input = ").append(input).append("\n}\n");
      }
    } else {
      throw new IllegalArgumentException("shape is blocks or count, not " + shape);
    }
    return out.toString();
  }

  private static void expect(OperationResult r, int resources, Action action) {
    Plan p = r.plan();
    if (r.hasErrors() || p == null) {
      throw new IllegalStateException("plan failed: " + r.diagnostics());
    }
    long n = p.changes().stream().map(ResourceChange::action).filter(a -> a == action).count();
    if (n != resources) {
      throw new IllegalStateException("expected " + resources + " " + action + ", got " + n);
    }
  }

  private static <T> T phase(String name, Supplier<T> body) {
    List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP).toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long gcCount = gcCount();
    long gcTime = gcTime();
    long t0 = System.nanoTime();
    T result = body.get();
    long ms = (System.nanoTime() - t0) / 1_000_000;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    System.out.printf(Locale.ROOT, "%-32s %8d ms   peak heap %5d MB   GC %4d collections, %6d ms%n", name, ms,
        peak >> 20, gcCount() - gcCount, gcTime() - gcTime);
    return result;
  }

  private static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  private static long gcTime() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }
}
