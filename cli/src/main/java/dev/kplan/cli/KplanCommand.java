package dev.kplan.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code kplan} command; its subcommands are the verbs a user types. */
@Command(
    name = "kplan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Declarative plan/apply for Kubernetes and AWS that stops configuration drift.",
    subcommands = {
      VersionCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class KplanCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static CommandLine commandLine() {
    return new CommandLine(new KplanCommand());
  }
}
