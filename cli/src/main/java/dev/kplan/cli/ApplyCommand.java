package dev.kplan.cli;

import dev.kplan.cli.render.PlanRenderer;
import dev.kplan.engine.ops.ApprovedApply;
import dev.kplan.engine.ops.OperationOptions;
import dev.kplan.engine.ops.OperationResult;
import dev.kplan.engine.ops.Operations;
import dev.kplan.engine.plan.Plan;
import dev.kplan.engine.plan.PlanMode;
import dev.kplan.engine.planfile.PlanFileFormat;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kplan apply}: plans, shows the plan, asks for approval (unless {@code -auto-approve}),
 * then carries out exactly the plan shown, in the same operation: the state lock is held from
 * planning to the end of the apply, so nobody else can change the state in between.
 */
@Command(name = "apply", description = "Create or update infrastructure to match the configuration.")
public final class ApplyCommand implements Callable<Integer> {
  @CommandLine.ParentCommand KplanCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin OperationArguments arguments;

  @Option(names = "-auto-approve", description = "Skip the interactive approval of the plan.")
  boolean autoApprove;

  @Option(names = "-refresh-only", description = "Only store in the state what changed outside kplan.")
  boolean refreshOnly;

  @Parameters(arity = "0..1", paramLabel = "PLANFILE",
      description = "Apply exactly this plan, saved by \"kplan plan -out=PLANFILE\" (no approval asked).")
  String planFile;

  @Override
  public Integer call() throws IOException {
    if (planFile != null) {
      return applyPlanFile();
    }
    return run(spec.commandLine(), root, arguments, refreshOnly ? PlanMode.REFRESH_ONLY : PlanMode.NORMAL,
        autoApprove);
  }

  /**
   * {@code kplan apply FILE}: the plan was shown and approved when it was made, so it is applied
   * without asking; options that would change it are refused, as Terraform does.
   */
  private int applyPlanFile() {
    CommandLine cmd = spec.commandLine();
    PrintWriter out = cmd.getOut();
    PrintWriter err = cmd.getErr();
    Path dir = root.workDir();
    List<Diagnostic> refused = new ArrayList<>();
    if (!arguments.vars.isEmpty() || !arguments.varFiles.isEmpty()) {
      refused.add(Diagnostic.error("Can't set variables when applying a saved plan",
          "The -var and -var-file options cannot be used when applying a saved plan file, because a saved plan"
              + " includes the variable values that were set when it was created.", null));
    }
    if (!arguments.targets.isEmpty() || !arguments.replace.isEmpty() || !arguments.refresh || refreshOnly) {
      refused.add(Diagnostic.error("Can't change planning options when applying a saved plan",
          "The -target, -replace, -refresh and -refresh-only options shape a plan when it is made; a saved plan is"
              + " applied exactly as it was created. Make a new plan with these options instead.", null));
    }
    if (!refused.isEmpty()) {
      OperationOutput.diagnostics(err, Diagnostics.of(refused), dir, root.color());
      return 1;
    }
    PlanFileFormat.ReadResult read = PlanFiles.read(dir.resolve(planFile), planFile);
    if (read.diagnostics().hasErrors()) {
      OperationOutput.diagnostics(err, read.diagnostics(), dir, root.color());
      return 1;
    }
    OperationOutput.Progress progress = new OperationOutput.Progress(out);
    OperationOptions options = OperationOptions.DEFAULT
        .withLockTimeout(OperationArguments.duration(cmd, arguments.lockTimeout))
        .withParallelism(arguments.parallelism)
        .withListener(progress);
    OperationResult applied = new Operations().applyPlanFile(dir, read.file(), options);
    OperationOutput.diagnostics(err, applied.diagnostics(), dir, root.color());
    if (applied.hasErrors()) {
      return 1;
    }
    return finish(out, read.file().plan().mode(), progress, applied, root.color());
  }

