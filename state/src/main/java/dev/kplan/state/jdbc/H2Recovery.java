package dev.kplan.state.jdbc;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.h2.engine.Database;
import org.h2.engine.Session;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes the commits that H2's own recovery leaves half done after a process was killed.
 *
 * <p>H2 marks a transaction's undo log "committed" before it applies the transaction to the
 * tables. If the file is stored between the two (another connection's commit stores it, or the
 * store's own memory threshold does) and the process is then killed, H2 (up to at least 2.5.252)
 * reopens the file with that transaction registered as COMMITTED but never applies or closes it:
 * {@code Transaction.commit()} does nothing for a transaction that is already COMMITTED. Readers
 * then see the rows it changed as they were before it, and any statement that writes one of them
 * spins forever at full CPU ({@code TransactionMap.set} waits for the "blocking" transaction,
 * whose wait returns at once because it is not active; {@code LOCK_TIMEOUT} never fires).
 *
 * <p>Recovered transactions are the only ones without an owning session (owner id 0; sessions are
 * numbered from 1). For each one left COMMITTED this does what H2 meant to do: apply its undo log
 * as a commit and close it, which stores the result. It runs once per opened database, in the
 * process that opened the file (the one that ran the recovery), before kplan uses the state. H2's
 * internals are reached by reflection; if they change, this logs that it cannot check and the
 * tests that reproduce the state ({@code H2RecoveryTest}) fail.
 */
final class H2Recovery {
  private static final Logger LOG = LoggerFactory.getLogger(H2Recovery.class);
  private static final Set<Database> CHECKED = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
  private static final Internals INTERNALS = Internals.find();

  private H2Recovery() {}

  /**
   * Finishes the leftover committed transactions of the database {@code c} is connected to, when
   * this process opened it and it was not checked yet; returns how many were finished.
   */
  static int finishLeftoverCommits(Connection c) throws SQLException {
    if (!c.isWrapperFor(JdbcConnection.class)) {
      return 0;
    }
    Session session = c.unwrap(JdbcConnection.class).getSession();
    if (!(session instanceof SessionLocal local)) {
      return 0; // served by another process, which opened the file and checks it
    }
    Database database = local.getDatabase();
    if (!CHECKED.add(database) || database.getStore() == null) {
      return 0;
    }
    if (INTERNALS == null) {
      return 0;
    }
    TransactionStore transactions = database.getStore().getTransactionStore();
    int finished = 0;
    for (Transaction t : transactions.getOpenTransactions()) {
      if (t.getStatus() == Transaction.STATUS_COMMITTED && INTERNALS.owner(t) == 0) {
        INTERNALS.finishCommit(transactions, t);
        finished++;
      }
    }
    if (finished > 0) {
      LOG.info("finished {} commit(s) that an interrupted process had begun in {}", finished, database.getName());
    }
    return finished;
  }

  /** The H2 members this needs, or null (logged) when this H2 has none of that shape. */
  private record Internals(Field ownerId, Method commit, Method close) {
    static Internals find() {
      try {
        Field ownerId = Transaction.class.getDeclaredField("ownerId");
        Method commit = TransactionStore.class.getDeclaredMethod("commit", Transaction.class, boolean.class);
        Method close = Transaction.class.getDeclaredMethod("close", boolean.class, Throwable.class);
        ownerId.setAccessible(true);
        commit.setAccessible(true);
        close.setAccessible(true);
        return new Internals(ownerId, commit, close);
      } catch (ReflectiveOperationException | RuntimeException e) {
        LoggerFactory.getLogger(H2Recovery.class).warn("cannot check H2 state files for half-recovered commits: {}",
            e.toString());
        return null;
      }
    }

    int owner(Transaction t) {
      try {
        return ownerId.getInt(t);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      }
    }

    /** As {@code Transaction.commit()} would for a recovered COMMITTED transaction: apply the undo log, then close. */
    void finishCommit(TransactionStore store, Transaction t) throws SQLException {
      try {
        commit.invoke(store, t, true);
        close.invoke(t, true, null);
      } catch (ReflectiveOperationException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        throw new SQLException("cannot finish the interrupted commit of H2 transaction " + t + ": " + cause, cause);
      }
    }
  }
}
