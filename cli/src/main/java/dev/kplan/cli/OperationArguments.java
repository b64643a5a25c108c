package dev.kplan.cli;

import dev.kplan.engine.addrs.AddressParser;
import dev.kplan.engine.addrs.ResourceAddress;
import dev.kplan.engine.addrs.Targetable;
import dev.kplan.engine.ops.OperationOptions;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.engine.plan.PlanOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options {@code plan}, {@code apply} and {@code destroy} share, as Terraform spells them, and
 * their translation into {@link OperationOptions}. Malformed values are usage errors (exit 1).
 */
final class OperationArguments {
  @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "-var", paramLabel = "NAME=VALUE", description = "Set an input variable (repeatable).")
  List<String> vars = new ArrayList<>();

  @Option(names = "-var-file", paramLabel = "FILE", description = "Read input variables from a file (repeatable).")
  List<Path> varFiles = new ArrayList<>();

  @Option(names = "-target", paramLabel = "ADDR",
      description = "Plan only this resource or instance and what it depends on (repeatable).")
  List<String> targets = new ArrayList<>();

  @Option(names = "-replace", paramLabel = "ADDR",
      description = "Plan to replace this instance even if nothing changed (repeatable).")
  List<String> replace = new ArrayList<>();

  @Option(names = "-refresh", paramLabel = "BOOL", arity = "1", defaultValue = "true",
      description = "Read the real objects before planning (default true; -refresh=false skips it).")
  boolean refresh = true;

  @Option(names = "-parallelism", paramLabel = "N", defaultValue = "10",
      description = "How many provider operations may run at once (default 10).")
  int parallelism = 10;

  @Option(names = "-lock-timeout", paramLabel = "DURATION", defaultValue = "0s",
      description = "How long to wait for the state lock, e.g. 30s or 2m (default 0s).")
  String lockTimeout = "0s";

  private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  /** The operation options for {@code mode}; usage errors are thrown as picocli's. */
  OperationOptions toOptions(CommandLine cmd, KplanCommand root, PlanMode mode) {
    Path workDir = root.workDir();
    if (parallelism < 1) {
      throw new CommandLine.ParameterException(cmd, "Invalid -parallelism: must be at least 1, got " + parallelism);
    }
    PlanOptions plan = PlanOptions.DEFAULT.withMode(mode).withRefresh(refresh)
        .withTargets(targets(cmd, targets)).withReplace(addresses(cmd, "-replace", replace))
        .withParallelism(parallelism);
    return OperationOptions.DEFAULT.withPlan(plan)
        .withVariables(VariableArguments.parse(cmd, vars, varFiles, workDir))
        .withEnvironment(root.environment())
        .withLockTimeout(duration(cmd, lockTimeout))
        .withParallelism(parallelism);
  }

  /** {@code -target} takes a resource, an instance, or a module (everything in it). */
  private static List<Targetable> targets(CommandLine cmd, List<String> texts) {
    List<Targetable> out = new ArrayList<>();
    for (String t : texts) {
      AddressParser.Result<Targetable> r = Targetable.parse(t);
      if (r.diagnostics().hasErrors() || r.value() == null) {
        throw new CommandLine.ParameterException(cmd, "Invalid -target address \"" + t + "\": "
            + r.diagnostics().items().get(0).summary());
      }
      out.add(r.value());
    }
    return out;
  }

  private static List<ResourceAddress> addresses(CommandLine cmd, String option, List<String> texts) {
    List<ResourceAddress> out = new ArrayList<>();
    for (String t : texts) {
      AddressParser.Result<ResourceAddress> r = ResourceAddress.parse(t);
      if (r.diagnostics().hasErrors() || r.value() == null) {
        throw new CommandLine.ParameterException(cmd, "Invalid " + option + " address \"" + t + "\": "
            + r.diagnostics().items().get(0).summary());
      }
      out.add(r.value());
    }
    return out;
  }

  /** Go's duration syntax as Terraform takes it: {@code 0s}, {@code 30s}, {@code 1m30s}, {@code 500ms}. */
  static Duration duration(CommandLine cmd, String text) {
    String t = text.strip();
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = DURATION_PART.matcher(t);
    Duration total = Duration.ZERO;
    int end = 0;
    while (m.find() && m.start() == end) {
      long n = Long.parseLong(m.group(1));
      total = total.plus(switch (m.group(2)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        default -> Duration.ofHours(n);
      });
      end = m.end();
    }
    if (end == 0 || end != t.length()) {
      throw new CommandLine.ParameterException(cmd,
          "Invalid -lock-timeout \"" + text + "\": expected a duration such as 0s, 30s or 2m");
    }
    return total;
  }
}
