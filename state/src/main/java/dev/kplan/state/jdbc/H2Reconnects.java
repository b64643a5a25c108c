package dev.kplan.state.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.h2.api.DatabaseEventListener;
import org.slf4j.LoggerFactory;

/**
 * H2's event listener on kplan's state files ({@code DATABASE_EVENT_LISTENER} in the URL). When
 * the process serving a state file dies, its clients reconnect and one of them opens the file
 * itself, running H2's recovery in the middle of a statement; this listener hears of the reconnect
 * and lets {@link H2Recovery} finish what that recovery left half done before the statement goes
 * on. (A process that opens the file directly checks it in {@code JdbcStateStore} instead.)
 */
public final class H2Reconnects implements DatabaseEventListener {
  /** The URLs of the H2 state files this process has open, with how many stores use each. */
  private static final ConcurrentMap<String, Integer> OPEN = new ConcurrentHashMap<>();

  static void opened(String url) {
    OPEN.merge(url, 1, Integer::sum);
  }

  static void closed(String url) {
    OPEN.computeIfPresent(url, (u, n) -> n == 1 ? null : n - 1);
  }

  @Override
  public void setProgress(int state, String name, long x, long max) {
    if (state != STATE_RECONNECTED) {
      return;
    }
    for (String url : OPEN.keySet()) {
      // a connection of this process: in the process that now serves the file it is local, and
      // H2Recovery checks that database once; elsewhere it is remote and nothing is done
      Properties login = new Properties();
      login.setProperty("user", "sa");
      login.setProperty("password", "");
      try (Connection c = org.h2.Driver.load().connect(url + ";IFEXISTS=TRUE", login)) {
        H2Recovery.finishLeftoverCommits(c);
      } catch (SQLException | RuntimeException e) {
        LoggerFactory.getLogger(H2Reconnects.class).warn("cannot check the state file {} after reconnecting: {}", url,
            e.toString());
      }
    }
  }
}
