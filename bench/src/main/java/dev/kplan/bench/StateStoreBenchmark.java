package dev.kplan.bench;

import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The H2 state file with {@code resources} instances: {@code read()} of all of them (target: well
 * under 1 s) and one {@code record()}, a committed transaction (target: a few ms). Run:
 * {@code java -jar bench/target/benchmarks.jar StateStore}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Xms256m"})
public class StateStoreBenchmark {
  @Param({"10000"})
  int resources;

  Path dir;
  JdbcStateStore store;
  StateStore.Lock lock;
  long updates;

  @Setup(Level.Trial)
  public void seed() throws IOException, StateException {
    dir = Files.createTempDirectory("kplan-state-bench");
    store = JdbcStateStore.h2(dir.resolve("state.mv.db"));
    lock = store.lock("bench@localhost", "apply", Duration.ZERO);
    lock.begin("bench", "apply");
    for (int i = 0; i < resources; i++) {
      lock.record(new StateChange.Put(instance(i, 0)));
    }
    lock.commit();
    lock.begin("bench", "apply");
  }

  @TearDown(Level.Trial)
  public void close() throws IOException, StateException {
    lock.commit();
    lock.close();
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static ResourceInstance instance(int i, long generation) {
    return new ResourceInstance("kubernetes_manifest.cm[\"cm-" + i + "\"]", "provider.kubernetes", 1,
        "{\"manifest\":{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm-" + i
            + "\",\"namespace\":\"default\"},\"data\":{\"generation\":\"" + generation + "\"}}}",
        "[]", List.of("kubernetes_namespace.default"), false, null);
  }

  @Benchmark
  public StateSnapshot read() throws StateException {
    return store.read();
  }

  @Benchmark
  public long record() throws StateException {
    long n = ++updates;
    lock.record(new StateChange.Put(instance((int) (n % resources), n)));
    return n;
  }
}