  /**
   * Plan, show, approve, apply, in one operation (the lock held throughout, nothing planned twice):
   * shared with {@code destroy}, which differs only in mode and words.
   */
  static int run(CommandLine cmd, KplanCommand root, OperationArguments arguments, PlanMode mode,
      boolean autoApprove) throws IOException {
    PrintWriter out = cmd.getOut();
    PrintWriter err = cmd.getErr();
    Path dir = root.workDir();
    OperationOptions options = arguments.toOptions(cmd, root, mode);
    OperationOutput.Progress progress = new OperationOutput.Progress(out);
    boolean destroying = mode == PlanMode.DESTROY;
    boolean[] cancelled = new boolean[1];
    ApprovedApply run;
    try {
      run = new Operations().planThenApply(dir, options.withListener(progress), planned -> {
        OperationOutput.diagnostics(err, planned.diagnostics(), dir, root.color());
        Plan plan = planned.plan();
        out.print(PlanRenderer.render(plan, OperationOutput.outputs(planned.state()), PlanSchemas.of(plan),
            root.color()));
        out.flush();
        if (PlanCommand.hasChanges(plan, OperationOutput.outputs(planned.state())) && !autoApprove) {
          out.println();
          boolean yes;
          try {
            yes = ask(out, mode);
          } catch (IOException e) {
            throw new UncheckedIOException(e); // rethrown below, once the lock is released
          }
          if (!yes) {
            out.println(destroying ? "Destroy cancelled." : "Apply cancelled.");
            out.flush();
            cancelled[0] = true;
            return false;
          }
        }
        out.println();
        out.flush();
        // applied even without changes: outputs may be new, and the state records the run
        return true;
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    OperationResult planned = run.planned();
    if (!run.wasApplied()) {
      if (!cancelled[0]) {
        // failed, in planning or before: the approval never saw (nor printed) these diagnostics
        OperationOutput.diagnostics(err, planned.diagnostics(), dir, root.color());
      }
      return 1;
    }
    OperationResult applied = run.applied();
    // the plan's diagnostics were printed already
    List<Diagnostic> fresh = new ArrayList<>(applied.diagnostics().items());
    fresh.removeAll(planned.diagnostics().items());
    OperationOutput.diagnostics(err, Diagnostics.of(fresh), dir, root.color());
    if (applied.hasErrors()) {
      return 1;
    }
    return finish(out, mode, progress, applied, root.color());
  }

  /** The approval prompt of {@code mode}; true when the answer is yes. */
  private static boolean ask(PrintWriter out, PlanMode mode) throws IOException {
    return switch (mode) {
      case DESTROY -> OperationOutput.approve(out, "Do you really want to destroy all resources?",
          "kplan will destroy all your managed infrastructure, as shown above.\n  There is no undo.");
      case REFRESH_ONLY -> OperationOutput.approve(out,
          "Would you like to update the kplan state to reflect these detected changes?",
          "kplan will write these changes to the state without modifying any real infrastructure.");
      default -> OperationOutput.approve(out, "Do you want to perform these actions?",
          "kplan will perform the actions described above.");
    };
  }

  /** The summary line and, unless destroying, the outputs. */
  private static int finish(PrintWriter out, PlanMode mode, OperationOutput.Progress progress, OperationResult applied,
      boolean color) {
    boolean destroying = mode == PlanMode.DESTROY;
    out.println();
    String summary = destroying
        ? "Destroy complete! Resources: " + progress.destroyed.get() + " destroyed."
        : "Apply complete! Resources: " + (progress.imported.get() > 0 ? progress.imported.get() + " imported, " : "")
            + progress.added.get() + " added, " + progress.changed.get() + " changed, "
            + progress.destroyed.get() + " destroyed.";
    out.println(color ? "\u001b[1m\u001b[32m" + summary + "\u001b[0m" : summary);
    if (!destroying) {
      OperationOutput.printOutputs(out, applied.state(), true);
    }
    out.flush();
    return 0;
  }
}
