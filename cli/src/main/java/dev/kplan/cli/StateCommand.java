package dev.kplan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kplan state …}: inspect, edit and travel through the stored state and its history. */
@Command(name = "state", description = "Inspect and edit the state and its history.",
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
      StatePruneCommand.class
    })
public final class StateCommand implements Runnable {
  @CommandLine.ParentCommand KplanCommand root;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
