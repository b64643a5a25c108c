package dev.kplan.cli;

import dev.kplan.cli.render.DriftReport;
import dev.kplan.cli.render.PlanRenderer;
import dev.kplan.engine.ops.OperationResult;
import dev.kplan.engine.ops.Operations;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kplan drift}: a refresh-only plan that reports what changed outside kplan, who changed it and when, and
 * exits 0 (no drift), 2 (drift) or 1 (error). Warnings of the refresh (unhealthy workloads, deprecated APIs) go to
 * stderr and into the JSON report.
 */
@Command(name = "drift", description = "Report what changed outside kplan: exit 0 without drift, 2 with drift.")
public final class DriftCommand implements Callable<Integer> {
  @CommandLine.ParentCommand KplanCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin OperationArguments arguments;

  @Option(names = "-json", description = "Print the drift report as JSON.")
  boolean json;

  @Option(names = "-out", paramLabel = "FILE", description = "Also write the drift report (JSON) to FILE.")
  String out;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OperationResult r = new Operations().plan(root.workDir(),
        arguments.toOptions(spec.commandLine(), root, PlanMode.REFRESH_ONLY));
    OperationOutput.diagnostics(err, r.diagnostics(), root.workDir(), root.color());
    if (r.hasErrors() || r.plan() == null) {
      return 1;
    }
    Plan plan = r.plan();
    boolean drifted = plan.drift().stream().anyMatch(d -> d.deposedKey() == null);
    Map<String, String> providers = new HashMap<>();
    if (r.state() != null) {
      r.state().resources().forEach((address, instance) -> providers.put(address, instance.providerAddress()));
    }
    String report = DriftReport.render(plan.drift(), providers, r.diagnostics().items(), VersionCommand.version(),
        Instant.now());
    if (out != null) {
      Path file = root.workDir().resolve(out);
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, report + "\n", StandardCharsets.UTF_8);
    }
    if (json) {
      stdout.println(report);
    } else if (drifted) {
      stdout.print(PlanRenderer.render(plan, OperationOutput.outputs(r.state()), PlanSchemas.of(plan), root.color()));
    } else {
      stdout.println("No drift. The objects kplan manages match what it last applied.");
    }
    stdout.flush();
    return drifted ? 2 : 0;
  }
}
