package dev.kplan.cli;

import dev.kplan.state.StateException;
import dev.kplan.state.StateStore;
import dev.kplan.state.StateVersion;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kplan state history [-n N]}: the versions, newest first, one a line: serial, time (UTC),
 * who (user@host), command, and the change counts ({@code +added ~changed -removed}, then
 * {@code >moved} when the version moved objects: a recorded move counts neither as added nor removed).
 */
@Command(name = "history", description = "List the versions of the state, newest first.")
final class StateHistoryCommand extends StateSubcommand {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
      .withZone(ZoneOffset.UTC);

  @Option(names = "-n", paramLabel = "N", description = "Only the newest N versions.")
  Integer limit;

  @Override
  int run(PrintWriter out) throws Failed, StateException {
    if (limit != null && limit < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "Invalid -n: must be at least 1, got " + limit);
    }
    StateStore any = openIfAny();
    if (any == null) {
      out.println("No state versions: nothing was applied in this configuration yet.");
      out.flush();
      return 0;
    }
    try (StateStore store = any) {
      List<StateVersion> versions = limit == null ? store.history() : store.history(limit);
      if (versions.isEmpty()) {
        out.println("No state versions: nothing was applied in this configuration yet.");
      }
      int serialWidth = 6;
      int whoWidth = 3;
      int commandWidth = 7;
      for (StateVersion v : versions) {
        serialWidth = Math.max(serialWidth, String.valueOf(v.serial()).length());
        whoWidth = Math.max(whoWidth, who(v).length());
        commandWidth = Math.max(commandWidth, v.command().length());
      }
      if (!versions.isEmpty()) {
        out.println(pad("SERIAL", serialWidth) + "  " + pad("TIME", 20) + "  " + pad("WHO", whoWidth) + "  "
            + pad("COMMAND", commandWidth) + "  CHANGES");
      }
      for (StateVersion v : versions) {
        out.println(pad(String.valueOf(v.serial()), serialWidth) + "  " + TIME.format(v.created()) + "  "
            + pad(who(v), whoWidth) + "  " + pad(v.command(), commandWidth) + "  +" + v.added() + " ~" + v.changed()
            + " -" + v.removed() + (v.moved() > 0 ? " >" + v.moved() : ""));
      }
    }
    out.flush();
    return 0;
  }

  private static String who(StateVersion v) {
    return v.host().isEmpty() ? v.who() : v.who() + "@" + v.host();
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }
}
