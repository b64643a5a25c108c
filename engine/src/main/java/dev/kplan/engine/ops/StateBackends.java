package dev.kplan.engine.ops;

import dev.kplan.engine.config.KplanSettings;
import dev.kplan.state.StateException;
import dev.kplan.state.jdbc.JdbcStateStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Which state store a configuration uses, in this order: {@code KPLAN_STATE_URL} (a PostgreSQL
 * JDBC URL or an H2 file, so CI can point a checkout at the team's database without editing it),
 * the {@code kplan { state "…" { … } }} block, else {@code .kplan/state.mv.db} beside the
 * configuration. PostgreSQL credentials come from the URL, {@code PGUSER}/{@code PGPASSWORD} or
 * the password file, read from {@code env}; messages never show a password.
 */
public final class StateBackends {
  /** The variable that overrides the configuration's state location. */
  public static final String URL_VARIABLE = "KPLAN_STATE_URL";

  private StateBackends() {}

  /** Where the state is, as {@link JdbcStateStore#at} reads it: a JDBC URL or an H2 file path. */
  public static String location(Path dir, KplanSettings settings, Map<String, String> env) throws StateException {
    String fromEnv = env.get(URL_VARIABLE);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.strip();
    }
    KplanSettings.StateBackend backend = settings.state();
    if (backend != null && backend.type().equals("postgres")) {
      if (backend.url() == null) {
        throw new StateException("The state \"postgres\" block has no url, and " + URL_VARIABLE + " is not set: give"
            + " the database as url = \"jdbc:postgresql://HOST:PORT/DATABASE\" or in " + URL_VARIABLE + ".");
      }
      return backend.url();
    }
    return Operations.stateFile(dir, settings).toString();
  }

  /** Opens the store at {@link #location}, creating an H2 file or the tables when missing. */
  public static JdbcStateStore open(Path dir, KplanSettings settings, Map<String, String> env) throws StateException {
    return JdbcStateStore.at(location(dir, settings, env), dir, env);
  }

  /**
   * Opens the selected workspace ({@link WorkspaceSelection}) of the store at {@code location},
   * decrypting with {@code passphrase} (null: none). A workspace that does not exist is refused.
   */
  public static JdbcStateStore openWorkspace(String location, Path dir, Map<String, String> env, char[] passphrase)
      throws StateException {
    String workspace = WorkspaceSelection.current(dir, env);
    JdbcStateStore store = JdbcStateStore.at(location, dir, env);
    try {
      if (!workspace.equals(WorkspaceSelection.DEFAULT)) {
        JdbcStateStore base = store;
        store = null;
        try (base) {
          store = base.workspace(workspace);
        }
      }
      if (passphrase != null) {
        store.usePassphrase(passphrase);
      }
      return store;
    } catch (StateException | RuntimeException e) {
      if (store != null) {
        store.close();
      }
      throw e;
    }
  }

  /**
   * For commands that read without planning (show, output, state …): the selected workspace of the
   * configuration's store, with the passphrase from {@code KPLAN_STATE_PASSPHRASE} or the
   * configuration (its variables from files and the environment).
   */
  public static JdbcStateStore openSelected(Path dir, dev.kplan.engine.config.LoadResult loaded,
      Map<String, String> env) throws StateException {
    // the function library (hundreds of classes) only when a passphrase expression needs evaluating:
    // reading commands such as state list start faster without it
    dev.kplan.lang.functions.FunctionTable[] table = new dev.kplan.lang.functions.FunctionTable[1];
    if (loaded.settings().passphrase() != null) {
      table[0] = dev.kplan.lang.functions.FunctionTable.standard(new dev.kplan.lang.functions.FunctionContext(
          dir.toAbsolutePath(), java.time.Clock.systemUTC(), new dev.kplan.lang.eval.TemplateFileRenderer(() -> table[0])));
    }
    char[] passphrase = StatePassphrase.of(dir, loaded, table[0], env);
    return openWorkspace(location(dir, loaded.settings(), env), dir, env, passphrase);
  }

  /** Whether {@code location} is an H2 file that does not exist yet (readers then see no state rather than create one). */
  public static boolean isMissingFile(String location, Path dir) {
    if (location.startsWith("jdbc:postgresql:")) {
      return false;
    }
    String path = location.startsWith("jdbc:h2:file:") ? location.substring("jdbc:h2:file:".length()) : location;
    int semicolon = path.indexOf(';');
    Path file = dir.resolve(semicolon < 0 ? path : path.substring(0, semicolon));
    String name = file.getFileName().toString();
    return !Files.exists(name.endsWith(".mv.db") ? file : file.resolveSibling(name + ".mv.db"));
  }
}
