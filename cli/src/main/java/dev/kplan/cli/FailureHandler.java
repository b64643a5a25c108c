package dev.kplan.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Turns an unexpected exception into one readable error line and exit code 1. The stack trace is
 * shown only with {@code KPLAN_LOG=debug}: users should see what went wrong, not Java internals.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (ex instanceof CommandLine.ParameterException pe) {
      // usage problems found while running (e.g. a malformed -var) read like parse errors
      return new UsageErrorHandler().handleParseException(pe, new String[0]);
    }
    String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    err.println();
    err.println("Error: " + summaryOf(ex));
    err.println();
    err.println(message);
    if (Terminal.debugLogging()) {
      ex.printStackTrace(err);
    } else {
      err.println();
      err.println("(run with KPLAN_LOG=debug for details)");
    }
    err.flush();
    return 1;
  }

  private static String summaryOf(Exception ex) {
    if (ex instanceof java.io.IOException || ex instanceof java.io.UncheckedIOException) {
      return "I/O failure";
    }
    return "Internal error in kplan";
  }
}
