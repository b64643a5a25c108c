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

    /** Closes the open version with its change counts; it becomes what {@link StateStore#read()} returns. */
    StateSnapshot commit() throws StateException;

    /** Releases the lock (an open version keeps every change recorded so far). */
    @Override
    void close() throws StateException;
  }
}
