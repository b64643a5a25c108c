package dev.kplan.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root {@code kplan} command; its subcommands are the verbs a user types. */
@Command(
    name = "kplan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionCommand.Provider.class,
    description = "Declarative plan/apply for Kubernetes and AWS that stops configuration drift.",
    subcommands = {
      PlanCommand.class,
      DriftCommand.class,
      ApplyCommand.class,
      DestroyCommand.class,
      ShowCommand.class,
      ValidateCommand.class,
      OutputCommand.class,
      ConsoleCommand.class,
      FmtCommand.class,
      GraphCommand.class,
      StateCommand.class,
      ForceUnlockCommand.class,
      ImportCommand.class,
      VersionCommand.class,
      CompletionCommand.class,
      CommandLine.HelpCommand.class
    })
public final class KplanCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private Path workDir = Path.of("").toAbsolutePath();

  /** The environment variables the command sees ({@code KPLAN_VAR_name} among them). */
  private final Map<String, String> environment;

  KplanCommand(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  public KplanCommand() {
    this(System.getenv());
  }

  @Option(
      names = "-chdir",
      paramLabel = "DIR",
      description = "Switch to DIR before running the command (as Terraform's -chdir).")
  void chdir(Path dir) {
    Path resolved = workDir.resolve(dir).normalize();
    if (!Files.isDirectory(resolved)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "-chdir: no such directory: " + dir);
    }
    workDir = resolved;
  }

  // inherited: Terraform users type it after the verb (kplan plan -no-color)
  @Option(names = "-no-color", scope = CommandLine.ScopeType.INHERIT, description = "Plain output without colours.")
  boolean noColor;

  /** The folder the command works in (the current one, or -chdir's). */
  Path workDir() {
    return workDir;
  }

  Map<String, String> environment() {
    return environment;
  }

  boolean color() {
    return Terminal.colorEnabled(noColor);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static CommandLine commandLine() {
    return commandLine(System.getenv());
  }

  /** The command line with the environment given instead of the process's (for tests). */
  static CommandLine commandLine(Map<String, String> environment) {
    CommandLine cl = new CommandLine(new KplanCommand(environment));
    cl.setExecutionExceptionHandler(new FailureHandler());
    cl.setParameterExceptionHandler(new UsageErrorHandler());
    return cl;
  }
}
