package dev.kplan.state.jdbc;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionStore;

/**
 * Makes, deterministically, the file that a process killed in the middle of an H2 commit can leave:
 * the transaction's undo log marked committed and stored, its rows not yet committed. In real runs
 * this happens when another connection's commit (or H2's memory threshold) stores the file between
 * the two steps of a commit and the process is then killed; here the first step is taken by hand.
 */
final class H2Interruption {
  private H2Interruption() {}

  /** Marks the open transaction of {@code c} committed, stores the file and halts the JVM (as {@code kill -9}). */
  static void dieMidCommit(Connection c) throws SQLException, ReflectiveOperationException {
    SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
    Transaction transaction = session.getTransaction();
    TransactionStore transactions = session.getDatabase().getStore().getTransactionStore();
    Method mark = TransactionStore.class.getDeclaredMethod("markUndoLogAsCommitted", int.class, long.class);
    mark.setAccessible(true);
    mark.invoke(transactions, transaction.getId(), 1L);
    session.getDatabase().getStore().getMvStore().commit();
    Runtime.getRuntime().halt(137);
  }
}
