package dev.kplan.state.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kplan.state.LockInfo;
import dev.kplan.state.MigrationReport;
import dev.kplan.state.OutputValue;
import dev.kplan.state.ResourceInstance;
import dev.kplan.state.StateException;
import dev.kplan.state.StateLockedException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import dev.kplan.state.RecordedMoves;
import dev.kplan.state.StateVersion;
import dev.kplan.state.VersionCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state store on a JDBC database: an H2 file by default ({@link #h2}), any URL Flyway and the
 * driver know otherwise ({@link #of}). The schema is created and migrated by Flyway on open; see
 * {@code db/migration} for the layout and the package documentation for how processes share it.
 */
public final class JdbcStateStore implements StateStore {
  /** The one lock slot of a workspace (each workspace's schema has its own state_lock table). */
  static final String SLOT = "default";

  private static final Logger LOG = LoggerFactory.getLogger(JdbcStateStore.class);

  static {
    // H2's automatic mixed mode would serve the state (secrets included) on every interface; the
    // processes that share a state file are on this machine, so loopback is enough. H2 reads the
    // property once, when its classes load, which is after this.
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
  }

  private static final String H2_FILE_SUFFIX = ".mv.db";
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);
  /** See {@link #writeGuard}: one for the process, whichever store objects it has open on which files. */
  private static final Object H2_WRITES = new Object();

  private final HikariDataSource pool;
  private final String where;
  private final String lineage;
  private final Dialect dialect;
  private final Connect connect;
  private final String workspace;
  private volatile SensitiveCipher cipher = SensitiveCipher.NONE;

  private JdbcStateStore(HikariDataSource pool, String where, String lineage, Dialect dialect, Connect connect,
      String workspace) {
    this.pool = pool;
    this.where = where;
    this.lineage = lineage;
    this.dialect = dialect;
    this.connect = connect;
    this.workspace = workspace;
  }

  /**
   * How this store was reached, to open its other workspaces on the same database; {@code
   * baseSchema} is the connection's schema, which holds the {@code default} workspace.
   */
  record Connect(String url, String user, String password, String where, String baseSchema) {
    @Override
    public String toString() {
      return where; // never the password
    }
  }

  /** Where the state lives when the configuration does not say: {@code .kplan/state.mv.db} in its folder. */
  public static Path defaultFile(Path configurationDir) {
    return configurationDir.resolve(".kplan").resolve("state" + H2_FILE_SUFFIX);
  }

  /**
   * Opens (creating it and its folders when missing) the H2 state file {@code file}, normally
   * {@code .kplan/state.mv.db}. A name without the {@code .mv.db} suffix gets it, as H2 would.
   * Several kplan processes may open the same file at once (H2's automatic mixed mode).
   */
  public static JdbcStateStore h2(Path file) throws StateException {
    Path absolute = file.toAbsolutePath().normalize();
    String name = absolute.getFileName().toString();
    String base = name.endsWith(H2_FILE_SUFFIX) ? name.substring(0, name.length() - H2_FILE_SUFFIX.length()) : name;
    Path dbFile = absolute.resolveSibling(base + H2_FILE_SUFFIX);
    try {
      Files.createDirectories(absolute.getParent());
    } catch (IOException e) {
      throw new StateException("Cannot create the folder " + absolute.getParent() + " for the state file: " + e, e);
    }
    if (Files.exists(dbFile) && !Files.isRegularFile(dbFile)) {
      throw new StateException("The state file " + dbFile + " is not a regular file.");
    }
    if (absolute.toString().indexOf(';') >= 0) {
      throw new StateException("The state file path " + absolute + " contains ';', which an H2 URL cannot hold.");
    }
    H2FileCheck.check(dbFile, absolute.resolveSibling(base + ".lock.db"));
    // AUTO_SERVER: the first process opens the file and serves it to others over loopback; when
    // it exits another takes over, and AUTO_RECONNECT lets the others' connections follow it
    // instead of failing with "session closed". WRITE_DELAY=0: every commit reaches the file
    // before commit returns, so a process killed right after record() has lost nothing.
    // DATABASE_EVENT_LISTENER: H2Reconnects repairs what H2's recovery leaves when a reconnect
    // makes this process open a file whose server was killed (see H2Recovery).
    String url = "jdbc:h2:file:" + absolute.resolveSibling(base) + ";AUTO_SERVER=TRUE;AUTO_RECONNECT=TRUE;WRITE_DELAY=0"
        + ";DATABASE_EVENT_LISTENER='" + H2Reconnects.class.getName() + "'";
    // (H2 replays the session's state, its schema included, on reconnecting: a workspace stays a workspace.)
    return open(new Connect(url, "sa", "", dbFile.toString(), null), Workspaces.DEFAULT);
  }

  /** Opens the state in the database at {@code jdbcUrl} (PostgreSQL, or H2 by URL). */
  public static JdbcStateStore of(String jdbcUrl, String user, String password) throws StateException {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl is null");
    return open(new Connect(jdbcUrl, user, password, redact(jdbcUrl), null), Workspaces.DEFAULT);
  }

  /**
   * Opens the state in the PostgreSQL database at {@code jdbcUrl}, with the user and password the
   * URL names, else those {@code env} gives ({@code PGUSER}, {@code PGPASSWORD}, the password file;
   * see {@link PostgresLogin}). Messages name the URL without its password.
   */
  public static JdbcStateStore postgres(String jdbcUrl, Map<String, String> env) throws StateException {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl is null");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new StateException("The state URL " + redact(jdbcUrl) + " is not a PostgreSQL JDBC URL: write"
          + " jdbc:postgresql://HOST[:PORT]/DATABASE[?user=NAME].");
    }
    PostgresLogin login = PostgresLogin.of(jdbcUrl, env);
    // The driver gets the password as a property, never inside the URL that pools and drivers may log.
    String withoutPassword = jdbcUrl.replaceAll("(?i)([?&])password=[^&]*&?", "$1").replaceAll("[?&]$", "");
    return open(new Connect(withoutPassword, login.user(), login.password(), redact(jdbcUrl), null),
        Workspaces.DEFAULT);
  }

  /**
   * Opens the state a location names: a PostgreSQL JDBC URL, an H2 URL ({@code jdbc:h2:file:PATH},
   * read as that file), or a file path (relative to {@code base}) of an H2 state file.
   */
  public static JdbcStateStore at(String location, Path base, Map<String, String> env) throws StateException {
    Objects.requireNonNull(location, "location is null");
    if (location.startsWith("jdbc:postgresql:")) {
      return postgres(location, env);
    }
    if (location.startsWith("jdbc:h2:file:")) {
      String path = location.substring("jdbc:h2:file:".length());
      int semicolon = path.indexOf(';');
      return h2(base.resolve(semicolon < 0 ? path : path.substring(0, semicolon)));
    }
    if (location.startsWith("jdbc:")) {
      throw new StateException("kplan keeps state in PostgreSQL (jdbc:postgresql://…) or in an H2 file"
          + " (jdbc:h2:file:PATH or a file path); " + redact(location) + " is neither.");
    }
    if (location.isBlank()) {
      throw new StateException("The state location is empty: give a PostgreSQL JDBC URL or an H2 file path.");
    }
    return h2(base.resolve(location));
  }

  private static JdbcStateStore open(Connect connect, String workspace) throws StateException {
    String url = connect.url();
    String schema = workspace.equals(Workspaces.DEFAULT) ? null : Workspaces.schemaOf(connect.baseSchema(), workspace);
    String where = schema == null ? connect.where() : connect.where() + " (workspace " + workspace + ")";
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setUsername(connect.user());
    config.setPassword(connect.password());
    if (schema != null) {
      config.setSchema(schema);
    }
    config.setPoolName("kplan-state");
    config.setMaximumPoolSize(6);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(Duration.ofSeconds(30).toMillis());
    config.setAutoCommit(true);
    Dialect dialect = Dialect.of(url);
    if (dialect == Dialect.POSTGRESQL) {
      // An unreachable server fails within seconds, not after the operating system's TCP timeout.
      config.addDataSourceProperty("connectTimeout", "10");
      config.addDataSourceProperty("loginTimeout", "10");
      config.addDataSourceProperty("ApplicationName", "kplan");
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw Failures.of(where, "open it", e);
    }
    try {
      if (dialect == Dialect.H2) {
        H2Reconnects.opened(url);
        finishLeftoverCommits(pool, where);
      }
      Migrations.migrate(pool, where, schema);
      String lineage = lineageOf(pool, where);
      backfillChecksums(pool, where);
      Connect known = connect.baseSchema() != null ? connect : new Connect(url, connect.user(), connect.password(),
          connect.where(), currentSchema(pool, where));
      return new JdbcStateStore(pool, where, lineage, dialect, known, workspace);
    } catch (StateException | RuntimeException e) {
      if (dialect == Dialect.H2) {
        H2Reconnects.closed(url);
      }
      pool.close();
      throw e;
    }
  }

  /** Before anything reads or writes: a commit that H2's recovery left half done would hide rows and hang writers. */
  private static void finishLeftoverCommits(HikariDataSource pool, String where) throws StateException {
    try (Connection c = pool.getConnection()) {
      H2Recovery.finishLeftoverCommits(c);
    } catch (SQLException e) {
      throw Failures.of(where, "finish the commits an interrupted kplan had begun", e);
    }
  }

  private static String currentSchema(HikariDataSource pool, String where) throws StateException {
    try (Connection c = pool.getConnection()) {
      return c.getSchema();
    } catch (SQLException e) {
      throw Failures.of(where, "read its schema", e);
    }
  }

  /** The workspace this store holds ({@code default} unless opened by {@link #workspace(String)}). */
  public String workspaceName() {
    return workspace;
  }

  /**
   * Another workspace of the same database, with its own versions, lineage and lock; it must exist
   * ({@link #createWorkspace}), except {@code default}, which always does. The caller closes it.
   */
  public JdbcStateStore workspace(String name) throws StateException {
    Workspaces.checkName(name);
    if (!name.equals(Workspaces.DEFAULT) && !workspaces().contains(name)) {
      throw new StateException("Workspace \"" + name + "\" does not exist in " + connect.where() + ". Create it with"
          + " \"kplan workspace new " + name + "\", or list the workspaces with \"kplan workspace list\".");
    }
    return open(connect, name);
  }

  /** Every workspace of this database, {@code default} first, then by name. */
  public List<String> workspaces() throws StateException {
    try (Connection c = pool.getConnection()) {
      return Workspaces.list(c, connect.baseSchema());
    } catch (SQLException e) {
      throw Failures.of(connect.where(), "list its workspaces", e);
    }
  }

  /** Creates an empty workspace (its own tables in a schema of the database); refused if it exists. */
  public void createWorkspace(String name) throws StateException {
    Workspaces.checkName(name);
    if (workspaces().contains(name)) {
      throw new StateException("Workspace \"" + name + "\" already exists in " + connect.where() + ".");
    }
    try (Connection c = pool.getConnection()) {
      Workspaces.create(c, connect.baseSchema(), name);
    } catch (SQLException e) {
      throw Failures.of(connect.where(), "create workspace " + name, e);
    }
    open(connect, name).close(); // creates its tables
  }

  /**
   * Deletes workspace {@code name} with its whole history. Refused for {@code default}, for a
   * workspace whose latest version still holds objects (they would be left without state) unless
   * {@code force}, and for a locked one.
   */
  public void deleteWorkspace(String name, boolean force) throws StateException {
    Workspaces.checkName(name);
    if (name.equals(Workspaces.DEFAULT)) {
      throw new StateException("The \"default\" workspace cannot be deleted.");
    }
    try (JdbcStateStore ws = workspace(name)) {
      Optional<LockInfo> held = ws.lockHolder();
      if (held.isPresent()) {
        throw new StateException("Workspace \"" + name + "\" is locked by " + held.get().owner() + " ("
            + held.get().operation() + ", lock ID " + held.get().id() + "); nothing was deleted.");
      }
      int objects = ws.currentObjectCount();
      if (objects > 0 && !force) {
        throw new StateException("Workspace \"" + name + "\" is not empty: its state holds " + objects
            + (objects == 1 ? " object" : " objects") + " that kplan would no longer know about. Destroy them first"
            + " (\"kplan destroy\" in that workspace), or delete it anyway with -force; nothing was deleted.");
      }
    }
    try (Connection c = pool.getConnection()) {
      Workspaces.drop(c, connect.baseSchema(), name);
    } catch (SQLException e) {
      throw Failures.of(connect.where(), "delete workspace " + name, e);
    }
  }

  private int currentObjectCount() throws StateException {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM resource_instance WHERE until_serial IS NULL");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    } catch (SQLException e) {
      throw Failures.of(where, "count its objects", e);
    }
  }

  /** The store's lineage, chosen once when the store is first created, so every reader agrees on it. */
  private static String lineageOf(HikariDataSource pool, String where) throws StateException {
    try (Connection c = pool.getConnection()) {
      Optional<String> existing = selectLineage(c);
      if (existing.isPresent()) {
        return existing.get();
      }
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO state_meta (id, lineage, created) VALUES (1, ?, ?)")) {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setObject(2, now());
        insert.executeUpdate();
      } catch (SQLException e) {
        if (!isConstraintViolation(e)) {
          throw e;
        }
        // another process created it at the same moment: use theirs
      }
      return selectLineage(c).orElseThrow(() -> new SQLException("state_meta has no lineage row"));
    } catch (SQLException e) {
      throw Failures.of(where, "read the lineage", e);
    }
  }

  /** Versions written before kplan stored checksums get theirs, once (see {@link VersionRows#backfill}). */
  private static void backfillChecksums(HikariDataSource pool, String where) throws StateException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      try {
        int n = VersionRows.backfill(c);
        c.commit();
        if (n > 0) {
          LOG.info("Recorded the checksums of {} state versions written before kplan kept checksums.", n);
        }
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException | IllegalArgumentException e) {
      throw Failures.of(where, "record the checksums of its older versions", e);
    }
  }

  private static Optional<String> selectLineage(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT lineage FROM state_meta WHERE id = 1");
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
    }
  }

  /** Where this store lives, for messages: the file, or the URL without credentials. */
  public String where() {
    return where;
  }

  @Override
  public StateSnapshot read() throws StateException {
    return readAt(OptionalLong.empty(), false);
  }

  @Override
  public List<dev.kplan.state.Intent> intents() throws StateException {
    try (Connection c = connection()) {
      return IntentRows.open(c);
    } catch (SQLException e) {
      throw Failures.of(where, "read the intent journal", e);
    } catch (IllegalArgumentException e) {
      throw new StateException("The intent journal of " + where + " is damaged: " + e.getMessage());
    }
  }

  /** What a sealed value reads as without the passphrase, in the display reads. */
  public static final String ENCRYPTED = SensitiveCipher.MASK;

  /** As {@link #readVersion}, for display (see {@link #readForDisplay()}). */
  public StateSnapshot readVersionForDisplay(long serial) throws StateException {
    return readAt(OptionalLong.of(serial), true);
  }

  /**
   * As {@link #readInstance}, for display: without a passphrase, sealed values read as {@value
   * #ENCRYPTED}. What it returns must never be written back.
   */
  public Optional<ResourceInstance> readInstanceForDisplay(String address, OptionalLong version)
      throws StateException {
    Optional<ResourceInstance> raw = readStoredInstance(address, version);
    return raw.isEmpty() ? raw : Optional.of(cipher.maskInstance(raw.get()));
  }

  /**
   * As {@link #read()}, for display: without a passphrase, sealed sensitive values read as
   * {@code "(encrypted)"} instead of refusing the whole state.
   */
  public StateSnapshot readForDisplay() throws StateException {
    return readAt(OptionalLong.empty(), true);
  }

  /**
   * Seals sensitive values written from now on with the key of {@code passphrase}, and opens those
   * read. The first passphrase given to a state fixes its salt; later ones must match it (a wrong
   * one is refused here, before anything is read or written).
   */
  public void usePassphrase(char[] passphrase) throws StateException {
    cipher = SensitiveCipher.of(Encryption.key(pool, where, passphrase), where);
  }

  /**
   * {@code kplan state rekey}: under the state lock, re-encrypts every sensitive value of every
   * version with {@code newPassphrase} (the current ones opened with {@code oldPassphrase}, null
   * when the state was never encrypted) and records the versions' new checksums, all in one
   * transaction. Returns how many stored values were re-sealed; the store then uses the new key.
   */
  public int rekey(char[] oldPassphrase, char[] newPassphrase, String owner, Duration lockTimeout)
      throws StateException {
    try (Lock held = lock(owner, "state rekey", lockTimeout)) {
      int n;
      try (Connection c = pool.getConnection()) {
        c.setAutoCommit(false);
        try {
          n = Encryption.rekey(c, where, oldPassphrase, newPassphrase);
          c.commit();
        } finally {
          c.rollback();
          c.setAutoCommit(true);
        }
      } catch (SQLException | IllegalArgumentException e) {
        throw Failures.of(where, "re-encrypt its sensitive values", e);
      }
      usePassphrase(newPassphrase);
      return n;
    }
  }

  SensitiveCipher cipher() {
    return cipher;
  }

  HikariDataSource pool() {
    return pool;
  }

  /**
   * The content of version {@code serial} as it was when the next version began (for a version left
   * open, as it is now). Every serial from the oldest kept (1 unless pruned) to the latest exists.
   */
  @Override
  public StateSnapshot readVersion(long serial) throws StateException {
    return readAt(OptionalLong.of(serial), false);
  }

  private StateSnapshot readAt(OptionalLong version, boolean display) throws StateException {
    try (Connection c = pool.getConnection()) {
      // One snapshot of the database, so a record() committing meanwhile is either wholly in or out.
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        long latest = latestSerial(c);
        long serial = version.orElse(latest);
        long oldest = oldestSerial(c);
        if (version.isPresent() && (serial < oldest || serial > latest || latest == 0)) {
          throw new StateException("The state at " + where + " has no version " + serial
              + (latest == 0 ? " (nothing was ever applied)." : " (versions are " + oldest + " to " + latest
                  + (oldest > 1 ? "; older ones were pruned" : "") + ")."));
        }
        if (serial == 0) {
          return StateSnapshot.empty(selectLineage(c).orElse(lineage));
        }
        VersionRows.Meta meta = VersionRows.meta(c, serial).orElseThrow(
            () -> new SQLException("state version " + serial + " has no row"));
        StateSnapshot content = VersionRows.read(c, serial, serial == latest, meta.lineage());
        c.commit();
        if (meta.checksum() != null) {
          String actual = Checksum.of(content);
          if (!actual.equals(meta.checksum())) {
            throw new StateException(integrityFailure(serial, meta.checksum(), actual)
                + " kplan read nothing from it and changed nothing; run \"kplan state verify\" to check every"
                + " version, and restore the database from a backup.");
          }
        }
        // The lineage the version was written under: a forced push may have changed the store's since.
        return display ? cipher.mask(content) : cipher.open(content);
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException | IllegalArgumentException e) {
      throw Failures.of(where, "read the state", e);
    }
  }

  private String integrityFailure(long serial, String recorded, String actual) {
    return "State version " + serial + " at " + where + " fails its integrity check: its content's SHA-256 is "
        + actual + ", but " + recorded + " was recorded when it was committed, so its rows were changed or damaged"
        + " outside kplan.";
  }

  /**
   * Checks every version kept (from the oldest {@code state prune} left) against the checksum
   * recorded when it was committed: one {@link VersionCheck} per version, oldest first. Reads only; a version whose rows cannot even be
   * decoded is a failure too, and the versions after it are still checked.
   */
  public List<VersionCheck> verify() throws StateException {
    try (Connection c = pool.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        long latest = latestSerial(c);
        List<VersionCheck> checks = new ArrayList<>();
        // From the oldest version kept: those before it were pruned on purpose, not lost.
        for (long serial = Math.max(1, oldestSerial(c)); serial <= latest; serial++) {
          checks.add(check(c, serial, serial == latest));
        }
        c.commit();
        return List.copyOf(checks);
      } finally {
        c.rollback();
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw Failures.of(where, "verify the state", e);
    }
  }

  private static void bindVersion(PreparedStatement s, OptionalLong version) throws SQLException {
    if (version.isPresent()) {
      s.setLong(1, version.getAsLong());
      s.setLong(2, version.getAsLong());
    }
  }

  static long oldestSerial(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT MIN(serial) FROM state_version");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      long serial = rs.getLong(1);
      return rs.wasNull() ? 0 : serial;
    }
  }

  @Override
  public List<String> addresses(OptionalLong version) throws StateException {
    if (version.isPresent()) {
      readVersionExists(version.getAsLong());
    }
    String rows = version.isPresent()
        ? " WHERE since_serial <= ? AND (until_serial IS NULL OR until_serial > ?)"
        : " WHERE until_serial IS NULL";
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT address FROM resource_instance" + rows)) {
      bindVersion(s, version);
      s.setFetchSize(1000);
      List<String> out = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
      return out;
    } catch (SQLException e) {
      throw Failures.of(where, "read the state's addresses", e);
    }
  }

  /** Fails as {@link #readVersion} does for a serial that was never written or was pruned. */
  private void readVersionExists(long serial) throws StateException {
    try (Connection c = pool.getConnection()) {
      long latest = latestSerial(c);
      long oldest = oldestSerial(c);
      if (serial < oldest || serial > latest || latest == 0) {
        throw new StateException("The state at " + where + " has no version " + serial
            + (latest == 0 ? " (nothing was ever applied)." : " (versions are " + oldest + " to " + latest
                + (oldest > 1 ? "; older ones were pruned" : "") + ")."));
      }
    } catch (SQLException e) {
      throw Failures.of(where, "read the state history", e);
    }
  }

  @Override
  public Optional<ResourceInstance> readInstance(String address, OptionalLong version) throws StateException {
    Optional<ResourceInstance> raw = readStoredInstance(address, version);
    return raw.isEmpty() ? raw : Optional.of(cipher.openInstance(raw.get()));
  }

  /** The row as stored, sealed values still sealed. */
  private Optional<ResourceInstance> readStoredInstance(String address, OptionalLong version) throws StateException {
    Objects.requireNonNull(address, "address is null");
    String rows = version.isPresent()
        ? " AND since_serial <= ? AND (until_serial IS NULL OR until_serial > ?)"
        : " AND until_serial IS NULL";
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement("SELECT provider, schema_version, attributes_json,"
            + " sensitive_paths_json, dependencies_json, tainted, private_data FROM resource_instance"
            + " WHERE address = ?" + rows)) {
      s.setString(1, address);
      if (version.isPresent()) {
        s.setLong(2, version.getAsLong());
        s.setLong(3, version.getAsLong());
      }
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new ResourceInstance(address, rs.getString(1), rs.getInt(2), rs.getString(3),
            rs.getString(4), Json.strings(rs.getString(5), "dependencies of " + address), rs.getBoolean(6),
            rs.getString(7)));
      }
    } catch (SQLException | IllegalArgumentException e) {
      throw Failures.of(where, "read " + address, e);
    }
  }

  private VersionCheck check(Connection c, long serial, boolean latest) throws SQLException {
    Optional<VersionRows.Meta> meta = VersionRows.meta(c, serial);
    if (meta.isEmpty()) {
      return new VersionCheck(serial, VersionCheck.Outcome.FAILED, null,
          "State version " + serial + " at " + where + " is missing from the history (its row was deleted).");
    }
    String actual;
    try {
      actual = VersionRows.computeChecksum(c, meta.get(), latest);
    } catch (IllegalArgumentException e) {
      return new VersionCheck(serial, VersionCheck.Outcome.FAILED, null,
          "State version " + serial + " at " + where + " cannot be read: " + e.getMessage() + ".");
    }
    String recorded = meta.get().checksum();
    if (recorded == null) {
      return latest && !meta.get().sealed()
          ? new VersionCheck(serial, VersionCheck.Outcome.OPEN, actual,
              "State version " + serial + " is still open (an apply is running or was interrupted): it gets its"
                  + " checksum when it is sealed.")
          : new VersionCheck(serial, VersionCheck.Outcome.FAILED, actual,
              "State version " + serial + " at " + where + " has no checksum, though it was sealed: its row was"
                  + " changed outside kplan.");
    }
    if (!recorded.equals(actual)) {
      return new VersionCheck(serial, VersionCheck.Outcome.FAILED, actual, integrityFailure(serial, recorded, actual));
    }
    return new VersionCheck(serial, VersionCheck.Outcome.OK, actual, "");
  }

  /** The checksums recorded for each version, by serial (null where a version is still open). */
  Map<Long, String> recordedChecksums(Connection c) throws SQLException {
    Map<Long, String> out = new java.util.TreeMap<>();
    try (PreparedStatement s = c.prepareStatement("SELECT serial, checksum FROM state_version");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        out.put(rs.getLong(1), rs.getString(2));
      }
    }
    return out;
  }

  static long latestSerial(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT MAX(serial) FROM state_version");
        ResultSet rs = s.executeQuery()) {
      rs.next();
      long serial = rs.getLong(1);
      return rs.wasNull() ? 0 : serial;
    }
  }

  @Override
  public Lock lock(String owner, String operation, Duration timeout) throws StateException {
    Objects.requireNonNull(timeout, "timeout is null");
    LockInfo info = new LockInfo(UUID.randomUUID().toString(), owner, operation, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    long deadline = System.nanoTime() + timeout.toNanos();
    Duration backoff = Duration.ofMillis(50);
    // On PostgreSQL the session that proves we are alive exists before our row does (see SessionLock).
    SessionLock session = null;
    boolean waiting = false;
    try {
      if (dialect == Dialect.POSTGRESQL) {
        session = SessionLock.take(pool, info.id());
      }
      while (true) {
        Optional<HeldLock> held;
        try {
          held = tryLock(info);
        } catch (StateException e) {
          // An H2 file served by another kplan (AUTO_SERVER): when that process exits, the statement in flight fails
          // once and the next one reconnects to the file (AUTO_RECONNECT); so try again while time is left.
          if (!waiting || !serverWentAway(e) || System.nanoTime() - deadline >= 0) {
            throw e;
          }
          LOG.debug("The process serving the H2 state went away; taking the lock again", e);
          sleepQuietly(backoff);
          continue;
        }
        // our own row: an insert that committed although its answer was lost with the server that went away
        if (held.isEmpty() || held.get().info().id().equals(info.id())) {
          JdbcLock lock = new JdbcLock(this, info, session);
          session = null;
          return lock;
        }
        HeldLock holder = held.get();
        if (isStale(holder)) {
          clearStale(holder);
          continue;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new StateLockedException(holder.info());
        }
        if (!waiting) {
          waiting = true;
          LOG.info("The state is locked by {} ({} since {}, lock ID {}); waiting up to {} for it.", holder.info().owner(),
              holder.info().operation(), holder.info().created(), holder.info().id(), timeout);
        }
        try {
          Thread.sleep(Math.max(1, Math.min(backoff.toMillis(), Duration.ofNanos(left).toMillis())));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StateException("Interrupted while waiting for the state lock held by " + holder.info().owner() + ".", e);
        }
        backoff = backoff.multipliedBy(3).dividedBy(2);
        if (backoff.compareTo(MAX_BACKOFF) > 0) {
          backoff = MAX_BACKOFF;
        }
      }
    } catch (SQLException e) {
      throw Failures.of(where, "take the state lock", e);
    } finally {
      if (session != null) {
        try {
          session.close();
        } catch (SQLException e) {
          LOG.debug("Closing the state lock session failed", e);
        }
      }
    }
  }

  /** H2's answers when the process serving the file (AUTO_SERVER) exits under a connection. */
  private boolean serverWentAway(Throwable e) {
    if (dialect != Dialect.H2) {
      return false;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException se && (se.getErrorCode() == 90098 || se.getErrorCode() == 90067
          || se.getErrorCode() == 90121 || (se.getSQLState() != null && se.getSQLState().startsWith("08")))) {
        return true;
      }
    }
    return false;
  }

  private static void sleepQuietly(Duration d) throws StateException {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateException("Interrupted while waiting for the state lock.", e);
    }
  }

  /**
   * Whether the holder of a lock row is gone: on PostgreSQL, nobody holds the row's advisory lock
   * (its session ended, on any machine); on H2, its process on this host no longer runs.
   */
  private boolean isStale(HeldLock holder) throws StateException {
    if (dialect == Dialect.POSTGRESQL) {
      try (Connection c = pool.getConnection()) {
        return !SessionLock.isHeld(c, holder.info().id());
      } catch (SQLException e) {
        throw Failures.of(where, "check whether the holder of the state lock is alive", e);
      }
    }
    return holder.holder().isDeadFrom(Holder.CURRENT);
  }

  /** Inserts our lock row; empty when we got it, else the holder at the time (or a retry if it just left). */
  private Optional<HeldLock> tryLock(LockInfo info) throws StateException {
    try (Connection c = pool.getConnection()) {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO state_lock (slot, lock_id, owner, operation, created,"
          + " holder_host, holder_pid) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, SLOT);
        s.setString(2, info.id());
        s.setString(3, info.owner());
        s.setString(4, info.operation());
        s.setObject(5, info.created().atOffset(ZoneOffset.UTC));
        s.setString(6, Holder.CURRENT.host());
        s.setLong(7, Holder.CURRENT.pid());
        s.executeUpdate();
        return Optional.empty();
      } catch (SQLException e) {
        if (!isConstraintViolation(e)) {
          throw e;
        }
      }
      Optional<HeldLock> holder = selectHolder(c);
      // Released between our insert and our look: try again at once, by reporting a live holder of nothing.
      return holder.isPresent() ? holder : tryLock(info);
    } catch (SQLException e) {
      throw Failures.of(where, "take the state lock", e);
    }
  }

  private void clearStale(HeldLock stale) throws StateException {
    try (Connection c = pool.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM state_lock WHERE slot = ? AND lock_id = ?")) {
      s.setString(1, SLOT);
      s.setString(2, stale.info().id());
      if (s.executeUpdate() == 1) {
        LOG.warn("Removed the state lock {} of {} ({}, since {}): its process {} on {} no longer runs.", stale.info().id(),
            stale.info().owner(), stale.info().operation(), stale.info().created(), stale.holder().pid(),
            stale.holder().host());
      }
    } catch (SQLException e) {
      throw Failures.of(where, "clear the lock left by a process that died", e);
    }
  }

  static Optional<HeldLock> selectHolder(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT lock_id, owner, operation, created, holder_host, holder_pid"
        + " FROM state_lock WHERE slot = ?")) {
      s.setString(1, SLOT);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        LockInfo info = new LockInfo(rs.getString(1), rs.getString(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class).toInstant());
        return Optional.of(new HeldLock(info, new Holder(rs.getString(5), rs.getLong(6))));
      }
    }
  }

  @Override
  public Optional<LockInfo> lockHolder() throws StateException {
    try (Connection c = pool.getConnection()) {
      return selectHolder(c).map(HeldLock::info);
    } catch (SQLException e) {
      throw Failures.of(where, "read the state lock", e);
    }
  }

  @Override
  public void forceUnlock(String lockId) throws StateException {
    Objects.requireNonNull(lockId, "lockId is null");
    try (Connection c = pool.getConnection()) {
      try (PreparedStatement s = c.prepareStatement("DELETE FROM state_lock WHERE slot = ? AND lock_id = ?")) {
        s.setString(1, SLOT);
        s.setString(2, lockId);
        if (s.executeUpdate() == 1) {
          return;
        }
      }
      Optional<HeldLock> holder = selectHolder(c);
      throw new StateException(holder
          .map(h -> "The state lock has ID " + h.info().id() + " (held by " + h.info().owner() + " for "
              + h.info().operation() + " since " + h.info().created() + "), not " + lockId + "; nothing was unlocked.")
          .orElse("The state is not locked; there is no lock " + lockId + " to remove."));
    } catch (SQLException e) {
      throw Failures.of(where, "remove the state lock", e);
    }
  }

  @Override
  public List<StateVersion> history() throws StateException {
    return history(Integer.MAX_VALUE);
  }

  @Override
  public List<StateVersion> history(int limit) throws StateException {
    if (limit < 1) {
      return List.of();
    }
    try (Connection c = pool.getConnection()) {
      List<StateVersion> versions = new ArrayList<>();
      List<Long> unsealed = new ArrayList<>();
      try (PreparedStatement s = c.prepareStatement("SELECT serial, created, who, command, added, changed, removed,"
          + " sealed, host, moved FROM state_version ORDER BY serial DESC")) {
        s.setMaxRows(limit == Integer.MAX_VALUE ? 0 : limit);
        try (ResultSet rs = s.executeQuery()) {
          while (rs.next()) {
            long serial = rs.getLong(1);
            int moved = rs.getInt(10);
            moved = rs.wasNull() ? StateVersion.MOVES_UNKNOWN : moved;
            versions.add(new StateVersion(serial, rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getString(9),
                moved));
            if (!rs.getBoolean(8)) {
              unsealed.add(serial);
            }
          }
        }
      }
      // A version never sealed (an apply that is running, or that died) has no stored counts: count its rows now.
      List<StateVersion> counted = new ArrayList<>(versions.size());
      for (StateVersion v : versions) {
        if (unsealed.contains(v.serial())) {
          Counts n = Counts.of(c, v.serial());
          counted.add(new StateVersion(v.serial(), v.created(), v.who(), v.command(), n.added(), n.changed(),
              n.removed(), v.host(), v.moved() == StateVersion.MOVES_UNKNOWN ? v.moved() : n.moved()));
        } else {
          counted.add(v);
        }
      }
      return List.copyOf(counted);
    } catch (SQLException e) {
      throw Failures.of(where, "read the state history", e);
    }
  }

  @Override
  public RecordedMoves moves(long from, long to) throws StateException {
    try (Connection c = pool.getConnection()) {
      return MoveRows.between(c, from, to);
    } catch (SQLException e) {
      throw Failures.of(where, "read the moves recorded between state versions " + from + " and " + to, e);
    }
  }

  /**
   * Copies this store, every version with its history, into {@code destination} and verifies the
   * copy against this store's checksums ({@code kplan state migrate}). A destination that already
   * holds versions is refused unless {@code force}, and then replaced as a whole.
   */
  public MigrationReport copyTo(JdbcStateStore destination, boolean force, String who, Duration lockTimeout)
      throws StateException {
    return StoreCopy.copy(this, destination, force, who, lockTimeout);
  }

  @Override
  public void close() throws StateException {
    if (dialect == Dialect.H2) {
      H2Reconnects.closed(connect.url());
    }
    pool.close();
  }

  Connection connection() throws SQLException {
    return pool.getConnection();
  }

  /**
   * What a write transaction holds while it runs, so that this process writes one at a time; null
   * on PostgreSQL. On H2, a commit applies a transaction to each table and index in turn, and the
   * file can be stored (by another connection's commit, or H2's memory threshold) in the middle:
   * the file then holds half a commit, which a process killed at that moment leaves behind (see
   * {@link H2Recovery}). With one writer at a time, only the committing transaction's own store can
   * fall in its commit, and H2's recovery then has its whole undo log to finish it from.
   */
  Object writeGuard() {
    return dialect == Dialect.H2 ? H2_WRITES : null;
  }

  String lineage() {
    return lineage;
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
  }

  static boolean isConstraintViolation(SQLException e) {
    return e.getSQLState() != null && e.getSQLState().startsWith("23");
  }

  /** A JDBC URL without its password (a {@code password} parameter or {@code user:password@}), for messages. */
  public static String redact(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("(//[^/@:]*:)[^/@]*@", "$1***@");
  }

  /** A lock row: what the user sees, and the process that holds it. */
  record HeldLock(LockInfo info, Holder holder) {}
}
