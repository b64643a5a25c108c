package dev.kplan.bench;

import dev.kplan.lang.ast.Body;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and evaluate a generated configuration of {@code resources} resource blocks (target: under
 * 1 s after warm-up, within a 256 MB heap). Run: {@code java -jar bench/target/benchmarks.jar ParseAndEvaluate}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 10)
// the heap limit of the requirement, and the collector the kplan launcher runs with
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Xms256m", "-XX:+UseParallelGC"})
public class ParseAndEvaluateBenchmark {
  @Param({"10000"})
  int resources;

  List<String> files;

  @Setup(Level.Trial)
  public void generate() {
    files = ConfigGenerator.files(resources);
  }

  /**
   * The parsed configuration for {@link #evaluateOnly}. A state of its own, so that the other two
   * benchmarks do not keep a second parsed copy alive while they parse their own.
   */
  @State(Scope.Benchmark)
  public static class Parsed {
    List<Body> bodies;

    @Setup(Level.Trial)
    public void parse(ParseAndEvaluateBenchmark b) {
      bodies = ConfigEvaluation.parse(b.files);
    }
  }

  @Benchmark
  public int parseAndEvaluate() {
    return ConfigEvaluation.evaluate(ConfigEvaluation.parse(files));
  }

  @Benchmark
  public List<Body> parseOnly() {
    return ConfigEvaluation.parse(files);
  }

  @Benchmark
  public int evaluateOnly(Parsed parsed) {
    return ConfigEvaluation.evaluate(parsed.bodies);
  }
}
