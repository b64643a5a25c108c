package dev.kplan.cli;

import dev.kplan.engine.states.StateChanges;
import dev.kplan.engine.states.StateJson;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kplan state push FILE}: replaces the state's content with a Terraform state JSON file
 * (version 4), as one new version. Refused, with the stored state unchanged, when the file belongs
 * to another lineage or has an older serial than the state (it would undo someone's work), unless
 * {@code -force}; a state that was never written takes the file's lineage.
 */
@Command(name = "push", description = "Replace the state with a Terraform state JSON file.")
final class StatePushCommand extends StateSubcommand {
  @Option(names = "-force", description = "Push even if the file has another lineage or an older serial.")
  boolean force;

  @Option(names = "-lock-timeout", paramLabel = "DURATION", defaultValue = "0s",
      description = "How long to wait for the state lock (default 0s).")
  String lockTimeout = "0s";

  @Parameters(arity = "1", paramLabel = "FILE", description = "The state JSON file (\"-\" reads standard input).")
  String file;

  @Override
  int run(PrintWriter out) throws Failed, StateException, IOException {
    String text;
    if (file.equals("-")) {
      text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    } else {
      Path path = root().workDir().resolve(file);
      if (!Files.isRegularFile(path)) {
        throw new Failed("State file not found", "There is no file " + file + " to push.");
      }
      text = Files.readString(path);
    }
    StateJson.ReadResult read = StateJson.read(text, file.equals("-") ? "standard input" : file);
    if (read.diagnostics().hasErrors()) {
      throw new Failed(read.diagnostics());
    }
    StateSnapshot pushed = read.state();
    try (StateStore store = openOrCreate(); StateStore.Lock lock = lock(store, "state push", lockTimeout)) {
      StateSnapshot current = store.read();
      boolean fresh = current.serial() == 0;
      if (!fresh && !force) {
        if (!pushed.lineage().equals(current.lineage())) {
          throw new Failed("Failed to push the state: lineage differs", "The file " + file + " has lineage "
              + pushed.lineage() + ", but the state's lineage is " + current.lineage() + ": it is the state of another"
              + " configuration or history. Nothing was changed. Use -force to replace the state anyway.");
        }
        if (pushed.serial() < current.serial()) {
          throw new Failed("Failed to push the state: serial is older", "The file " + file + " has serial "
              + pushed.serial() + ", older than the state's serial " + current.serial() + ": pushing it would undo"
              + " later changes. Nothing was changed. Pull the state again, or use -force to replace it anyway.");
        }
      }
      List<StateChange> changes = StateChanges.between(current, pushed);
      if (!pushed.deposed().keySet().equals(current.deposed().keySet())) {
        print(Diagnostics.of(Diagnostic.warning("Deposed objects not pushed", "The deposed objects (old objects of a"
            + " create_before_destroy replacement not destroyed yet) of the state were kept as they are; push"
            + " replaces current objects and outputs only.", null)));
      }
      String lineage = pushed.lineage().equals(current.lineage()) ? null : pushed.lineage();
      if (changes.isEmpty() && lineage == null) {
        out.println("The state already holds what " + file + " holds; nothing was written.");
        out.flush();
        return 0;
      }
      StateSnapshot written = lock.writeVersion(who(), "kplan state push " + (force ? "-force " : "") + file, changes,
          lineage);
      out.println("Pushed " + file + " as state version " + written.serial() + " (" + written.resources().size()
          + " object(s), " + written.outputs().size() + " output(s)).");
    }
    out.flush();
    return 0;
  }
}
