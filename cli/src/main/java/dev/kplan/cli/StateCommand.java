package dev.kplan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kplan state …}: inspect, edit and travel through the stored state and its history, and
 * verify and move the store itself. Alone, as {@code terraform state}, it prints its usage and fails.
 */
@Command(name = "state", description = "Inspect, edit, verify and move the state and its history.",
    subcommands = {
      StateListCommand.class,
      StateShowCommand.class,
      StateMvCommand.class,
      StateRmCommand.class,
      StatePullCommand.class,
      StatePushCommand.class,
      StateHistoryCommand.class,
      StateDiffCommand.class,
      StateRollbackCommand.class,
      StatePruneCommand.class,
      StateVerifyCommand.class,
      StateMigrateCommand.class
    })
public final class StateCommand implements Callable<Integer> {
  @CommandLine.ParentCommand KplanCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 1;
  }
}
