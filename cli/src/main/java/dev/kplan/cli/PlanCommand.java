package dev.kplan.cli;

import dev.kplan.cli.render.PlanJson;
import dev.kplan.cli.render.PlanRenderer;
import dev.kplan.engine.ops.OperationResult;
import dev.kplan.engine.ops.Operations;
import dev.kplan.engine.ops.UnmanagedPlan;
import dev.kplan.engine.ops.UnmanagedScan;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kplan plan}: refreshes, compares with the configuration and prints what apply would do,
 * without changing anything. Diagnostics go to stderr, the plan to stdout.
 */
@Command(name = "plan", description = "Show the changes apply would make to match the configuration.")
public final class PlanCommand implements Callable<Integer> {
  @CommandLine.ParentCommand KplanCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin OperationArguments arguments;

  @Option(names = "-destroy", description = "Plan to destroy every object in the state.")
  boolean destroy;

  @Option(names = "-refresh-only", description = "Only report what changed outside kplan; plan no changes.")
  boolean refreshOnly;

  @Option(names = "-json", description = "Print the plan as Terraform's JSON plan representation.")
  boolean json;

  @Option(names = "-out", paramLabel = "FILE",
      description = "Save the plan to FILE, to apply exactly it later with \"kplan apply FILE\".")
  String out;

  @Option(names = "-generate-config-out", paramLabel = "FILE",
      description = "Write a resource block to FILE (which must not exist) for each import block whose target has no"
          + " configuration, then plan with it.")
  String generateConfigOut;

  @Option(names = "-unmanaged", paramLabel = "NAMESPACES", split = ",",
      description = "Also list live objects in these scopes (Kubernetes namespaces, AWS regions; comma-separated)"
          + " that kplan does not manage; .kplanignore lists expected ones.")
  java.util.List<String> unmanaged;

  @Option(names = "-detailed-exitcode",
      description = "Exit 0 when there are no changes, 1 on error, 2 when there are changes.")
  boolean detailedExitCode;

  @Override
  public Integer call() throws IOException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (destroy && refreshOnly) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Incompatible plan mode options: -destroy and -refresh-only cannot be used together.");
    }
    PlanMode mode = destroy ? PlanMode.DESTROY : refreshOnly ? PlanMode.REFRESH_ONLY : PlanMode.NORMAL;
    OperationResult r;
    UnmanagedScan scan = null;
    java.util.List<String> scopes = unmanaged == null ? java.util.List.of() : unmanaged;
    if (generateConfigOut != null || !scopes.isEmpty()) {
      Operations ops = new Operations();
      dev.kplan.engine.ops.OperationOptions options = arguments.toOptions(spec.commandLine(), root, mode);
      UnmanagedPlan up = generateConfigOut == null
          ? ops.planWithUnmanaged(root.workDir(), options, scopes)
          : ops.planGeneratingConfig(root.workDir(), options, java.nio.file.Path.of(generateConfigOut), scopes);
      r = up.result();
      scan = scopes.isEmpty() ? null : up.unmanaged();
      java.util.List<dev.kplan.lang.diag.Diagnostic> all = new java.util.ArrayList<>(r.diagnostics().items());
      all.addAll(up.unmanaged().diagnostics().items());
      OperationOutput.diagnostics(err, dev.kplan.lang.diag.Diagnostics.of(all), root.workDir(), root.color());
    } else {
      r = new Operations().plan(root.workDir(), arguments.toOptions(spec.commandLine(), root, mode));
      OperationOutput.diagnostics(err, r.diagnostics(), root.workDir(), root.color());
    }
    if (r.hasErrors() || r.plan() == null) {
      return 1;
    }
    Plan plan = r.plan();
    if (out != null) {
      PlanFiles.write(root.workDir().resolve(out), r.planFile());
    }
    if (json && scan != null) {
      tools.jackson.databind.node.ObjectNode tree = PlanJson.tree(plan, OperationOutput.outputs(r.state()),
          VersionCommand.version());
      tree.set("kplan_unmanaged", UnmanagedText.json(scan));
      stdout.println(tree.toString());
    } else if (json) {
      stdout.println(PlanJson.render(plan, OperationOutput.outputs(r.state()), VersionCommand.version(), false));
    } else {
      stdout.print(PlanRenderer.render(plan, OperationOutput.outputs(r.state()), PlanSchemas.of(plan), root.color()));
      if (scan != null) {
        stdout.print(UnmanagedText.render(scan, unmanaged));
      }
      if (out != null) {
        stdout.print(savedHint(out));
      } else if (hasChanges(plan, OperationOutput.outputs(r.state()))) {
        stdout.print(RULE + "\n\nNote: You didn't use the -out option to save this plan, so kplan can't guarantee to"
            + " take\nexactly these actions if you run \"kplan apply\" now.\n");
      }
    }
    stdout.flush();
    return detailedExitCode && hasChanges(plan, OperationOutput.outputs(r.state())) ? 2 : 0;
  }

  private static final String RULE = "\n" + "\u2500".repeat(PlanRenderer.DEFAULT_WIDTH - 1);

  /** Terraform's words after a plan saved with -out. */
  static String savedHint(String file) {
    return RULE + "\n\nSaved the plan to: " + file + "\n\nTo perform exactly these actions, run the following command"
        + " to apply:\n    kplan apply \"" + file + "\"\n";
  }

  /**
   * Changes as -detailed-exitcode counts them: in a refresh-only plan, the drift it would store;
   * in any plan, outputs that would change from {@code priorOutputs} (the stored ones), as Terraform.
   */
  static boolean hasChanges(Plan plan, java.util.Map<String, dev.kplan.lang.value.Value> priorOutputs) {
    return (plan.mode() == PlanMode.REFRESH_ONLY ? !plan.drift().isEmpty() : plan.hasChanges())
        || PlanRenderer.changesOutputs(plan, priorOutputs);
  }
}
