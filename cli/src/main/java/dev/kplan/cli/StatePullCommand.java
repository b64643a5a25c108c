package dev.kplan.cli;

import dev.kplan.engine.states.StateJson;
import dev.kplan.state.StateException;
import dev.kplan.state.StateStore;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kplan state pull}: the state as Terraform state JSON (format version 4) on stdout, for
 * backups, scripts and {@code state push}. Like Terraform's, it is a full copy: sensitive values
 * are in it in clear, so treat the output as a secret.
 */
@Command(name = "pull", description = "Print the state as Terraform state JSON (version 4).")
final class StatePullCommand extends StateSubcommand {
  @Option(names = "-serial", paramLabel = "N", description = "Print version N instead of the latest.")
  Long serial;

  @Override
  int run(PrintWriter out) throws Failed, StateException {
    StateStore any = serial == null ? openIfAny() : openExisting();
    if (any == null) {
      return 0; // no state: nothing to print, as Terraform
    }
    try (StateStore store = any) {
      out.println(StateJson.write(serial == null ? store.read() : store.readVersion(serial)));
    }
    out.flush();
    return 0;
  }
}
