package dev.kplan.cli;

import dev.kplan.engine.states.StateDiff;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code kplan state diff A [B]}: what changed from version A to version B (default: the latest),
 * per object and attribute; moved objects are shown as moves (with what else changed). Sensitive
 * values are shown as {@code (sensitive value)}.
 */
@Command(name = "diff", description = "Show what changed between two versions of the state.")
final class StateDiffCommand extends StateSubcommand {
  @Parameters(index = "0", paramLabel = "A", description = "The earlier version.")
  long from;

  @Parameters(index = "1", arity = "0..1", paramLabel = "B", description = "The later version (default: the latest).")
  Long to;

  @Override
  int run(PrintWriter out) throws Failed, StateException {
    try (StateStore store = openExisting()) {
      StateSnapshot a = store.readVersion(from);
      StateSnapshot b = to == null ? store.read() : store.readVersion(to);
      List<StateDiff.Entry> entries = StateDiff.between(a, b, store.moves(a.serial(), b.serial()));
      if (entries.isEmpty()) {
        out.println("No differences between version " + a.serial() + " and version " + b.serial() + ".");
      } else {
        out.println("Changes from version " + a.serial() + " to version " + b.serial() + ":");
        out.println();
        out.print(render(entries));
      }
    }
    out.flush();
    return 0;
  }

  /** The entries one a line ({@code +} added, {@code -} removed, {@code ~} changed with its attributes below, moves). */
  static String render(List<StateDiff.Entry> entries) {
    StringBuilder sb = new StringBuilder();
    for (StateDiff.Entry e : entries) {
      if (e instanceof StateDiff.Added x) {
        sb.append("  + ").append(x.address()).append('\n');
      } else if (e instanceof StateDiff.Removed x) {
        sb.append("  - ").append(x.address()).append('\n');
      } else if (e instanceof StateDiff.Moved x) {
        sb.append("  > ").append(x.from()).append(" moved to ").append(x.to()).append('\n');
        attributes(sb, x.attributes());
      } else if (e instanceof StateDiff.Changed x) {
        sb.append("  ~ ").append(x.address()).append('\n');
        attributes(sb, x.attributes());
      } else if (e instanceof StateDiff.OutputChanged x) {
        sb.append(x.before() == null ? "  + " : x.after() == null ? "  - " : "  ~ ").append("output ").append(x.name());
        if (x.before() != null && x.after() != null) {
          sb.append(": ").append(x.before()).append(" -> ").append(x.after());
        }
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  private static void attributes(StringBuilder sb, List<StateDiff.AttributeChange> changes) {
    for (StateDiff.AttributeChange c : changes) {
      sb.append("      ").append(c.name());
      if (c.before() != null || c.after() != null) {
        sb.append(": ").append(c.before() == null ? "(absent)" : c.before()).append(" -> ")
            .append(c.after() == null ? "(absent)" : c.after());
      }
      sb.append('\n');
    }
  }
}
