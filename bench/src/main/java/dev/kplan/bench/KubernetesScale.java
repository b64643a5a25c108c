package dev.kplan.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * The Kubernetes provider at scale, against the running sandbox ({@code scripts/sandbox up}), each step a fresh
 * {@code kplan} process as a user runs it ({@code java -XX:+UseParallelGC -XX:TieredStopAtLevel=1 -Xss4m -cp
 * cli/target/kplan-cli.jar:… dev.kplan.cli.Main}, as the {@code kplan} launcher does; {@code KPLAN_BENCH_JAVA_OPTS}
 * adds flags).
 *
 * <ol>
 *   <li>Writes a configuration of 10 namespaces with 500 ConfigMaps and 50 Deployments each (5,510 objects, all
 *       {@code kubernetes_manifest} with {@code for_each}) and applies it once.</li>
 *   <li>Measures a no-change {@code kplan plan -detailed-exitcode} (exit 0 required) in the provider's default
 *       refresh (one LIST per kind and namespace) and in its per-object baseline (one GET per object, system
 *       property {@code kplan.kubernetes.refresh=get}), alternating, {@code repetitions} times each: wall time,
 *       API requests (the provider's debug line), peak heap (the GC log's heap before each collection and at
 *       exit).</li>
 *   <li>Applies 1,000 new ConfigMaps with {@code kplan apply -auto-approve} and with
 *       {@code kubectl apply --server-side -f DIR} of the same objects, each into a fresh namespace,
 *       {@code repetitions} times each, alternating.</li>
 * </ol>
 *
 * <p>Run from the project root: {@code java [-Dkplan.bench.dir=DIR] [-Dkplan.bench.only=plan|apply] -cp bench/target/benchmarks.jar
 * dev.kplan.bench.KubernetesScale [repetitions] [namespaces] [configmaps-per-namespace] [deployments-per-namespace]
 * [apply-configmaps]}; with {@code kplan.bench.dir} the work folder (and its applied state) is kept, so a later run's
 * setup apply has nothing to do.
 */
public final class KubernetesScale {
  private static final Pattern REQUESTS = Pattern.compile("kubernetes provider: (\\d+) API requests");
  private static final Pattern GC_BEFORE = Pattern.compile("\\) (\\d+)M->(\\d+)M\\(");
  private static final Pattern CPU = Pattern.compile("kplan-bench-cpu ([0-9.]+) ([0-9.]+)");
  private static final Path TIME = Path.of("/usr/bin/time");
  private static final Pattern EXIT_USED = Pattern.compile("(PSYoungGen|ParOldGen)\\s+total \\d+K, used (\\d+)K");

  private final Path root;
  private final Path work;
  private final Map<String, String> sandbox;
  private int run;

