package dev.kplan.cli;

import dev.kplan.cli.render.PlanJson;
import dev.kplan.cli.render.PlanRenderer;
import dev.kplan.engine.ops.OperationResult;
import dev.kplan.engine.ops.Operations;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
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

  @Option(names = "-detailed-exitcode",
      description = "Exit 0 when there are no changes, 1 on error, 2 when there are changes.")
  boolean detailedExitCode;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (destroy && refreshOnly) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "Incompatible plan mode options: -destroy and -refresh-only cannot be used together.");
    }
    PlanMode mode = destroy ? PlanMode.DESTROY : refreshOnly ? PlanMode.REFRESH_ONLY : PlanMode.NORMAL;
    OperationResult r = new Operations().plan(root.workDir(),
        arguments.toOptions(spec.commandLine(), root.workDir(), mode));
    OperationOutput.diagnostics(err, r.diagnostics(), root.workDir(), root.color());
    if (r.hasErrors() || r.plan() == null) {
      return 1;
    }
    Plan plan = r.plan();
    if (json) {
      out.println(PlanJson.render(plan, OperationOutput.outputs(r.state()), VersionCommand.version(), false));
    } else {
      out.print(PlanRenderer.render(plan, OperationOutput.outputs(r.state()), root.color()));
    }
    out.flush();
    return detailedExitCode && hasChanges(plan) ? 2 : 0;
  }

  /** Changes as -detailed-exitcode counts them: in a refresh-only plan, the drift it would store. */
  static boolean hasChanges(Plan plan) {
    return plan.mode() == PlanMode.REFRESH_ONLY ? !plan.drift().isEmpty() : plan.hasChanges();
  }
}
