package dev.kplan.engine.apply;

import dev.kplan.state.Intent;
import dev.kplan.state.LockInfo;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A state lock whose {@link #record} commits the changes that finish at about the same time in one
 * transaction (a group commit), without weakening what {@code record} promises: it returns only once
 * its change is committed. The first caller to find no write in progress writes everything queued;
 * the changes that finish meanwhile wait and go in the next transaction together. With ten changes
 * applied at once, one commit then records several of them instead of one each.
 *
 * <p>A transaction that fails is retried change by change, so one change the store refuses does
 * not cost the others their record: every change that did happen is still recorded or reported.
 */
public final class GroupCommit implements StateStore.Lock {
  private final StateStore.Lock lock;
  private final Object mutex = new Object();
  private List<Pending> queue = new ArrayList<>();
  private boolean writing;

  /** One change waiting for its commit; {@code done} and {@code failure} are guarded by the mutex. */
  private static final class Pending {
    final StateChange change;
    boolean done;
    Exception failure;

    Pending(StateChange change) {
      this.change = change;
    }
  }

  public GroupCommit(StateStore.Lock lock) {
    this.lock = Objects.requireNonNull(lock, "lock is null");
  }

  @Override
  public void record(StateChange change) throws StateException {
    Pending mine = new Pending(Objects.requireNonNull(change, "change is null"));
    List<Pending> batch;
    synchronized (mutex) {
      queue.add(mine);
      boolean interrupted = false;
      // not interruptible: a change left queued must still be written by someone
      while (writing && !mine.done) {
        try {
          mutex.wait();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (mine.done) {
        rethrow(mine.failure);
        return;
      }
      writing = true;
      batch = queue;
      queue = new ArrayList<>();
    }
    try {
      write(batch);
    } finally {
      synchronized (mutex) {
        for (Pending p : batch) {
          p.done = true;
        }
        writing = false;
        mutex.notifyAll();
      }
    }
    rethrow(mine.failure);
  }

  private void write(List<Pending> batch) {
    List<StateChange> changes = new ArrayList<>(batch.size());
    for (Pending p : batch) {
      changes.add(p.change);
    }
    try {
      lock.recordAll(changes);
      return;
    } catch (StateException | RuntimeException e) {
      if (batch.size() == 1) {
        batch.get(0).failure = e;
        return;
      }
    }
    for (Pending p : batch) {
      try {
        lock.record(p.change);
      } catch (StateException | RuntimeException e) {
        p.failure = e;
      }
    }
  }

  private static void rethrow(Exception failure) throws StateException {
    if (failure instanceof StateException se) {
      throw se;
    }
    if (failure instanceof RuntimeException re) {
      throw re;
    }
  }

  @Override
  public void recordAll(List<StateChange> changes) throws StateException {
    lock.recordAll(changes); // already one transaction
  }

  /** Intents and their answers are not batched: each keeps its own transaction, as the journal needs. */
  @Override
  public void recordIntent(Intent intent) throws StateException {
    lock.recordIntent(intent);
  }

  @Override
  public void recordResult(String intentId, StateChange change) throws StateException {
    lock.recordResult(intentId, change);
  }

  @Override
  public void closeIntent(String intentId) throws StateException {
    lock.closeIntent(intentId);
  }

  @Override
  public LockInfo info() {
    return lock.info();
  }

  @Override
  public void begin(String who, String command) throws StateException {
    lock.begin(who, command);
  }

  @Override
  public StateSnapshot commit() throws StateException {
    return lock.commit();
  }

  @Override
  public StateSnapshot writeVersion(String who, String command, List<StateChange> changes, String lineage)
      throws StateException {
    return lock.writeVersion(who, command, changes, lineage);
  }

  @Override
  public int prune(int keep) throws StateException {
    return lock.prune(keep);
  }

  @Override
  public void close() throws StateException {
    lock.close();
  }
}
