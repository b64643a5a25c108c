package dev.kplan.cli;

import dev.kplan.engine.config.ConfigLoader;
import dev.kplan.engine.config.LoadResult;
import dev.kplan.engine.ops.StateBackends;
import dev.kplan.engine.ops.StatePassphrase;
import dev.kplan.lang.diag.Diagnostic;
import dev.kplan.lang.diag.Diagnostics;
import dev.kplan.state.StateException;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kplan state rekey}: re-encrypts every sensitive value of every version of the selected
 * workspace with the passphrase now configured ({@code KPLAN_STATE_PASSPHRASE} or the
 * configuration's {@code encryption} block); the passphrase they are encrypted with now comes from
 * {@code KPLAN_STATE_OLD_PASSPHRASE}, else a prompt on the terminal. Values stored in plain text
 * before encryption was configured are encrypted too. Neither passphrase is ever printed.
 */
@Command(name = "rekey", description = "Re-encrypt the state's sensitive values with a new passphrase.")
public final class StateRekeyCommand implements Callable<Integer> {
  @CommandLine.ParentCommand StateCommand state;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "-lock-timeout", paramLabel = "DURATION", defaultValue = "0s",
      description = "How long to wait for the state lock (default 0s).")
  String lockTimeout = "0s";

  @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
  boolean help;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    KplanCommand root = state.root;
    Path dir = root.workDir();
    Map<String, String> env = root.environment();
    try {
      LoadResult loaded = ConfigLoader.load(dir);
      // the new passphrase: what the configuration now says; the old one opens the store
      char[] next = StatePassphrase.of(dir, loaded, functions(dir), env);
      if (next == null) {
        throw new StateException("No new passphrase: set " + StatePassphrase.VARIABLE + " or configure kplan {"
            + " encryption { passphrase = var.NAME } }, then run \"kplan state rekey\" again.");
      }
      char[] old = oldPassphrase(env);
      Map<String, String> plain = new java.util.HashMap<>(env);
      plain.remove(StatePassphrase.VARIABLE);
      try (JdbcStateStore store = StateBackends.openWorkspace(StateBackends.location(dir, loaded.settings(), env), dir,
          plain, null)) {
        Duration timeout = OperationArguments.duration(spec.commandLine(), lockTimeout);
        int n = store.rekey(old, next, System.getProperty("user.name", "kplan"), timeout);
        out.println("Re-encrypted " + n + " stored sensitive " + (n == 1 ? "value" : "values") + " of workspace \""
            + store.workspaceName() + "\" at " + store.where() + " with the new passphrase.");
        out.flush();
        return 0;
      }
    } catch (StateException e) {
      OperationOutput.diagnostics(err, Diagnostics.of(Diagnostic.error("Failed to re-encrypt the state",
          e.getMessage(), null)), dir, root.color());
      return 1;
    }
  }

  private static char[] oldPassphrase(Map<String, String> env) {
    String fromEnv = env.get(StatePassphrase.OLD_VARIABLE);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return fromEnv.toCharArray();
    }
    Console console = System.console();
    if (console == null) {
      return null; // a state never encrypted needs none; an encrypted one is refused with a diagnostic
    }
    char[] typed = console.readPassword("Current state passphrase (empty if the state was never encrypted): ");
    return typed == null || typed.length == 0 ? null : typed;
  }

  private static dev.kplan.lang.functions.FunctionTable functions(Path dir) {
    dev.kplan.lang.functions.FunctionTable[] table = new dev.kplan.lang.functions.FunctionTable[1];
    table[0] = dev.kplan.lang.functions.FunctionTable.standard(new dev.kplan.lang.functions.FunctionContext(
        dir.toAbsolutePath(), java.time.Clock.systemUTC(), new dev.kplan.lang.eval.TemplateFileRenderer(() -> table[0])));
    return table[0];
  }
}
