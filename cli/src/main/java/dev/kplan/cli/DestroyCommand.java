package dev.kplan.cli;

import dev.kplan.engine.plan.PlanMode;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kplan destroy}: {@code apply} in destroy mode, asking before it deletes anything. */
@Command(name = "destroy", description = "Destroy every object kplan manages in this configuration.")
public final class DestroyCommand implements Callable<Integer> {
  @CommandLine.ParentCommand KplanCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  @Mixin OperationArguments arguments;

  @Option(names = "-auto-approve", description = "Skip the interactive approval of the plan.")
  boolean autoApprove;

  @Override
  public Integer call() throws IOException {
    return ApplyCommand.run(spec.commandLine(), root, arguments, PlanMode.DESTROY, autoApprove);
  }
}