  private KubernetesScale(Path root, Path work, Map<String, String> sandbox) {
    this.root = root;
    this.work = work;
    this.sandbox = sandbox;
  }

  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int namespaces = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int configMaps = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    int deployments = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    int applyConfigMaps = args.length > 4 ? Integer.parseInt(args[4]) : 1_000;
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
    // -Dkplan.bench.dir=DIR keeps the work (and the applied state) for the next run, whose setup apply is then a no-op
    String keep = System.getProperty("kplan.bench.dir");
    Path work = keep == null ? Files.createTempDirectory("kplan-kubernetes-scale")
        : Files.createDirectories(Path.of(keep).toAbsolutePath());
    KubernetesScale b = new KubernetesScale(root, work, env(envFile));
    System.out.printf(Locale.ROOT, "sandbox %s, %d cores, load average %s%n", b.sandbox.get("KPLAN_SANDBOX_K8S_VERSION"),
        Runtime.getRuntime().availableProcessors(), loadAverage());
    String only = System.getProperty("kplan.bench.only", ""); // plan or apply: one half alone
    if (!only.equals("apply")) {
      b.planBenchmark(reps, namespaces, configMaps, deployments);
    }
    if (!only.equals("plan")) {
      b.applyBenchmark(reps, applyConfigMaps);
    }
    System.out.printf(Locale.ROOT, "load average at the end %s; work folder %s%n", loadAverage(), b.work);
  }

  private void planBenchmark(int reps, int namespaces, int configMaps, int deployments) throws Exception {
    Path dir = Files.createDirectories(work.resolve("plan"));
    Files.writeString(dir.resolve("main.kp.hcl"), planConfig(namespaces, configMaps, deployments));
    int objects = namespaces * (1 + configMaps + deployments);
    System.out.printf(Locale.ROOT, "%d namespaces × (%d ConfigMaps + %d Deployments) = %d objects%n", namespaces,
        configMaps, deployments, objects);
    Result setup = kplan(dir, List.of(), "apply", "-auto-approve", "-no-color");
    System.out.println("setup apply: " + setup.line());
    if (setup.exit() != 0) {
      throw new IllegalStateException("setup apply failed: " + setup.tail());
    }
    Map<String, List<Result>> byMode = new LinkedHashMap<>();
    for (int r = 0; r < reps; r++) {
      for (String mode : List.of("list", "get")) {
        List<String> props = mode.equals("get") ? List.of("-Dkplan.kubernetes.refresh=get") : List.of();
        Result p = kplan(dir, props, "plan", "-detailed-exitcode", "-no-color");
        if (p.exit() != 0) {
          throw new IllegalStateException("the no-change plan (" + mode + ") exited " + p.exit() + ": " + p.tail());
        }
        System.out.printf(Locale.ROOT, "plan, refresh %-4s #%d: %s%n", mode, r + 1, p.line());
        byMode.computeIfAbsent(mode, m -> new ArrayList<>()).add(p);
      }
    }
    Summary list = Summary.of(byMode.get("list"));
    Summary get = Summary.of(byMode.get("get"));
    System.out.printf(Locale.ROOT, "no-change plan, LIST per kind and namespace: median %,d ms (min %,d, max %,d),"
        + " CPU %,d ms, %d API requests, peak heap %d MB%n", list.median(), list.min(), list.max(), list.cpuMs(),
        list.requests(), list.heapMb());
    System.out.printf(Locale.ROOT, "no-change plan, GET per object:             median %,d ms (min %,d, max %,d),"
        + " CPU %,d ms, %d API requests, peak heap %d MB%n", get.median(), get.min(), get.max(), get.cpuMs(),
        get.requests(), get.heapMb());
    System.out.printf(Locale.ROOT, "ratio GET/LIST: %.1f× the API requests, %.1f× the wall time, %.1f× the CPU time"
        + " (medians)%n", (double) get.requests() / list.requests(), (double) get.median() / list.median(),
        (double) get.cpuMs() / list.cpuMs());
  }

  private void applyBenchmark(int reps, int configMaps) throws Exception {
    String kubectl = sandbox.get("KPLAN_SANDBOX_KUBECTL");
    if (kubectl == null || !Files.isExecutable(Path.of(kubectl))) {
      throw new IllegalStateException("no kubectl in the sandbox's env: run scripts/sandbox build, then up again");
    }
    List<Long> kplanMs = new ArrayList<>();
    List<Long> kubectlMs = new ArrayList<>();
    List<Long> kplanCpu = new ArrayList<>();
    List<Long> kubectlCpu = new ArrayList<>();
    for (int r = 0; r < reps; r++) {
      String stamp = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
      String nsKplan = "kplan-apply-" + stamp;
      String nsKubectl = "kubectl-apply-" + stamp;
      exec(List.of(kubectl, "create", "namespace", nsKplan));
      exec(List.of(kubectl, "create", "namespace", nsKubectl));
      Path dir = Files.createDirectories(work.resolve("apply-" + stamp));
      Files.writeString(dir.resolve("main.kp.hcl"), applyConfig(nsKplan, configMaps));
      Path yaml = Files.createDirectories(work.resolve("kubectl-" + stamp));
      for (int i = 0; i < configMaps; i++) {
        Files.writeString(yaml.resolve("settings-" + i + ".yaml"), configMapYaml(nsKubectl, i));
      }
      Result k = kplan(dir, List.of(), "apply", "-auto-approve", "-no-color");
      if (k.exit() != 0 || !k.stdout().contains(configMaps + " added")) {
        throw new IllegalStateException("kplan apply failed: " + k.tail());
      }
      Result c = exec(List.of(kubectl, "apply", "--server-side", "-f", yaml.toString()));
      long kubectlWall = c.wallMs();
      if (c.exit() != 0) {
        throw new IllegalStateException("kubectl apply failed: " + c.tail());
      }
      System.out.printf(Locale.ROOT, "apply %d ConfigMaps #%d: kplan %s; kubectl apply --server-side %,d ms (CPU %,d ms)%n",
          configMaps, r + 1, k.line(), kubectlWall, c.cpuMs());
      kplanMs.add(k.wallMs());
      kubectlMs.add(kubectlWall);
      kplanCpu.add(k.cpuMs());
      kubectlCpu.add(c.cpuMs());
      // the namespaces go away in the background: the next repetition uses new ones
      exec(List.of(kubectl, "delete", "namespace", nsKplan, nsKubectl, "--wait=false"));
    }
    System.out.printf(Locale.ROOT, "apply %d new ConfigMaps: kplan median %,d ms (min %,d, max %,d), CPU %,d ms; "
        + "kubectl apply --server-side median %,d ms (min %,d, max %,d), CPU %,d ms%n", configMaps, median(kplanMs),
        kplanMs.stream().min(Long::compare).orElseThrow(), kplanMs.stream().max(Long::compare).orElseThrow(),
        median(kplanCpu), median(kubectlMs), kubectlMs.stream().min(Long::compare).orElseThrow(),
        kubectlMs.stream().max(Long::compare).orElseThrow(), median(kubectlCpu));
  }

  /** 10 namespaces, in each {@code configMaps} ConfigMaps and {@code deployments} Deployments (0 replicas). */
  static String planConfig(int namespaces, int configMaps, int deployments) {
    return """
        locals {
          namespaces  = [for n in range(%d) : "kplan-bench-${n}"]
          config_maps = { for p in setproduct(local.namespaces, range(%d)) : "${p[0]}/settings-${p[1]}" => { namespace = p[0], name = "settings-${p[1]}" } }
          deployments = { for p in setproduct(local.namespaces, range(%d)) : "${p[0]}/web-${p[1]}" => { namespace = p[0], name = "web-${p[1]}" } }
        }

        resource "kubernetes_manifest" "namespace" {
          for_each = toset(local.namespaces)
          manifest = { apiVersion = "v1", kind = "Namespace", metadata = { name = each.value } }
        }

        resource "kubernetes_manifest" "config" {
          for_each = local.config_maps
          manifest = {
            apiVersion = "v1"
            kind       = "ConfigMap"
            metadata   = { name = each.value.name, namespace = each.value.namespace, labels = { app = "bench" } }
            data       = { "app.properties" = "log.level=info\\nkey=${each.key}\\n", mode = "production" }
          }
        }

        resource "kubernetes_manifest" "web" {
          for_each = local.deployments
          manifest = {
            apiVersion = "apps/v1"
            kind       = "Deployment"
            metadata   = { name = each.value.name, namespace = each.value.namespace, labels = { app = each.value.name } }
            spec = {
              replicas = 0
              selector = { matchLabels = { app = each.value.name } }
              template = {
                metadata = { labels = { app = each.value.name } }
                spec = {
                  containers = [{
                    name  = "web"
                    image = "registry.example/web:1.4.2"
                    ports = [{ containerPort = 8080 }]
                    env   = [{ name = "MODE", value = "production" }]
                    resources = { requests = { cpu = "100m", memory = "64Mi" } }
                  }]
                }
              }
            }
          }
        }
        """.formatted(namespaces, configMaps, deployments);
  }

  /** {@code count} ConfigMaps in {@code namespace}, the same objects as {@link #configMapYaml}. */
  static String applyConfig(String namespace, int count) {
    return """
        resource "kubernetes_manifest" "settings" {
          for_each = toset([for i in range(%d) : tostring(i)])
          manifest = {
            apiVersion = "v1"
            kind       = "ConfigMap"
            metadata   = { name = "settings-${each.key}", namespace = "%s", labels = { app = "bench" } }
            data       = { "app.properties" = "log.level=info\\nkey=${each.key}\\n", mode = "production" }
          }
        }
        """.formatted(count, namespace);
  }

  static String configMapYaml(String namespace, int i) {
    return """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings-%d
          namespace: %s
          labels:
            app: bench
        data:
          app.properties: |
            log.level=info
            key=%d
          mode: production
        """.formatted(i, namespace, i);
  }

  /** One fresh kplan process in {@code dir}, with the provider's request count and a GC log. */
  private Result kplan(Path dir, List<String> props, String... args) throws IOException, InterruptedException {
    Path gcLog = work.resolve("gc-" + (++run) + ".log");
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseParallelGC", "-XX:TieredStopAtLevel=1", "-Xss4m", "-Xlog:gc,gc+heap+exit:file=" + gcLog,
        "-Dorg.slf4j.simpleLogger.log.dev.kplan.provider.kubernetes.Cluster=debug"));
    String extra = System.getenv("KPLAN_BENCH_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      cmd.addAll(List.of(extra.strip().split("\\s+")));
    }
    cmd.addAll(props);
    cmd.addAll(List.of("-cp", root.resolve("cli/target/kplan-cli.jar") + java.io.File.pathSeparator
        + root.resolve("cli/target/lib/*"), "dev.kplan.cli.Main", "-chdir=" + dir));
    cmd.addAll(List.of(args));
    long t0 = System.nanoTime();
    Result r = exec(cmd);
    long wall = (System.nanoTime() - t0) / 1_000_000;
    long requests = 0;
    Matcher m = REQUESTS.matcher(r.stderr());
    while (m.find()) {
      requests += Long.parseLong(m.group(1));
    }
    return new Result(r.exit(), r.stdout(), r.stderr(), wall, requests, peakHeapMb(gcLog), r.cpuMs());
  }

  private Result exec(List<String> command) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(command);
    if (Files.isExecutable(TIME)) { // the CPU time it used: less sensitive than wall time to what else runs
      cmd.addAll(0, List.of(TIME.toString(), "-f", "kplan-bench-cpu %U %S"));
    }
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().remove("KPLAN_LOG");
    pb.environment().put("KUBECONFIG", sandbox.get("KUBECONFIG"));
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    long t0 = System.nanoTime();
    int exit = pb.start().waitFor();
    long wall = (System.nanoTime() - t0) / 1_000_000;
    String stderr = Files.readString(err);
    long cpu = -1;
    Matcher m = CPU.matcher(stderr);
    while (m.find()) {
      cpu = Math.round((Double.parseDouble(m.group(1)) + Double.parseDouble(m.group(2))) * 1000);
    }
    Result r = new Result(exit, Files.readString(out), stderr, wall, 0, 0, cpu);
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  /** The largest heap in use: before each collection, and at exit (ParallelGC's log lines). */
  static long peakHeapMb(Path gcLog) throws IOException {
    if (!Files.exists(gcLog)) {
      return 0;
    }
    long peak = 0;
    long exitKb = 0;
    for (String line : Files.readAllLines(gcLog)) {
      Matcher m = GC_BEFORE.matcher(line);
      if (m.find()) {
        peak = Math.max(peak, Long.parseLong(m.group(1)));
      }
      Matcher e = EXIT_USED.matcher(line);
      if (e.find()) {
        exitKb += Long.parseLong(e.group(2));
      }
    }
    return Math.max(peak, exitKb / 1024);
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

  private record Result(int exit, String stdout, String stderr, long wallMs, long requests, long heapMb, long cpuMs) {
    String line() {
      return String.format(Locale.ROOT, "%,d ms (CPU %,d ms), %d API requests, peak heap %d MB, exit %d", wallMs,
          cpuMs, requests, heapMb, exit);
    }

    String tail() {
      String all = stdout + stderr;
      return all.length() > 3000 ? all.substring(all.length() - 3000) : all;
    }
  }

  private record Summary(long median, long min, long max, long requests, long heapMb, long cpuMs) {
    static Summary of(List<Result> rs) {
      List<Long> walls = rs.stream().map(Result::wallMs).toList();
      return new Summary(KubernetesScale.median(walls), walls.stream().min(Long::compare).orElseThrow(),
          walls.stream().max(Long::compare).orElseThrow(),
          KubernetesScale.median(rs.stream().map(Result::requests).toList()),
          rs.stream().mapToLong(Result::heapMb).max().orElse(0),
          KubernetesScale.median(rs.stream().map(Result::cpuMs).toList()));
    }
  }
}
