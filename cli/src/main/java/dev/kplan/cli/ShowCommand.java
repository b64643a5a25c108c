package dev.kplan.cli;

import dev.kplan.cli.render.PlanJson;
import dev.kplan.cli.render.PlanRenderer;
import dev.kplan.cli.render.StateRenderer;
import dev.kplan.engine.ops.StateView;
import dev.kplan.engine.planfile.PlanFile;
import dev.kplan.engine.planfile.PlanFileFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kplan show [-json] [PLANFILE]}: a saved plan as {@code plan} prints it (or as Terraform's
 * JSON plan), or, without a file, the current state: every object as a resource block with
 * sensitive values hidden, then the outputs (or Terraform's JSON state values).
 */
@Command(name = "show", description = "Show a saved plan, or the current state.")
public final class ShowCommand implements Callable<Integer> {
  @CommandLine.ParentCommand KplanCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Option(names = "-json", description = "Print Terraform's JSON plan or state representation.")
  boolean json;

  @Parameters(arity = "0..1", paramLabel = "PLANFILE", description = "A plan saved by \"kplan plan -out=PLANFILE\".")
  String planFile;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path dir = root.workDir();
    if (planFile != null) {
      PlanFileFormat.ReadResult read = PlanFiles.read(dir.resolve(planFile), planFile);
      if (read.diagnostics().hasErrors()) {
        OperationOutput.diagnostics(err, read.diagnostics(), dir, root.color());
        return 1;
      }
      PlanFile file = read.file();
      if (json) {
        out.println(PlanJson.render(file.plan(), file.priorOutputs(), VersionCommand.version(), false));
      } else {
        out.print(PlanRenderer.render(file.plan(), file.priorOutputs(), PlanSchemas.of(file.plan()), root.color()));
      }
      out.flush();
      return 0;
    }
    StateView.Result state = StateView.read(dir, root.environment());
    OperationOutput.diagnostics(err, state.diagnostics(), dir, root.color());
    if (state.diagnostics().hasErrors()) {
      return 1;
    }
    if (json) {
      out.println(PlanJson.renderState(state.exists(), state.instances(), state.outputs(), VersionCommand.version()));
    } else if (!state.exists() || (state.instances().isEmpty() && state.outputs().isEmpty())) {
      out.println("No state.");
    } else {
      out.print(StateRenderer.render(state.instances(), state.outputs(), root.color()));
    }
    out.flush();
    return 0;
  }
}
