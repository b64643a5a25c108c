package dev.kplan.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kplan.state.LockInfo;
import dev.kplan.state.StateChange;
import dev.kplan.state.StateException;
import dev.kplan.state.StateSnapshot;
import dev.kplan.state.StateStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Changes finishing together share one transaction, and each record still returns only once committed. */
class GroupCommitTest {
  final ExecutorService pool = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  /** Records transactions; the first one waits for {@code release}, changes named "bad" are refused. */
  static final class TransactionLog implements StateStore.Lock {
    final List<List<String>> transactions = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch firstEntered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void recordAll(List<StateChange> changes) throws StateException {
      boolean first = firstEntered.getCount() == 1;
      firstEntered.countDown();
      if (first) {
        try {
          release.await();
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      }
      List<String> names = new ArrayList<>();
      for (StateChange c : changes) {
        String address = ((StateChange.Put) c).instance().address();
        if (address.equals("bad")) {
          throw new StateException("refused " + address);
        }
        names.add(address);
      }
      transactions.add(names);
    }

    @Override
    public void record(StateChange change) throws StateException {
      recordAll(List.of(change));
    }

    @Override
    public LockInfo info() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void begin(String who, String command) {
    }

    @Override
    public StateSnapshot commit() {
      throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
  }

  static StateChange put(String address) {
    return new StateChange.Put(new dev.kplan.state.ResourceInstance(address, "provider.local", 0, "{}", "[]",
        List.of(), false, null));
  }

  /** Waits until {@code t} is parked waiting for the write in progress. */
  static void awaitWaiting(Thread t) throws InterruptedException {
    while (t.getState() != Thread.State.WAITING) {
      Thread.sleep(1);
    }
  }

  /** Starts {@code record(address)} on a thread of its own, returning the thread and its outcome. */
  static Thread recordOn(GroupCommit group, String address, CompletableFuture<Exception> outcome) {
    Thread t = new Thread(() -> {
      try {
        group.record(put(address));
        outcome.complete(null);
      } catch (Exception e) {
        outcome.complete(e);
      }
    });
    t.start();
    return t;
  }

  @Test
  void changesFinishingDuringAWriteGoInTheNextTransactionTogether() throws Exception {
    TransactionLog log = new TransactionLog();
    GroupCommit group = new GroupCommit(log);
    Future<?> first = pool.submit(() -> {
      group.record(put("a"));
      return null;
    });
    log.firstEntered.await();
    List<CompletableFuture<Exception>> outcomes = new ArrayList<>();
    for (String address : List.of("b", "c", "d")) {
      CompletableFuture<Exception> outcome = new CompletableFuture<>();
      awaitWaiting(recordOn(group, address, outcome));
      outcomes.add(outcome);
    }
    log.release.countDown();
    first.get();
    for (CompletableFuture<Exception> o : outcomes) {
      assertEquals(null, o.get());
    }
    assertEquals(2, log.transactions.size(), log.transactions.toString());
    assertEquals(List.of("a"), log.transactions.get(0));
    assertEquals(Set.of("b", "c", "d"), new TreeSet<>(log.transactions.get(1)));
  }

  @Test
  void aRefusedChangeCostsTheOthersInItsTransactionNothing() throws Exception {
    TransactionLog log = new TransactionLog();
    GroupCommit group = new GroupCommit(log);
    Future<?> first = pool.submit(() -> {
      group.record(put("a"));
      return null;
    });
    log.firstEntered.await();
    CompletableFuture<Exception> good1 = new CompletableFuture<>();
    CompletableFuture<Exception> bad = new CompletableFuture<>();
    CompletableFuture<Exception> good2 = new CompletableFuture<>();
    awaitWaiting(recordOn(group, "b", good1));
    awaitWaiting(recordOn(group, "bad", bad));
    awaitWaiting(recordOn(group, "c", good2));
    log.release.countDown();
    first.get();
    assertEquals(null, good1.get());
    assertEquals(null, good2.get());
    assertTrue(bad.get() instanceof StateException, String.valueOf(bad.get()));
    assertEquals("refused bad", bad.get().getMessage());
    Set<String> recorded = new TreeSet<>();
    log.transactions.forEach(recorded::addAll);
    assertEquals(Set.of("a", "b", "c"), recorded);
  }

  @Test
  void aLoneRefusedChangeIsReportedToItsCaller() {
    TransactionLog log = new TransactionLog();
    log.release.countDown();
    GroupCommit group = new GroupCommit(log);
    StateException e = assertThrows(StateException.class, () -> group.record(put("bad")));
    assertEquals("refused bad", e.getMessage());
  }
}
