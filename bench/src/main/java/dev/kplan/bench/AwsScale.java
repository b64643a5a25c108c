package dev.kplan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The AWS provider's refresh at scale, against the running sandbox's moto ({@code scripts/sandbox up}), each step a
 * fresh {@code kplan} process as a user runs it ({@code java -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xss4m -cp
 * cli/target/kplan-cli.jar:… dev.kplan.cli.Main}, as the {@code kplan} launcher does; {@code KPLAN_BENCH_JAVA_OPTS}
 * adds flags).
 *
 * <ol>
 *   <li>Writes a configuration of one VPC with {@code subnets} subnets, {@code groups} security groups with
 *       {@code rules} ingress rules each, {@code buckets} S3 buckets and {@code queues} SQS queues (2,000 resources
 *       by default) and applies it once.</li>
 *   <li>Measures a no-change {@code kplan plan -detailed-exitcode} (exit 0 required) with the provider's batched
 *       refresh and with its per-resource baseline (system property {@code kplan.aws.refresh=per-resource}),
 *       alternating, {@code repetitions} times each: wall time, CPU time of kplan and of moto (from /proc: the
 *       emulator is one Python process and often what the plan waits for), API requests by operation (the
 *       provider's debug line).</li>
 * </ol>
 *
 * <p>Run from the project root: {@code java [-Dkplan.bench.dir=DIR] -cp bench/target/benchmarks.jar
 * dev.kplan.bench.AwsScale [repetitions] [subnets] [groups] [rules-per-group] [buckets] [queues]}; with
 * {@code kplan.bench.dir} the work folder (configuration and applied state) is kept, so a later run's setup apply
 * has nothing to do.
 */
public final class AwsScale {
  private static final Pattern REQUESTS = Pattern.compile("aws provider: (\\d+) API requests(?: \\(([^)]*)\\))?");
  private static final Pattern CPU = Pattern.compile("kplan-bench-cpu ([0-9.]+) ([0-9.]+)");
  private static final Path TIME = Path.of("/usr/bin/time");

  private final Path root;
  private final Path work;
  private final Map<String, String> sandbox;

  private AwsScale(Path root, Path work, Map<String, String> sandbox) {
    this.root = root;
    this.work = work;
    this.sandbox = sandbox;
  }

  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int subnets = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    int groups = args.length > 2 ? Integer.parseInt(args[2]) : 350;
    int rules = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    int buckets = args.length > 4 ? Integer.parseInt(args[4]) : 100;
    int queues = args.length > 5 ? Integer.parseInt(args[5]) : 99;
    Path root = Path.of("").toAbsolutePath();
    Path envFile = root.resolve(".kplan-sandbox/env");
    if (!Files.isRegularFile(envFile)) {
      System.err.println("no running sandbox: run scripts/sandbox up in " + root);
      System.exit(1);
    }
    if (!Files.isRegularFile(root.resolve("cli/target/kplan-cli.jar"))) {
      System.err.println("no cli/target/kplan-cli.jar: build it with mvn -B -q -pl cli -am -Dmaven.test.skip=true package");
      System.exit(1);
    }
    String keep = System.getProperty("kplan.bench.dir");
    Path work = keep == null ? Files.createTempDirectory("kplan-aws-scale")
        : Files.createDirectories(Path.of(keep).toAbsolutePath());
    AwsScale b = new AwsScale(root, work, env(envFile));
    System.out.printf(Locale.ROOT, "moto at %s, %d cores, load average %s%n", b.sandbox.get("AWS_ENDPOINT_URL"),
        Runtime.getRuntime().availableProcessors(), loadAverage());
    b.planBenchmark(reps, subnets, groups, rules, buckets, queues);
    System.out.printf(Locale.ROOT, "load average at the end %s; work folder %s%n", loadAverage(), b.work);
  }

  private void planBenchmark(int reps, int subnets, int groups, int rules, int buckets, int queues) throws Exception {
    Path dir = Files.createDirectories(work.resolve("plan"));
    Path config = dir.resolve("main.kp.hcl");
    if (!Files.exists(config)) { // names are unique per work folder: moto may hold an earlier run's buckets
      String stamp = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
      Files.writeString(config, config(stamp, subnets, groups, rules, buckets, queues));
    }
    int resources = 1 + subnets + groups + groups * rules + buckets + queues;
    System.out.printf(Locale.ROOT, "1 VPC + %d subnets + %d security groups × %d ingress rules + %d buckets + %d queues"
        + " = %,d resources%n", subnets, groups, rules, buckets, queues, resources);
    Result setup = kplan(dir, List.of(), "apply", "-auto-approve", "-no-color");
    System.out.println("setup apply: " + setup.line());
    if (setup.exit() != 0) {
      throw new IllegalStateException("setup apply failed: " + setup.tail());
    }
    Map<String, List<Result>> byMode = new LinkedHashMap<>();
    for (int r = 0; r < reps; r++) {
      for (String mode : List.of("batched", "per-resource")) {
        List<String> props = mode.equals("per-resource") ? List.of("-Dkplan.aws.refresh=per-resource") : List.of();
        Result p = kplan(dir, props, "plan", "-detailed-exitcode", "-no-color");
        if (p.exit() != 0) {
          throw new IllegalStateException("the no-change plan (" + mode + ") exited " + p.exit() + ": " + p.tail());
        }
        System.out.printf(Locale.ROOT, "plan, refresh %-12s #%d: %s, load %s%n", mode, r + 1, p.line(), loadAverage());
        byMode.computeIfAbsent(mode, m -> new ArrayList<>()).add(p);
      }
    }
    for (String mode : byMode.keySet()) {
      List<Result> rs = byMode.get(mode);
      System.out.printf(Locale.ROOT, "no-change plan, %-12s: median %,d ms (min %,d, max %,d), CPU %,d ms, moto CPU"
          + " %,d ms, %d API requests: %s%n", mode, median(rs.stream().map(Result::wallMs).toList()),
          rs.stream().mapToLong(Result::wallMs).min().orElseThrow(), rs.stream().mapToLong(Result::wallMs).max()
              .orElseThrow(), median(rs.stream().map(Result::cpuMs).toList()),
          median(rs.stream().map(Result::motoCpuMs).toList()),
          median(rs.stream().map(Result::requests).toList()), rs.get(0).byOperation());
    }
    List<Result> batched = byMode.get("batched");
    List<Result> each = byMode.get("per-resource");
    System.out.printf(Locale.ROOT, "ratio per-resource/batched: %.1f× the API requests, %.1f× the wall time, %.1f× the"
        + " CPU time (medians)%n",
        (double) median(each.stream().map(Result::requests).toList()) / median(batched.stream().map(Result::requests).toList()),
        (double) median(each.stream().map(Result::wallMs).toList()) / median(batched.stream().map(Result::wallMs).toList()),
        (double) median(each.stream().map(Result::cpuMs).toList()) / median(batched.stream().map(Result::cpuMs).toList()));
  }

  /** The configuration: every name carries {@code stamp}, so runs in new work folders never collide in moto. */
  static String config(String stamp, int subnets, int groups, int rules, int buckets, int queues) {
    return """
        provider "aws" {
          s3_use_path_style = true # moto on an IP address; region, endpoint and credentials from the sandbox's env
        }

        locals {
          rules = { for p in setproduct(range(%d), range(%d)) : "${p[0]}/${p[1]}" => { group = p[0], port = 8000 + p[1] } }
        }

        resource "aws_vpc" "bench" {
          cidr_block = "10.0.0.0/16"
          tags       = { Name = "bench-%s" }
        }

        resource "aws_subnet" "bench" {
          count      = %d
          vpc_id     = aws_vpc.bench.id
          cidr_block = cidrsubnet(aws_vpc.bench.cidr_block, 10, count.index)
          tags       = { Name = "bench-${count.index}", tier = count.index %% 2 == 0 ? "app" : "data" }
        }

        resource "aws_security_group" "bench" {
          count       = %d
          name        = "bench-%s-${count.index}"
          description = "service ${count.index}"
          vpc_id      = aws_vpc.bench.id
          tags        = { service = "svc-${count.index}" }
        }

        resource "aws_vpc_security_group_ingress_rule" "bench" {
          for_each          = local.rules
          security_group_id = aws_security_group.bench[each.value.group].id
          ip_protocol       = "tcp"
          from_port         = each.value.port
          to_port           = each.value.port
          cidr_ipv4         = "10.0.0.0/8"
          description       = "port ${each.value.port}"
        }

        resource "aws_s3_bucket" "bench" {
          count  = %d
          bucket = "kplan-bench-%s-${count.index}"
          tags   = { service = "svc-${count.index}" }
        }

        resource "aws_sqs_queue" "bench" {
          count                      = %d
          name                       = "kplan-bench-%s-${count.index}"
          visibility_timeout_seconds = 60
          tags                       = { service = "svc-${count.index}" }
        }
        """.formatted(groups, rules, stamp, subnets, groups, stamp, buckets, stamp, queues, stamp);
  }

  /** One fresh kplan process in {@code dir}, with the provider's request count at debug level. */
  private Result kplan(Path dir, List<String> props, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-Xss4m",
        "-Dorg.slf4j.simpleLogger.log.dev.kplan.provider.aws.AwsProvider=debug"));
    String extra = System.getenv("KPLAN_BENCH_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      cmd.addAll(List.of(extra.strip().split("\\s+")));
    }
    cmd.addAll(props);
    cmd.addAll(List.of("-cp", root.resolve("cli/target/kplan-cli.jar") + java.io.File.pathSeparator
        + root.resolve("cli/target/lib/*"), "dev.kplan.cli.Main", "-chdir=" + dir));
    cmd.addAll(List.of(args));
    if (Files.isExecutable(TIME)) { // the CPU time it used: less sensitive than wall time to what else runs
      cmd.addAll(0, List.of(TIME.toString(), "-f", "kplan-bench-cpu %U %S"));
    }
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("KPLAN_LOG");
    sandbox.forEach((k, v) -> {
      if (k.startsWith("AWS_")) {
        pb.environment().put(k, v);
      }
    });
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    long moto0 = motoCpuMs();
    long t0 = System.nanoTime();
    int exit = pb.start().waitFor();
    long wall = (System.nanoTime() - t0) / 1_000_000;
    long motoCpu = moto0 < 0 ? -1 : motoCpuMs() - moto0;
    String stdout = Files.readString(out);
    String stderr = Files.readString(err);
    Files.delete(out);
    Files.delete(err);
    long cpu = -1;
    Matcher c = CPU.matcher(stderr);
    while (c.find()) {
      cpu = Math.round((Double.parseDouble(c.group(1)) + Double.parseDouble(c.group(2))) * 1000);
    }
    long requests = 0;
    List<String> ops = new ArrayList<>();
    Matcher m = REQUESTS.matcher(stderr);
    while (m.find()) {
      requests += Long.parseLong(m.group(1));
      if (m.group(2) != null) {
        ops.add(m.group(2));
      }
    }
    return new Result(exit, stdout, stderr, wall, requests, cpu, motoCpu, String.join("; ", ops));
  }

  /** The CPU time moto has used so far (user + system, from /proc), or -1: what the emulator spends per plan. */
  private long motoCpuMs() {
    try {
      String pid = Files.readString(root.resolve(".kplan-sandbox/pids/moto.pid")).strip().split("\\s+")[0]; // the file holds "PID NAME"
      String stat = Files.readString(Path.of("/proc", pid, "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime, stime in clock ticks of 10 ms
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static Map<String, String> env(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<String> lines = Files.lines(file)) {
      lines.filter(l -> !l.startsWith("#") && l.contains("=")).forEach(l -> {
        int eq = l.indexOf('=');
        String v = l.substring(eq + 1);
        out.put(l.substring(0, eq), v.length() >= 2 && v.startsWith("'") && v.endsWith("'")
            ? v.substring(1, v.length() - 1) : v);
      });
    }
    return out;
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static long median(List<Long> xs) {
    List<Long> s = xs.stream().sorted().toList();
    return s.get(s.size() / 2);
  }

  private record Result(int exit, String stdout, String stderr, long wallMs, long requests, long cpuMs,
      long motoCpuMs, String byOperation) {
    String line() {
      return String.format(Locale.ROOT, "%,d ms (CPU %,d ms; moto CPU %,d ms), %d API requests, exit %d", wallMs, cpuMs,
          motoCpuMs, requests, exit);
    }

    String tail() {
      String all = stdout + stderr;
      return all.length() > 3000 ? all.substring(all.length() - 3000) : all;
    }
  }
}
