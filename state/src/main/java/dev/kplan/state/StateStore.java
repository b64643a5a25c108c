package dev.kplan.state;

import java.time.Duration;
import java.util.List;

/**
 * Where kplan keeps state. One store holds the state of one workspace (see {@code
 * JdbcStateStore#workspace}); reading is always allowed, writing needs the lock. Implementations are safe for use by several threads of one
 * process (the applier records changes from parallel workers).
 */
public interface StateStore extends AutoCloseable {
  /** The latest version (an empty state with a fresh lineage when nothing was ever written). */
  StateSnapshot read() throws StateException;

  /**
   * Takes the lock for {@code operation}, waiting up to {@code timeout} for another holder; a
   * holder that is still there then is named in a {@link StateLockedException}.
   */
  Lock lock(String owner, String operation, Duration timeout) throws StateException;

  /** Who holds the lock now, if anyone. */
  java.util.Optional<LockInfo> lockHolder() throws StateException;

  /** Removes a lock left by a process that died ({@code kplan force-unlock ID}). */
  void forceUnlock(String lockId) throws StateException;

  /** The versions, newest first. */
  List<StateVersion> history() throws StateException;

  /** The newest {@code limit} versions, newest first (a store should read no more rows than that). */
  default List<StateVersion> history(int limit) throws StateException {
    List<StateVersion> all = history();
    return all.subList(0, Math.min(Math.max(limit, 0), all.size()));
  }

  /**
   * The content of version {@code serial} (for the latest, the same as {@link #read()}); a serial
   * that was never written or was pruned is a {@link StateException} naming the versions kept.
   */
  default StateSnapshot readVersion(long serial) throws StateException {
    StateSnapshot latest = read();
    if (serial == latest.serial()) {
      return latest;
    }
    throw new StateException("This state store keeps no history; it has only version " + latest.serial() + ".");
  }

  /**
   * The addresses of the objects in version {@code serial} (empty: the latest), without their
   * attributes: what {@code state list} needs, at a fraction of the cost of a whole snapshot.
   */
  default List<String> addresses(java.util.OptionalLong serial) throws StateException {
    StateSnapshot s = serial.isPresent() ? readVersion(serial.getAsLong()) : read();
    return List.copyOf(s.resources().keySet());
  }

  /**
   * One stored object at {@code address} in version {@code serial} (empty: the latest), read by
   * its address alone, so that looking at one object costs the same however large the state is.
   */
  default java.util.Optional<ResourceInstance> readInstance(String address, java.util.OptionalLong serial)
      throws StateException {
    StateSnapshot s = serial.isPresent() ? readVersion(serial.getAsLong()) : read();
    return java.util.Optional.ofNullable(s.resources().get(address));
  }

  /**
   * The moves recorded from version {@code from} to version {@code to} (either may be the later),
   * composed across the versions in between; a store that does not record moves knows none.
   */
  default RecordedMoves moves(long from, long to) throws StateException {
    return RecordedMoves.unknown();
  }

  /**
   * The open entries of the intent journal, oldest first: creates that were started and whose
   * intent was not closed (see {@link Lock#recordIntent}). A store without a journal has none.
   */
  default List<Intent> intents() throws StateException {
    return List.of();
  }

  @Override
  void close() throws StateException;

  /**
   * A held lock: everything that writes goes through it. {@link #begin} opens a new version (the
   * next serial) whose content starts as the latest version's; {@link #record} commits one change
   * to the open version in its own transaction, so each finished change survives a crash.
   */
  interface Lock extends AutoCloseable {
    LockInfo info();

    /** Opens the next version for an apply by {@code who} running {@code command}. */
    void begin(String who, String command) throws StateException;

    /** Commits one change to the open version at once. */
    void record(StateChange change) throws StateException;

    /**
     * Commits {@code changes} to the open version together, in one transaction: all of them or
     * none. For changes that finished at about the same time (a group commit), which are then all
     * durable when this returns, for the cost of one commit.
     */
    default void recordAll(List<StateChange> changes) throws StateException {
      for (StateChange change : changes) {
        record(change);
      }
    }

    /**
     * Writes {@code intent} to the journal in its own transaction, before the provider is asked to
     * create the object: a crash after the create then leaves a trace that the next plan follows.
     * A store without a journal ignores it.
     */
    default void recordIntent(Intent intent) throws StateException {}

    /**
     * Commits {@code change} (what the provider answered for intent {@code intentId}) to the open
     * version and marks the intent answered, in one transaction, so that the object and the
     * answer are stored together or not at all.
     */
    default void recordResult(String intentId, StateChange change) throws StateException {
      record(change);
    }

    /** Removes intent {@code intentId} from the journal (its own transaction): nothing is left to follow. */
    default void closeIntent(String intentId) throws StateException {}

    /** Closes the open version with its change counts; it becomes what {@link StateStore#read()} returns. */
    StateSnapshot commit() throws StateException;

    /**
     * Writes {@code changes} as one new version by {@code who} running {@code command}, in one
     * transaction: either all of them are stored, sealed with their counts, or none. With a
     * {@code lineage}, the state takes that lineage from this version on (a forced push of another
     * state); null keeps the current one. No version may be open.
     */
    default StateSnapshot writeVersion(String who, String command, List<StateChange> changes, String lineage)
        throws StateException {
      throw new UnsupportedOperationException("this lock writes change by change only");
    }

    /**
     * Deletes every version but the newest {@code keep} (at least 1), with the rows only they held;
     * the versions kept read exactly as before. Returns how many versions were deleted.
     */
    default int prune(int keep) throws StateException {
      throw new UnsupportedOperationException("this lock cannot prune history");
    }

    /** Releases the lock (an open version keeps every change recorded so far). */
    @Override
    void close() throws StateException;
  }
}
