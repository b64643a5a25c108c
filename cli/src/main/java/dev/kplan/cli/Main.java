package dev.kplan.cli;

import picocli.CommandLine;

/** Entry point of the {@code kplan} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs kplan with the given arguments and returns the exit code (tests call this in-process). */
  public static int run(String... args) {
    return KplanCommand.commandLine().execute(args);
  }
}
