package dev.kplan.cli;

/** Entry point of the {@code kplan} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    configureLogging();
    System.exit(run(args));
  }

  /** Logs go to stderr, quiet unless {@code KPLAN_LOG} asks for more (debug, info, warn, error, trace). */
  static void configureLogging() {
    String level = System.getenv("KPLAN_LOG");
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
        level == null || level.isBlank() ? "warn" : level.strip().toLowerCase(java.util.Locale.ROOT));
    System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
  }

  /** Runs kplan with the given arguments and returns the exit code (tests call this in-process). */
  public static int run(String... args) {
    return KplanCommand.commandLine().execute(args);
  }
}
