package dev.kplan.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code kplan state …}: commands that work on the state store itself. */
@Command(name = "state", description = "Inspect, verify and move the state.",
    subcommands = {StateVerifyCommand.class, StateMigrateCommand.class, StateRekeyCommand.class})
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
